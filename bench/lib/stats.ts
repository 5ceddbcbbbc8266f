/** Percentiles by nearest rank on a sorted copy: p50 and p95 are what every bench reports. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export function summarise(samples: readonly number[]): Summary {
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), mean };
}

/**
 * Runs subject and reference alternately, round after round, so machine noise (another process,
 * thermal changes) falls on both sides alike. Each call returns that round's samples.
 */
export async function interleave(
  rounds: number,
  subject: () => Promise<number[]>,
  reference: () => Promise<number[]>,
): Promise<{ subject: number[]; reference: number[] }> {
  const out = { subject: [] as number[], reference: [] as number[] };
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    if (round % 2 === 0) {
      out.subject.push(...(await subject()));
      out.reference.push(...(await reference()));
    } else {
      out.reference.push(...(await reference()));
      out.subject.push(...(await subject()));
    }
  }
  return out;
}
