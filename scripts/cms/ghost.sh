#!/usr/bin/env bash
# A real Ghost 5.130.6 (from the npm registry, SQLite, no ghost-cli) on 127.0.0.1 for the
# publishing tests. Why things are done this way: /work/shared/notes/cms.md, section 2.
#
#   ghost.sh install   install Ghost into $GHOST_APP (reused when present and its native modules load)
#   ghost.sh start     install if needed, start Ghost detached, set up the owner (first time),
#                      find or create the integration, write $GHOST_DATA/env.json
#   ghost.sh stop      stop Ghost by its pid file (SIGTERM, wait, SIGKILL)
#   ghost.sh status    print running/stopped; exit 0 when running, else 1
#
# Env: GHOST_PORT (8882), GHOST_DATA (/tmp/newsroom-ghost), GHOST_APP (/opt/newsroom-ghost-5.130.6).
# The first install compiles sqlite3 and re2 from source (~5.5 min on 2 cores); on a busy machine
# run it as `nice -n 19 ionice -c3 bash scripts/cms/ghost.sh install`. Ghost outlives this script
# on purpose: CI must run `stop` at the end.
set -euo pipefail

GHOST_VERSION=5.130.6
GHOST_PORT="${GHOST_PORT:-8882}"
GHOST_DATA="${GHOST_DATA:-/tmp/newsroom-ghost}"
GHOST_APP="${GHOST_APP:-/opt/newsroom-ghost-$GHOST_VERSION}"
GHOST_URL="http://127.0.0.1:$GHOST_PORT"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SETUP_MJS="$HERE/ghost-setup.mjs"
RUN="$GHOST_DATA/run" LOGS="$GHOST_DATA/log" CONTENT="$GHOST_DATA/content"
PID_FILE="$RUN/ghost.pid" SECRETS="$GHOST_DATA/secrets.env" ENV_JSON="$GHOST_DATA/env.json"
# Written last by a complete install; says which Ghost and which Node ABI the native modules are for.
APP_MARKER="$GHOST_APP/.newsroom-installed"

T0=$EPOCHREALTIME
log() { printf '[ghost %6.2fs] %s\n' "$(awk -v a="$EPOCHREALTIME" -v b="$T0" 'BEGIN{printf "%.2f", a-b}')" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ $GHOST_PORT =~ ^[0-9]+$ ]] || die "GHOST_PORT must be a number, got '$GHOST_PORT'"
[[ $GHOST_DATA == /?* ]] || die "GHOST_DATA must be an absolute path other than /, got '$GHOST_DATA'"
[[ $GHOST_APP == /?* ]] || die "GHOST_APP must be an absolute path other than /, got '$GHOST_APP'"
for tool in node npm tar flock setsid ss timeout; do command -v "$tool" >/dev/null || die "$tool is not on PATH"; done
# Ghost 5.130.6's engines: ^18.12.1 || ^20.11.1 || ^22.13.1 (Ghost 6 needs Node 22.23+; cms.md 2.1).
[[ $(node -p 'process.versions.node.split(".")[0]') =~ ^(18|20|22)$ ]] ||
  die "Ghost $GHOST_VERSION runs on Node 18, 20 or 22, not $(node -v); see cms.md 2.1"

# Alphanumeric, so it needs no quoting anywhere. Fixed-size read: no SIGPIPE for pipefail.
rand() { local s; s=$(head -c 256 /dev/urandom | base64 -w0 | tr -d '+/='); printf '%s' "${s:0:$1}"; }

# Two locks: one per port for start/stop (serialises concurrent test processes), one per app dir
# for the install (instances on different ports share it). Ghost is started with 8>&- 9>&- so it
# does not inherit, and keep holding, either lock.
lock_file() { printf '/run/lock/newsroom-ghost-%s.lock' "$(tr -c 'A-Za-z0-9\n' '_' <<<"$1")"; }
take_lock() { # fd name
  eval "exec $1>>\"\$(lock_file \"\$2\")\""
  flock -n "$1" && return 0
  log "waiting for another ghost.sh run ($2)"
  flock -w 900 "$1" || die "another ghost.sh run ($2) is still busy after 900 s"
}

alive() { local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ -n $st && $st != Z ]]; }

