#!/usr/bin/env bash
# A real WordPress (Debian bookworm packages) on 127.0.0.1 for the publishing tests.
# Why things are done this way: /work/shared/notes/cms.md, section 1.
#
#   wordpress.sh install             install the Debian packages (quick no-op when present)
#   wordpress.sh start               install if needed, start MariaDB + Apache, install WordPress,
#                                    make an application password, write $WP_DATA/env.json
#   wordpress.sh stop                stop Apache and MariaDB (by pid file)
#   wordpress.sh db-stop | db-start  stop/start only MariaDB (WordPress then answers HTTP 500)
#   wordpress.sh status              print running/stopped; exit 0 when running, else 1
#
# Env: WP_PORT (8881), WP_DATA (/tmp/newsroom-wp), WP_ADMIN_USER (admin).
# Needs root (apt, daemons that drop to mysql/www-data, /etc/wordpress). The daemons outlive
# this script on purpose: CI must run `stop` at the end.
set -euo pipefail

WP_PORT="${WP_PORT:-8881}"
WP_DATA="${WP_DATA:-/tmp/newsroom-wp}"
WP_ADMIN_USER="${WP_ADMIN_USER:-admin}"
WP_URL="http://127.0.0.1:$WP_PORT"
SETUP_PHP="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/wordpress-setup.php"
# Debian's /usr/share/wordpress/wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php.
# One name per port, so instances on different ports do not overwrite each other's config.
CONFIG_NAME="newsroom-$WP_PORT"
WP_CONFIG_FILE="/etc/wordpress/config-$CONFIG_NAME.php"
RUN="$WP_DATA/run" LOGS="$WP_DATA/log"
SOCK="$RUN/mysql/mysqld.sock" DB_PID="$RUN/mysql/mariadbd.pid"
HTTPD_PID="$RUN/apache2.pid" HTTPD_CONF="$WP_DATA/apache2.conf"
SECRETS="$WP_DATA/secrets.sh" ENV_JSON="$WP_DATA/env.json"
SALTS=(AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT)
# mariadb-server-core, not mariadb-server: same daemon without galera/perl and an unused /var/lib/mysql.
PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server-core mariadb-client
  apache2 libapache2-mod-php php-cli php-mysql php-gd php-curl php-xml php-mbstring curl jq)

T0=$EPOCHREALTIME
log() { printf '[wordpress %6.2fs] %s\n' "$(awk -v a="$EPOCHREALTIME" -v b="$T0" 'BEGIN{printf "%.2f", a-b}')" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ $WP_PORT =~ ^[0-9]+$ ]] || die "WP_PORT must be a number, got '$WP_PORT'"
[[ $WP_DATA == /?* ]] || die "WP_DATA must be an absolute path other than /, got '$WP_DATA'"
[[ $(id -u) == 0 ]] || die "must run as root (apt, daemons that switch to mysql/www-data, /etc/wordpress)"

# Alphanumeric, so it needs no quoting in PHP, SQL or shell. Fixed-size read: no SIGPIPE for pipefail.
rand() { local s; s=$(head -c 256 /dev/urandom | base64 -w0 | tr -d '+/='); printf '%s' "${s:0:$1}"; }

# Serialise concurrent runs (several test processes may call `start` at once). Daemons are
# started with 9>&- so they do not inherit, and keep holding, this lock.
take_lock() {
  exec 9>>"/run/lock/newsroom-wp-$WP_PORT.lock"
  flock -n 9 && return 0
  log "waiting for another wordpress.sh run on port $WP_PORT"
  flock -w 300 9 || die "another wordpress.sh run on port $WP_PORT is still busy after 300 s"
}

# Alive and not a zombie: our daemons' parent is PID 1, which may reap them only seconds later.
alive() { local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ -n $st && $st != Z ]]; }

# Print the pid from a pid file if that process is alive and is the expected program (pids get reused).
live_pid() { # pidfile comm
  local pid
  [[ -s $1 ]] && pid=$(<"$1") && [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] && printf '%s' "$pid"
}

# SIGTERM, wait, then SIGKILL the whole process group: each daemon leads its own session, so
# this also catches Apache children that would otherwise keep holding the port.
stop_pid() { # pidfile comm timeout label
  local pid i
  if ! pid=$(live_pid "$1" "$2"); then rm -f "$1"; log "$4 not running"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < $3 * 10; i++)); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    log "$4 (pid $pid) still alive $3 s after SIGTERM, sending SIGKILL"; kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$1"; log "$4 stopped (was pid $pid)"
}

