#!/usr/bin/env node
// `npm run bench`: build, run the bench project (Playwright is the TS runner and drives Chromium),
// then judge the budgets. `--quick` (CI) uses small sizes and one round.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const quick = process.argv.includes('--quick');
const env = { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) };
const dir = env.BENCH_OUT ?? '.reports/bench';
rmSync(dir, { recursive: true, force: true });

const step = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
if (step('npx', ['vite', 'build']) !== 0) process.exit(1);
const benches = step('npx', ['playwright', 'test', '--project=bench', '--reporter=list']);
const report = step('node', ['scripts/bench-report.mjs']);
process.exit(benches !== 0 ? benches : report);
