#!/usr/bin/env node
// Gathers the figures each bench wrote to .reports/bench/*.json into one table (printed), a JSON
// report and Markdown ready for BENCHMARKS.md. Exits 1 when a budget is missed, except in quick
// mode (CI), whose small sizes and single round are there to keep the harness from rotting.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const dir = process.env.BENCH_OUT ?? '.reports/bench';
const quick = process.env.BENCH_QUICK === '1';
const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'report.json');
const figures = files.flatMap((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')).figures);

const num = (value, unit) => (unit === 'KB' || unit === 'MB' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : value.toFixed(1));
const chromium = (() => {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'chromium: not found';
  }
})();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}`;

const rows = [];
let missed = 0;
for (const f of figures.sort((a, b) => a.group.localeCompare(b.group) || a.id.localeCompare(b.id))) {
  const ref = f.reference ? `${num(f.reference.summary.p50, f.unit)} / ${num(f.reference.summary.p95, f.unit)}` : '';
  const ratio = f.ratio ? `${f.ratio.p50.toFixed(2)}× / ${f.ratio.p95.toFixed(2)}×` : '';
  const budget = f.budgets.map((b) => `${b.metric} ≤ ${b.max}: ${b.pass ? 'ok' : `MISSED (${num(b.actual, f.unit)})`}`).join('; ');
  missed += f.budgets.filter((b) => !b.pass).length;
  rows.push({ group: f.group, label: f.label, unit: f.unit, value: `${num(f.subject.p50, f.unit)} / ${num(f.subject.p95, f.unit)}`, ref, refLabel: f.reference?.label ?? '', ratio, budget, n: f.subject.n, method: f.method });
}

const table = [
  '| group | figure | p50 / p95 | reference p50 / p95 | ratio p50 / p95 | budget | n |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.group} | ${r.label} | ${r.value} ${r.unit} | ${r.ref ? `${r.ref} ${r.unit} (${r.refLabel})` : ''} | ${r.ratio} | ${r.budget} | ${r.n} |`),
].join('\n');
const methods = rows.map((r) => `- **${r.label}**: ${r.method}`).join('\n');
const markdown = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}${quick ? ' (quick mode: small sizes, one round; not for budgets)' : ''}.\n\n${table}\n\n### How each figure was measured\n\n${methods}\n`;

writeFileSync(join(dir, 'report.json'), JSON.stringify({ machine, quick, figures }, null, 2));
writeFileSync(join(dir, 'report.md'), markdown);
console.log(`\n${markdown}`);
const budgets = figures.flatMap((f) => f.budgets);
if (quick) {
  // Quick mode judges only that every bench ran and produced figures.
  console.log(`bench (quick, budgets not judged): ${files.length} passed, 0 failed`);
} else {
  console.log(`bench budgets: ${budgets.length - missed} passed, ${missed} failed`);
}
process.exit(missed > 0 && !quick ? 1 : 0);