all_installed() { # one dpkg-query for all: exactly one "installed" line per package
  local st; st=$(dpkg-query -W -f='${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null) || return 1
  [[ $(grep -cx installed <<<"$st") == "${#PACKAGES[@]}" ]]
}

cmd_install() {
  if all_installed; then log "packages already installed"; return 0; fi
  # Without a policy-rc.d exiting 101, the postinst scripts would start apache2 on *:80 and the
  # system MariaDB. One we create is removed again, even if apt fails.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${PACKAGES[@]}")
  # `apt-get update` only when the lists lack a candidate for one of the packages.
  local policy; policy=$(apt-cache policy "${PACKAGES[@]}" 2>/dev/null || true)
  if [[ $(grep -c 'Candidate: [0-9]' <<<"$policy") != "${#PACKAGES[@]}" ]]; then
    log "apt-get update"; apt-get update -qq
  fi
  log "apt-get install (${#PACKAGES[@]} packages + dependencies)"
  # Lists older than the mirror make downloads 404: refresh once and retry.
  if ! "${apt[@]}" >&2; then
    log "apt-get install failed, retrying after apt-get update"
    apt-get update -qq && "${apt[@]}" >&2 || die "apt-get install failed"
  fi
  all_installed || die "packages still missing after apt-get install"
  log "packages installed"
}

make_layout() {
  # Only mariadb-server (not installed) would create this account.
  id mysql >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin mysql
  # Everything up to here must be traversable by mysql and www-data (fine under /tmp).
  install -d -m 755 "$WP_DATA" "$RUN" "$LOGS" "$WP_DATA/state"
  install -d -m 750 -o mysql -g mysql "$WP_DATA/mysql"
  install -d -m 755 -o mysql -g mysql "$RUN/mysql"            # 755: www-data reaches the socket
  install -d -m 755 -o www-data -g www-data "$WP_DATA/wp-content"{,/uploads,/upgrade}
  local d
  for d in themes plugins languages; do ln -sfn "/var/lib/wordpress/wp-content/$d" "$WP_DATA/wp-content/$d"; done
  # Logs written by the unprivileged users. No MTA: PHP's sendmail_path appends mail to mail.log.
  [[ -e $LOGS/mail.log ]] || install -m 640 -o www-data -g www-data /dev/null "$LOGS/mail.log"
  [[ -e $LOGS/mariadb.err ]] || install -m 640 -o mysql -g mysql /dev/null "$LOGS/mariadb.err"
  # Generated once and kept, so the DB password and salts (logins) survive restarts.
  if [[ ! -s $SECRETS ]]; then
    ( umask 077
      { echo "DB_PASSWORD=$(rand 32)"; echo "ADMIN_PASSWORD=$(rand 24)"
        for d in "${SALTS[@]}"; do echo "SALT_$d=$(rand 64)"; done; } > "$SECRETS.tmp"
      mv "$SECRETS.tmp" "$SECRETS" )
  fi
  # shellcheck disable=SC1090
  source "$SECRETS"
}

db_ping() { mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; }

cmd_db_start() {
  make_layout
  local i
  if live_pid "$DB_PID" mariadbd >/dev/null; then      # running, or still starting up
    for ((i = 0; i < 300; i++)); do db_ping && break; sleep 0.1; done
    db_ping || die "MariaDB (pid $(<"$DB_PID")) is running but does not answer on $SOCK"
    log "MariaDB already running"; return 0
  fi
  # The marker is written only after a complete init, so an interrupted one is redone from scratch.
  if [[ ! -e $WP_DATA/state/db-initialised ]]; then
    log "initialising MariaDB data dir"
    find "$WP_DATA/mysql" -mindepth 1 -delete
    mariadb-install-db --no-defaults --user=mysql --basedir=/usr --datadir="$WP_DATA/mysql" \
      --auth-root-authentication-method=socket --skip-test-db --innodb-log-file-size=16M \
      > "$LOGS/mariadb-install.log" 2>&1 || die "mariadb-install-db failed, see $LOGS/mariadb-install.log"
    touch "$WP_DATA/state/db-initialised"
  fi
  log "starting MariaDB (unix socket only, --skip-networking)"
  rm -f "$DB_PID"
  setsid mariadbd --no-defaults --user=mysql --datadir="$WP_DATA/mysql" --socket="$SOCK" \
    --pid-file="$DB_PID" --log-error="$LOGS/mariadb.err" --skip-networking \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >>"$LOGS/mariadb.out" 2>&1 9>&- &
  for ((i = 0; i < 300; i++)); do
    db_ping && break; kill -0 $! 2>/dev/null || die "mariadbd exited: $(tail -n 5 "$LOGS/mariadb.err")"; sleep 0.1
  done
  db_ping || die "MariaDB did not answer within 30 s, see $LOGS/mariadb.err"
  # root logs in over the socket (unix_socket auth). Idempotent, so it simply runs on every start.
  mariadb --no-defaults --socket="$SOCK" -uroot <<SQL || die "creating the wordpress database/user failed"
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL
  log "MariaDB up (pid $(<"$DB_PID"))"
}

# Atomically replace file $1 with content $2 (mode $3, group $4). Returns 1 if nothing changed.
replace_if_changed() {
  [[ -e $1 && $(<"$1") == "$2" ]] && return 1
  printf '%s\n' "$2" > "$1.tmp$$" && chmod "$3" "$1.tmp$$" && chgrp "$4" "$1.tmp$$" && mv -f "$1.tmp$$" "$1"
}

write_wp_config() {
  local s v salts=""
  for s in "${SALTS[@]}"; do v="SALT_$s"; salts+="define('$s', '${!v}');"$'\n'; done
  install -d -m 755 /etc/wordpress
  # 640 root:www-data, it holds the DB password. WP_ENVIRONMENT_TYPE 'local' is what makes
  # Application Passwords work over plain http; WP_HTTP_BLOCK_EXTERNAL keeps WordPress offline.
  replace_if_changed "$WP_CONFIG_FILE" "<?php
// Generated by scripts/cms/wordpress.sh for $WP_DATA (rewritten on start).
define('DB_NAME', 'wordpress'); define('DB_USER', 'wordpress'); define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCK'); define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '$WP_URL'); define('WP_SITEURL', '$WP_URL');
define('WP_CONTENT_DIR', '$WP_DATA/wp-content'); define('WP_CONTENT_URL', '$WP_URL/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
${salts%$'\n'}" 640 www-data || true
}

# Own config file; the system /etc/apache2 sites (and port 80) are not used. Returns 1 if unchanged.
write_httpd_conf() {
  local m mods=""
  for m in mpm_prefork authz_core mime dir alias rewrite env; do
    mods+="LoadModule ${m}_module /usr/lib/apache2/modules/mod_$m.so"$'\n'
  done
  replace_if_changed "$HTTPD_CONF" "# Generated by scripts/cms/wordpress.sh
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$WP_PORT
PidFile $HTTPD_PID
DefaultRuntimeDir $RUN
Mutex file:$RUN default
User www-data
Group www-data
${mods}LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 1
MaxSpareServers 3
MaxRequestWorkers 10
ErrorLog $LOGS/apache-error.log
CustomLog $LOGS/apache-access.log \"%h %t \\\"%r\\\" %>s %b %Dus\"
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG $CONFIG_NAME
<FilesMatch \"\\.php\$\">
  SetHandler application/x-httpd-php
</FilesMatch>
<FilesMatch \"^\\.ht\">
  Require all denied
</FilesMatch>
php_value upload_max_filesize 64M
php_value post_max_size 64M
php_admin_value sendmail_path \"cat >> $LOGS/mail.log\"
<Directory />
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
  # WordPress' usual .htaccess, inline: needed for /wp-json/... and pretty permalinks.
  RewriteEngine On
  RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]
  RewriteBase /
  RewriteRule ^index\\.php\$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
Alias /wp-content $WP_DATA/wp-content
<Directory $WP_DATA/wp-content>
  Options FollowSymLinks
  Require all granted
</Directory>" 644 root
}

start_httpd() {
  local changed=1 pid i
  write_httpd_conf || changed=0
  apache2 -t -f "$HTTPD_CONF" 2>"$LOGS/apache-configtest.log" || die "Apache config test: $(<"$LOGS/apache-configtest.log")"
  if pid=$(live_pid "$HTTPD_PID" apache2); then   # running: reload only if the config changed
    [[ $changed == 1 ]] && { log "Apache config changed: graceful reload"; apache2 -f "$HTTPD_CONF" -k graceful; }
  else
    rm -f "$HTTPD_PID"
    log "starting Apache on 127.0.0.1:$WP_PORT"
    setsid apache2 -f "$HTTPD_CONF" -k start </dev/null >>"$LOGS/apache-start.log" 2>&1 9>&- ||
      die "Apache failed to start: $(tail -n 5 "$LOGS/apache-start.log" "$LOGS/apache-error.log")"
  fi
  for ((i = 0; i < 100; i++)); do curl -fs -o /dev/null --max-time 2 "$WP_URL/wp-includes/images/blank.gif" && break; sleep 0.1; done
  pid=$(live_pid "$HTTPD_PID" apache2) || die "Apache is not running, see $LOGS/apache-error.log"
  log "Apache up on 127.0.0.1:$WP_PORT (pid $pid)"
}

# HTTP status of the cheap credential check (notes 1.5: any 401 means wrong credentials).
# Credentials go to curl on stdin (-K-), not argv. curl prints 000 when it cannot connect.
rest_check() { # user app-password
  curl -s -o "$RUN/rest-check.out" -w '%{http_code}' --max-time 20 -K- \
    "$WP_URL/wp-json/wp/v2/users/me?context=edit" <<<"user = \"$1:$2\"" || true
}

# bookworm has no wp-cli: a PHP CLI helper does wp_install (first time only) and makes a new
# application password, run as www-data so files it creates belong to the web server user.
# Secrets go in through the environment, not argv (visible in ps).
run_setup_php() {
  WP_SETUP_HOST="127.0.0.1:$WP_PORT" WP_SETUP_CONFIG="$CONFIG_NAME" WP_SETUP_USER="$WP_ADMIN_USER" \
    WP_SETUP_PASSWORD="$ADMIN_PASSWORD" WP_SETUP_EMAIL="admin@newsroom.invalid" WP_SETUP_APP_NAME="newsroom-tests" \
    runuser -u www-data -- php -d sendmail_path="cat >> $LOGS/mail.log" -d display_errors=stderr \
    "$SETUP_PHP" 2>"$LOGS/setup-php.log"
}

cmd_start() {
  cmd_install
  log "start: $WP_URL, data dir $WP_DATA"
  # Checked before anything is started, so a refusal leaves nothing running.
  if ! live_pid "$HTTPD_PID" apache2 >/dev/null && [[ -n $(ss -ltnH "sport = :$WP_PORT") ]]; then
    die "port $WP_PORT is taken by something else: $(ss -ltnpH "sport = :$WP_PORT" | tr -s ' ') -- stop it or set WP_PORT"
  fi
  make_layout
  write_wp_config
  cmd_db_start
  start_httpd
  # Re-run while running: keep the application password in env.json if it still works, so
  # test processes already using it are not cut off.
  local user="" app_pw="" out code
  if [[ -s $ENV_JSON ]] && user=$(jq -er .username "$ENV_JSON") && app_pw=$(jq -er .applicationPassword "$ENV_JSON") &&
     [[ $user == "$WP_ADMIN_USER" && $(jq -r .url "$ENV_JSON") == "$WP_URL" && $(rest_check "$user" "$app_pw") == 200 ]]; then
    log "WordPress installed; application password in env.json still valid"
  else
    out=$(run_setup_php) || die "WordPress setup failed: $(tail -n 20 "$LOGS/setup-php.log")"
    app_pw=$(tail -n 1 <<<"$out")
    [[ $app_pw =~ ^[A-Za-z0-9]{24}$ ]] || die "setup printed no application password: $out"
    sed '$d; s/^/  /' <<<"$out" >&2
    log "WordPress ready, new application password created"
    code=$(rest_check "$WP_ADMIN_USER" "$app_pw")
    [[ $code == 200 ]] || die "GET /wp-json/wp/v2/users/me?context=edit returned $code: $(head -c 300 "$RUN/rest-check.out")"
    ( umask 077
      jq -n --arg url "$WP_URL" --arg username "$WP_ADMIN_USER" --arg applicationPassword "$app_pw" --arg dataDir "$WP_DATA" \
        '{url: $url, username: $username, applicationPassword: $applicationPassword, dataDir: $dataDir}' > "$ENV_JSON.tmp"
      chmod 600 "$ENV_JSON.tmp" && mv -f "$ENV_JSON.tmp" "$ENV_JSON" )
  fi
  rm -f "$RUN/rest-check.out"
  log "ready: $WP_URL, REST check 200, credentials in $ENV_JSON"
  echo "$ENV_JSON"
}

cmd_status() {
  local a m; a=$(live_pid "$HTTPD_PID" apache2) || a=""; m=$(live_pid "$DB_PID" mariadbd) || m=""
  [[ -n $a && -n $m ]] && { echo "running: $WP_URL (apache pid $a, mariadb pid $m, data $WP_DATA)"; return 0; }
  echo "stopped: apache ${a:+pid }${a:-not running}, mariadb ${m:+pid }${m:-not running} (data $WP_DATA)"; return 1
}

case "${1:-}" in
  install) take_lock; cmd_install ;;
  start) take_lock; cmd_start ;;
  stop) take_lock; stop_pid "$HTTPD_PID" apache2 15 Apache; stop_pid "$DB_PID" mariadbd 30 MariaDB ;;
  db-stop) take_lock; stop_pid "$DB_PID" mariadbd 30 MariaDB ;;
  db-start) take_lock; cmd_install; cmd_db_start ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop|db-stop|db-start|status" >&2; exit 2 ;;
esac
