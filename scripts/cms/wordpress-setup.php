<?php
// Helper for scripts/cms/wordpress.sh (run as www-data via PHP CLI; bookworm has no wp-cli).
// Installs WordPress once (idempotent), sets UTC + pretty permalinks, and replaces the admin's
// application password named WP_SETUP_APP_NAME with a fresh one. Prints that password (24
// chars [A-Za-z0-9]) as the last line of stdout, after progress lines; errors go to stderr.
// Inputs come from the environment (not argv, so passwords do not show up in `ps`).

function env_or_die(string $name): string {
    $v = getenv($name);
    if ($v === false || $v === '') { fwrite(STDERR, "wordpress-setup.php: $name is not set\n"); exit(2); }
    return $v;
}
$host     = env_or_die('WP_SETUP_HOST');      // 127.0.0.1:PORT
$config   = env_or_die('WP_SETUP_CONFIG');    // NAME of /etc/wordpress/config-NAME.php
$user     = env_or_die('WP_SETUP_USER');
$password = env_or_die('WP_SETUP_PASSWORD');
$email    = env_or_die('WP_SETUP_EMAIL');
$app_name = env_or_die('WP_SETUP_APP_NAME');

// What Apache would provide: Debian's wp-config.php picks the config file from WORDPRESS_CONFIG
// (or HTTP_HOST), and WordPress builds URLs from these.
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

// Without this, wp-load on an empty database would redirect to the web installer and exit.
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function fail(string $msg): void { fwrite(STDERR, "wordpress-setup.php: $msg\n"); exit(1); }

$structure = '/%year%/%monthnum%/%postname%/';
if (!is_blog_installed()) {
    // With a permalink structure already "set", wp_install skips its pretty-permalink probe (an
    // HTTP request to the site rendering a whole page, ~1.5 s on a cold cache); the rewrite
    // rules it flushes are built for our structure. The real option is written below.
    $force_structure = function () use ($structure) { return $structure; };
    add_filter('pre_option_permalink_structure', $force_structure);
    $result = wp_install('Newsroom test site', $user, $email, false, '', wp_slash($password));
    remove_filter('pre_option_permalink_structure', $force_structure);
    if (is_wp_error($result)) fail('wp_install: ' . $result->get_error_message());
    echo "installed WordPress ", get_bloginfo('version'), " (admin '$user')\n";
} else {
    echo "WordPress already installed\n";
}

// Every run, so a data dir from an older script version converges too. UTC keeps `date` and
// `date_gmt` equal in REST responses.
if (get_option('timezone_string') !== 'UTC') { update_option('timezone_string', 'UTC'); update_option('gmt_offset', 0); }
if (get_option('permalink_structure') !== $structure) {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure($structure);
    flush_rewrite_rules(false); // rules go to the DB only; Apache has the .htaccess rules inline
}

$u = get_user_by('login', $user);
if (!$u) fail("user '$user' does not exist");
foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $item) {
    if ($item['name'] === $app_name) WP_Application_Passwords::delete_application_password($u->ID, $item['uuid']);
}
$created = WP_Application_Passwords::create_new_application_password($u->ID, ['name' => $app_name]);
if (is_wp_error($created)) fail('create_new_application_password: ' . $created->get_error_message());
echo $created[0], "\n";
