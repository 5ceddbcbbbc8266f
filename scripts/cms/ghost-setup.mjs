// Sets up a freshly started Ghost for the tests, through its Admin API only (no DB edits), and
// writes env.json. Called by ghost.sh start; see /work/shared/notes/cms.md 2.4 and 2.5.
// Plain Node (fetch, crypto), no dependencies. Input through the environment (secrets stay out of
// argv): GHOST_SETUP_URL, _EMAIL, _PASSWORD, _ENV_JSON, _DATA_DIR. Progress on stdout, errors on stderr.
import { createHmac } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const need = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const url = need('GHOST_SETUP_URL');
const email = need('GHOST_SETUP_EMAIL');
const password = need('GHOST_SETUP_PASSWORD');
const envJson = need('GHOST_SETUP_ENV_JSON');
const dataDir = need('GHOST_SETUP_DATA_DIR');
const INTEGRATION = 'Newsroom tests';
const api = (path) => `${url}/ghost/api/admin${path}`;

async function call(method, path, { body, headers = {}, expect = [200] } = {}) {
  const response = await fetch(api(path), {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 500)}`);
  // POST /session/ answers 201 with the plain text "Created".
  const isJson = /json/i.test(response.headers.get('content-type') ?? '');
  return { response, json: isJson && text ? JSON.parse(text) : undefined };
}

/** Admin API JWT (notes 2.5): kid = key id, HS256 with the hex-decoded secret, 5 minutes, aud /admin/. */
function adminToken(key) {
  const [id, secret] = key.split(':');
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid: id })}.${b64({ iat: now, exp: now + 300, aud: '/admin/' })}`;
  return `${unsigned}.${createHmac('sha256', Buffer.from(secret, 'hex')).update(unsigned).digest('base64url')}`;
}

// GET /posts/ needs authentication (unlike /site/), so 200 proves the key works.
async function keyWorks(key) {
  const response = await fetch(api('/posts/?limit=1&fields=id'), {
    headers: { Authorization: `Ghost ${adminToken(key)}` },
    signal: AbortSignal.timeout(30_000),
  });
  return response.status === 200;
}

function readEnv() {
  try {
    return JSON.parse(readFileSync(envJson, 'utf8'));
  } catch {
    return undefined;
  }
}

// Re-run while running: keep a working key, so test processes using it are not cut off.
const old = readEnv();
if (old?.url === url && typeof old.adminApiKey === 'string' && (await keyWorks(old.adminApiKey))) {
  console.log(`env.json still valid (Admin API key ${old.adminApiKey.split(':')[0]})`);
  process.exit(0);
}

const { json: status } = await call('GET', '/authentication/setup/');
if (status.setup?.[0]?.status === false) {
  await call('POST', '/authentication/setup/', {
    body: { setup: [{ name: 'Newsroom Owner', email, password, blogTitle: 'Newsroom test site' }] },
    expect: [201],
  });
  console.log(`owner ${email} created`);
} else {
  console.log('owner already set up');
}

// A staff session needs an Origin header matching the site (CSRF check), else 403.
const { response: session } = await call('POST', '/session/', {
  body: { username: email, password },
  headers: { Origin: url },
  expect: [200, 201],
});
const cookie = session.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
if (!cookie) throw new Error('POST /session/ set no cookie');
const staff = { Cookie: cookie, Origin: url };

// One integration, found by name on later runs instead of piling up new ones.
const { json: list } = await call('GET', '/integrations/?include=api_keys&limit=all', { headers: staff });
let integration = list.integrations.find((i) => i.name === INTEGRATION);
if (integration) {
  console.log(`integration "${INTEGRATION}" exists (${integration.id})`);
} else {
  const { json: created } = await call('POST', '/integrations/?include=api_keys', {
    body: { integrations: [{ name: INTEGRATION }] },
    headers: staff,
    expect: [201],
  });
  integration = created.integrations[0];
  console.log(`integration "${INTEGRATION}" created (${integration.id})`);
}
const keyOf = (type) => integration.api_keys.find((k) => k.type === type);
const admin = keyOf('admin');
// The admin secret comes as `id:hexsecret` already (notes 2.4); accept a bare secret too.
const adminApiKey = admin?.secret.includes(':') ? admin.secret : admin && `${admin.id}:${admin.secret}`;
if (!adminApiKey) throw new Error('the integration has no admin API key');
if (!(await keyWorks(adminApiKey))) throw new Error('the new Admin API key is not accepted by GET /posts/');
const contentApiKey = keyOf('content')?.secret;

const tmp = `${envJson}.tmp${process.pid}`;
writeFileSync(tmp, `${JSON.stringify({ url, adminApiKey, ...(contentApiKey ? { contentApiKey } : {}), dataDir }, null, 2)}\n`, { mode: 0o600 });
chmodSync(tmp, 0o600);
renameSync(tmp, envJson);
console.log(`Admin API key ${adminApiKey.split(':')[0]} works; wrote ${envJson}`);