# The pid from the pid file if that process is alive and is our Ghost (pids get reused).
live_pid() {
  local pid
  [[ -s $PID_FILE ]] && pid=$(<"$PID_FILE") && [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$GHOST_APP/index.js" && printf '%s' "$pid"
}

# Ghost's native modules must load with this Node; a half-finished or foreign app dir fails here.
app_ok() {
  [[ -s $APP_MARKER && $(<"$APP_MARKER") == "ghost $GHOST_VERSION node-abi $(node -p process.versions.modules)" ]] &&
    (cd "$GHOST_APP" && node -e "require('sqlite3'); require('re2'); require('sharp')" 2>/dev/null)
}

cmd_install() {
  if app_ok; then log "Ghost $GHOST_VERSION already installed in $GHOST_APP"; return 0; fi
  take_lock 8 "app-$GHOST_APP"
  if app_ok; then log "Ghost $GHOST_VERSION installed by another run in $GHOST_APP"; return 0; fi
  # Built in a sibling dir and renamed into place, so an interrupted install never looks finished.
  local stage="$GHOST_APP.partial" ilog="$GHOST_APP.install.log"
  rm -rf "$stage"; install -d -m 755 "$stage/.pack"
  : > "$ilog"
  log "npm pack ghost@$GHOST_VERSION"
  # Not `npm install ghost@…`: Ghost depends on a tarball inside its own package
  # (@tryghost/i18n: file:components/…tgz), which fails with ENOENT when Ghost is a dependency.
  (cd "$stage/.pack" && npm pack "ghost@$GHOST_VERSION" --silent --no-fund >>"$ilog" 2>&1) ||
    die "npm pack failed: $(tail -n 5 "$ilog")"
  tar -xzf "$stage/.pack/ghost-$GHOST_VERSION.tgz" -C "$stage" --strip-components=1
  rm -rf "$stage/.pack"
  # npm resolves devDependencies even with --omit=dev, and one of them is a GitHub URL
  # (mock-knex), which cannot be fetched here. jq may be missing: node edits the file.
  node -e '
    const fs = require("fs"), f = process.argv[1], p = JSON.parse(fs.readFileSync(f, "utf8"));
    delete p.devDependencies; fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$stage/package.json"
  log "npm install --omit=dev --legacy-peer-deps (compiles sqlite3 and re2 from source: ~5 min; log $ilog)"
  # --legacy-peer-deps: bookshelf@1.2.0 wants knex <0.22, Ghost pins knex 2.4.2 (ERESOLVE otherwise).
  (cd "$stage" && npm install --omit=dev --legacy-peer-deps --no-audit --no-fund >>"$ilog" 2>&1) ||
    die "npm install failed: $(tail -n 20 "$ilog")"
  log "npm install done; checking that the native modules load"
  (cd "$stage" && node -e "require('sqlite3'); require('re2'); require('sharp')" >>"$ilog" 2>&1) ||
    die "Ghost's native modules do not load: $(tail -n 10 "$ilog")"
  printf 'ghost %s node-abi %s\n' "$GHOST_VERSION" "$(node -p process.versions.modules)" > "$stage/.newsroom-installed"
  if [[ -e $GHOST_APP ]]; then rm -rf "$GHOST_APP.old"; mv "$GHOST_APP" "$GHOST_APP.old"; fi
  mv "$stage" "$GHOST_APP"
  rm -rf "$GHOST_APP.old"
  log "Ghost $GHOST_VERSION installed in $GHOST_APP ($(du -sm "$GHOST_APP" | cut -f1) MiB)"
}

make_layout() {
  install -d -m 755 "$GHOST_DATA" "$RUN" "$LOGS"
  # Ghost writes into its content dir (DB, images, logs, settings): a copy of the package's, made once.
  if [[ ! -e $GHOST_DATA/.content-copied ]]; then
    rm -rf "$CONTENT"
    cp -a "$GHOST_APP/content" "$CONTENT"
    touch "$GHOST_DATA/.content-copied"
  fi
  install -d -m 755 "$CONTENT/data" "$CONTENT/logs"
  # Generated once and kept, so the owner can log in again after a restart.
  if [[ ! -s $SECRETS ]]; then
    ( umask 077
      { echo "OWNER_EMAIL=owner@newsroom.test"; echo "OWNER_PASSWORD=$(rand 24)"; } > "$SECRETS.tmp"
      mv "$SECRETS.tmp" "$SECRETS" )
  fi
  # shellcheck disable=SC1090
  source "$SECRETS"
}

# Ready when the public GET /ghost/api/admin/site/ answers 200. Bash's /dev/tcp, so no curl needed.
site_ok() {
  local line
  line=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" &&
    printf "GET /ghost/api/admin/site/ HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept: application/json\r\n\r\n" "$0" >&3 &&
    IFS= read -r l <&3 && printf %s "$l"' "$GHOST_PORT" 2>/dev/null) || return 1
  [[ $line == "HTTP/1."?" 200 "* ]]
}

start_ghost() {
  local pid i
  if pid=$(live_pid); then
    for ((i = 0; i < 1200; i++)); do site_ok && break; alive "$pid" || break; sleep 0.1; done
    site_ok || die "Ghost (pid $pid) is running but $GHOST_URL/ghost/api/admin/site/ does not answer 200; see $LOGS/ghost.log"
    log "Ghost already running (pid $pid)"; return 0
  fi
  rm -f "$PID_FILE"
  log "starting Ghost on $GHOST_URL (log $LOGS/ghost.log)"
  # Config through env vars (nconf, `__` = nesting), in a clean environment so nothing from the
  # caller's (say a `url` or `server__port`) leaks in. useTinfoil: no update checks, gravatar or
  # pings. staffDeviceVerification would make a staff login wait for an emailed code. Mail goes to
  # a closed local port and fails fast.
  cd "$GHOST_APP"
  setsid env -i PATH="$PATH" HOME="${HOME:-/root}" \
    NODE_ENV=production url="$GHOST_URL" server__host=127.0.0.1 server__port="$GHOST_PORT" \
    database__client=sqlite3 database__connection__filename="$CONTENT/data/ghost.db" database__useNullAsDefault=true \
    paths__contentPath="$CONTENT" privacy__useTinfoil=true security__staffDeviceVerification=false \
    mail__transport=SMTP mail__options__host=127.0.0.1 mail__options__port=9 logging__transports='["stdout"]' \
    node "$GHOST_APP/index.js" </dev/null >>"$LOGS/ghost.log" 2>&1 8>&- 9>&- &
  pid=$!
  cd - >/dev/null
  echo "$pid" > "$PID_FILE"
  for ((i = 0; i < 1200; i++)); do
    site_ok && break
    alive "$pid" || die "Ghost exited while starting: $(tail -n 15 "$LOGS/ghost.log")"
    sleep 0.1
  done
  site_ok || die "Ghost did not answer $GHOST_URL/ghost/api/admin/site/ within 120 s; see $LOGS/ghost.log"
  log "Ghost up on $GHOST_URL (pid $pid)"
}

cmd_start() {
  # A running Ghost proves its app dir works: skip the (half-second) native-module check.
  live_pid >/dev/null || cmd_install
  log "start: $GHOST_URL, data dir $GHOST_DATA"
  # Checked before anything is started, so a refusal leaves nothing running.
  if ! live_pid >/dev/null && [[ -n $(ss -ltnH "sport = :$GHOST_PORT") ]]; then
    die "port $GHOST_PORT is taken by something else: $(ss -ltnpH "sport = :$GHOST_PORT" | tr -s ' ') -- stop it or set GHOST_PORT"
  fi
  make_layout
  start_ghost
  # Owner (first time), integration, Admin API key check, env.json: plain Node fetch, no deps.
  # Secrets go in through the environment, not argv (visible in ps). It keeps a valid env.json.
  GHOST_SETUP_URL="$GHOST_URL" GHOST_SETUP_EMAIL="$OWNER_EMAIL" GHOST_SETUP_PASSWORD="$OWNER_PASSWORD" \
    GHOST_SETUP_ENV_JSON="$ENV_JSON" GHOST_SETUP_DATA_DIR="$GHOST_DATA" \
    node "$SETUP_MJS" 2>"$LOGS/setup.log" | sed 's/^/  /' >&2 || die "Ghost setup failed: $(tail -n 20 "$LOGS/setup.log")"
  log "ready: $GHOST_URL, Admin API key checked, credentials in $ENV_JSON"
  echo "$ENV_JSON"
}

cmd_stop() {
  local pid i
  if ! pid=$(live_pid); then rm -f "$PID_FILE"; log "Ghost not running"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    log "Ghost (pid $pid) still alive 20 s after SIGTERM, sending SIGKILL"; kill -KILL -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"; log "Ghost stopped (was pid $pid)"
}

cmd_status() {
  local pid
  if pid=$(live_pid); then echo "running: $GHOST_URL (pid $pid, data $GHOST_DATA, app $GHOST_APP)"; return 0; fi
  echo "stopped: Ghost not running (data $GHOST_DATA, app $GHOST_APP$(app_ok || echo ', not installed'))"; return 1
}

case "${1:-}" in
  install) cmd_install ;;
  start) take_lock 9 "port-$GHOST_PORT"; cmd_start ;;
  stop) take_lock 9 "port-$GHOST_PORT"; cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
