import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOLD_STALE_MS, type Holder } from '../../../shared/model/review';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { articleWith } from '../drafts/testing';
import type { Clock } from '../ports';
import { type RouterHarness, startRouter } from '../publishing/router-testing';
import { HOLDER_FILE } from './handoff';

/**
 * The hand-off through the router. Two machines are two installs: "the other machine" is played by
 * writing its holder.json (another install id) into the draft folder, as it would over a share.
 */
const harnesses: RouterHarness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()?.close();
});

/** A clock the test moves by hand. */
function handClock(start = '2026-03-02T10:00:00.000Z'): Clock & { advance(ms: number): void } {
  let ms = Date.parse(start);
  return { now: () => new Date(ms), advance: (by) => void (ms += by) };
}

async function start() {
  const clock = handClock();
  const h = await startRouter({ clock });
  harnesses.push(h);
  await h.ok('settings.saveUser', { name: 'Ben Cole', initials: 'BC' });
  const { id } = await h.ok<{ id: string }>('drafts.create');
  await h.ok('drafts.save', { id, article: articleWith('Bridge reopens', 'Traffic flows again.') });
  return { h, id, clock, holderFile: join(h.services.drafts.folderOf(id), HOLDER_FILE) };
}

const otherMachine = (seenAt: string): Holder => ({ name: 'Ana Ruiz', initials: 'AR', installId: 'other-install', since: '2026-03-02T09:00:00.000Z', seenAt });
type Claim = { state: string; holder: Holder | null };

describe('the hand-off', () => {
  it('claims a draft nobody holds, refreshes its own hold, and lets go on release', async () => {
    const { h, id, clock, holderFile } = await start();
    const { installId } = await h.ok<{ installId: string }>('settings.getUser');
    const first = await h.ok<Claim>('handoff.claim', { draftId: id });
    expect(first).toEqual({ state: 'mine', holder: { name: 'Ben Cole', initials: 'BC', installId, since: '2026-03-02T10:00:00.000Z', seenAt: '2026-03-02T10:00:00.000Z' } });
    clock.advance(60_000);
    const again = await h.ok<Claim>('handoff.claim', { draftId: id });
    expect(again.holder).toMatchObject({ since: '2026-03-02T10:00:00.000Z', seenAt: '2026-03-02T10:01:00.000Z' });
    expect(JSON.parse(await readFile(holderFile, 'utf8'))).toEqual(again.holder);
    await h.ok('handoff.release', { draftId: id });
    await expect(readFile(holderFile, 'utf8')).rejects.toThrow();
  });

  it('answers held when another machine was seen recently, and writes nothing', async () => {
    const { h, id, holderFile } = await start();
    const theirs = otherMachine('2026-03-02T09:55:00.000Z');
    await writeFile(holderFile, JSON.stringify(theirs));
    expect(await h.ok<Claim>('handoff.claim', { draftId: id })).toEqual({ state: 'held', holder: theirs });
    expect(await h.ok<Claim>('handoff.claim', { draftId: id, takeOver: true })).toEqual({ state: 'held', holder: theirs });
    // Releasing a draft someone else holds leaves their hold alone.
    await h.ok('handoff.release', { draftId: id });
    expect(JSON.parse(await readFile(holderFile, 'utf8'))).toEqual(theirs);
  });

  it('answers stale for an old hold, and takes it over only when asked', async () => {
    const { h, id, holderFile } = await start();
    const theirs = otherMachine(new Date(Date.parse('2026-03-02T10:00:00.000Z') - HOLD_STALE_MS - 1).toISOString());
    await writeFile(holderFile, JSON.stringify(theirs));
    expect(await h.ok<Claim>('handoff.claim', { draftId: id })).toEqual({ state: 'stale', holder: theirs });
    expect(JSON.parse(await readFile(holderFile, 'utf8'))).toEqual(theirs);
    const taken = await h.ok<Claim>('handoff.claim', { draftId: id, takeOver: true });
    expect(taken).toMatchObject({ state: 'mine', holder: { name: 'Ben Cole', since: '2026-03-02T10:00:00.000Z' } });
  });

  it('treats a damaged holder.json as no holder', async () => {
    const { h, id, holderFile } = await start();
    await writeFile(holderFile, '{"name": "Ana", "installId": ');
    expect((await h.ok<Claim>('handoff.claim', { draftId: id })).state).toBe('mine');
  });

  it('says so when the draft is not there', async () => {
    const { h } = await start();
    const missing = await h.call('handoff.claim', { draftId: '0b6b2c52-4a39-4b7e-9a51-3f1d2a7c9e10' });
    expect(missing.ok ? undefined : missing.error.code).toBe('NOT_FOUND');
  });

  it('does not change the draft, its revision, its library stamp, nor count as a change from elsewhere', async () => {
    const { h, id, clock } = await start();
    const before = await h.ok<Draft>('drafts.open', { id });
    const listedBefore = (await h.ok<{ drafts: DraftSummary[] }>('drafts.list')).drafts.find((d) => d.id === id);
    await h.ok('handoff.claim', { draftId: id });
    clock.advance(60_000);
    await h.ok('handoff.claim', { draftId: id });
    // Longer than the watcher's settle time and a poll.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(h.events.filter((e) => e.event === 'drafts.changed' && (e.payload as { reason: string }).reason === 'external')).toEqual([]);
    const after = await h.ok<Draft>('drafts.open', { id });
    expect(after.revision).toBe(before.revision);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect((await h.ok<{ drafts: DraftSummary[] }>('drafts.list')).drafts.find((d) => d.id === id)).toEqual(listedBefore);
    // A save with the editor's base revision still goes through.
    await h.ok('drafts.save', { id, article: after.article, baseRevision: after.revision });
    await h.ok('handoff.release', { draftId: id });
  });
});
