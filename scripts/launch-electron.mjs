#!/usr/bin/env node
/**
 * `npm start` after the build: run the app in Electron. Electron >= 42 has no install script; its
 * binary downloads from GitHub the first time it is needed. This script makes that step explicit
 * (same installer `npx electron .` would run), and when it cannot succeed (no internet, GitHub
 * blocked) says so in plain words instead of Electron's "delete node_modules/electron" advice.
 * It never `require`s electron: that would start the download with no control over the failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');

/** Where the binary is, or null. Same rules as electron's own index.js, without its side effects. */
function electronBinary() {
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function fail(reason) {
  console.error(
    `\nNewsroom could not start: the Electron binary is not installed and could not be downloaded (${reason}).\n` +
      'On a machine with internet, run `npm start` again; the tests run without it: `npm test`.\n',
  );
  process.exit(1);
}

let binary = electronBinary();
if (!binary) {
  console.log('Electron binary not found: downloading it once (about 100 MB)...');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: 'inherit' });
  if (install.error) fail(install.error.message);
  if (install.status !== 0) fail(`the installer exited with code ${install.status}; see its message above`);
  binary = electronBinary();
  if (!binary) fail('the installer finished but left no binary');
}

// Run the app, forwarding Ctrl+C and friends, and leave with its exit code.
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Newsroom could not start: Electron at ${binary} could not be run (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code === null) {
    console.error(`Electron stopped on ${signal}.`);
    process.exit(1);
  }
  process.exit(code);
});
