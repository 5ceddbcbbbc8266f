import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarise, type Summary } from './stats';

/**
 * One measured figure. With a reference measured in the same run, the ratio is what the budget
 * judges; absolute budgets (ms, KB) are judged on the figure itself.
 */
export interface BenchFigure {
  id: string;
  group: string;
  label: string;
  unit: 'ms' | 'KB' | 'MB' | 'ratio';
  subject: Summary;
  reference?: { label: string; summary: Summary };
  ratio?: { p50: number; p95: number };
  budgets: Array<{ metric: string; max: number; actual: number; pass: boolean }>;
  /** How it was measured, in a sentence, for BENCHMARKS.md. */
  method: string;
}

export const BENCH_DIR = process.env['BENCH_OUT'] ?? '.reports/bench';
export const QUICK = process.env['BENCH_QUICK'] === '1';

export function figure(input: {
  id: string;
  group: string;
  label: string;
  unit: BenchFigure['unit'];
  samples: readonly number[];
  reference?: { label: string; samples: readonly number[] };
  /** e.g. { 'ratio.p50': 1.2, 'p95': 20 } */
  budgets?: Record<string, number>;
  method: string;
}): BenchFigure {
  const subject = summarise(input.samples);
  const reference = input.reference ? { label: input.reference.label, summary: summarise(input.reference.samples) } : undefined;
  const ratio = reference ? { p50: subject.p50 / reference.summary.p50, p95: subject.p95 / reference.summary.p95 } : undefined;
  const values: Record<string, number | undefined> = {
    p50: subject.p50,
    p95: subject.p95,
    mean: subject.mean,
    'ratio.p50': ratio?.p50,
    'ratio.p95': ratio?.p95,
  };
  const budgets = Object.entries(input.budgets ?? {}).map(([metric, max]) => {
    const actual = values[metric];
    if (actual === undefined) throw new Error(`budget on unknown metric ${metric}`);
    return { metric, max, actual, pass: actual <= max };
  });
  return { id: input.id, group: input.group, label: input.label, unit: input.unit, subject, ...(reference ? { reference } : {}), ...(ratio ? { ratio } : {}), budgets, method: input.method };
}

/** Each bench writes its own file; `scripts/bench-report.mjs` gathers them into one report. */
export function record(name: string, figures: BenchFigure[]): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(join(BENCH_DIR, `${name}.json`), JSON.stringify({ name, quick: QUICK, figures }, null, 2));
}
