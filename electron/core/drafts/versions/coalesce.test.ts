import { describe, expect, it } from 'vitest';
import { VERSION_BURST_MS } from '../../../../shared/model/versions';
import { decideAfterSave, prunable } from './coalesce';
import type { IndexEntry } from './version-file';

const START = '2026-11-28T09:00:00.000Z';
let n = 0;
const entry = (kind: IndexEntry['kind'], fingerprint = `text-${(n += 1)}`, startedAt = START): IndexEntry => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  draftId: '00000000-0000-4000-8000-000000000000',
  revision: n,
  savedAt: startedAt,
  kind,
  headline: 'H',
  wordCount: 1,
  startedAt,
  fingerprint,
});
const at = (ms: number): Date => new Date(Date.parse(START) + ms);

describe('decideAfterSave', () => {
  it('adds the first version', () => {
    expect(decideAfterSave([], 'a', at(0))).toEqual({ kind: 'add' });
  });

  it('updates the newest unnamed version up to just under five minutes after its burst began', () => {
    const newest = entry('auto', 'a');
    expect(decideAfterSave([newest], 'b', at(VERSION_BURST_MS - 1))).toEqual({ kind: 'update', entry: newest });
    expect(decideAfterSave([newest], 'b', at(VERSION_BURST_MS))).toEqual({ kind: 'add' });
  });

  it('never grows a named, filed, published or restored version', () => {
    for (const kind of ['named', 'filed', 'published', 'restored'] as const) {
      expect(decideAfterSave([entry(kind, 'a')], 'b', at(1))).toEqual({ kind: 'add' });
    }
  });

  it('skips text the newest version already holds, even long after', () => {
    expect(decideAfterSave([entry('named', 'a')], 'a', at(10 * VERSION_BURST_MS))).toEqual({ kind: 'skip' });
  });
});

describe('prunable', () => {
  it('drops the oldest unnamed versions beyond the limit and no named one', () => {
    const entries = [entry('auto'), entry('named'), entry('auto'), entry('published'), entry('auto'), entry('auto')];
    expect(prunable(entries, 2).map((e) => e.id)).toEqual([entries[0]!.id, entries[2]!.id]);
    expect(prunable(entries, 4)).toEqual([]);
  });
});
