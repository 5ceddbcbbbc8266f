import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkJobText, OUTBOX_SCHEMA_VERSION, serializeJob } from './job';
import { OutboxStore } from './outbox-store';
import { DRAFT_A, DRAFT_B, FakeTime, tempFolder } from './testing';

let work: { path: string; remove: () => Promise<void> };
let time: FakeTime;
const outboxDir = (): string => join(work.path, 'outbox');
const open = (): Promise<OutboxStore> => OutboxStore.open({ folder: work.path, clock: time });
const job = (draftId = DRAFT_A) => ({ draftId, profileId: 'wp-main', action: 'create' as const, payload: { title: 'Flood warning' } });

beforeEach(async () => {
  work = await tempFolder();
  time = new FakeTime();
});
afterEach(async () => {
  await work.remove();
});

describe('OutboxStore', () => {
  it('keeps one readable file per job, with a format marker, and reads it back', async () => {
    const store = await open();
    const created = await store.enqueue(job());
    expect(await readdir(outboxDir())).toEqual([`${created.id}.json`]);
    const text = await readFile(join(outboxDir(), `${created.id}.json`), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'newsroom-outbox-job', schemaVersion: OUTBOX_SCHEMA_VERSION, state: 'pending' });
    expect(created).toMatchObject({ state: 'pending', attempts: 0, outcomeUnknown: false, payload: { title: 'Flood warning' } });
    expect(created.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect((await open()).list()).toEqual([created]);
  });

  it('lists in creation order, then sequence; a clock set back does not reorder', async () => {
    const store = await open();
    const first = await store.enqueue(job(DRAFT_A));
    const sameMs = await store.enqueue(job(DRAFT_B));
    time.advance(-60_000); // NTP moved the clock back
    const later = await store.enqueue(job(DRAFT_A));
    expect(store.list().map((j) => j.id)).toEqual([first.id, sameMs.id, later.id]);
    expect([first.seq, sameMs.seq, later.seq]).toEqual([1, 2, 3]);
    expect((await open()).list().map((j) => j.id)).toEqual([first.id, sameMs.id, later.id]);
  });

  it('marks a job found in `sending` as outcome unknown, keeping when the send began', async () => {
    const store = await open();
    const queued = await store.enqueue(job());
    const sentAt = time.now().toISOString();
    await store.save({ ...queued, state: 'sending', attempts: 1, updatedAt: sentAt });
    time.advance(5_000);

    const reopened = await open();
    expect(reopened.recovered).toEqual([queued.id]);
    expect(reopened.get(queued.id)).toMatchObject({ state: 'waiting', outcomeUnknown: true, notBefore: sentAt, attempts: 1 });
    const onDisk = checkJobText(await readFile(join(outboxDir(), `${queued.id}.json`), 'utf8'));
    expect(onDisk).toMatchObject({ kind: 'ok', job: { state: 'waiting', outcomeUnknown: true } });
  });

  it('sets damaged job files aside and reports them on every start, never dropping them silently', async () => {
    const store = await open();
    const good = await store.enqueue(job());
    const goodText = serializeJob(good);
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'];
    const damaged = [
      goodText.slice(0, 120), // cut off
      '{"format":"something-else"}',
      goodText, // another job's content under this name: it would be sent twice
      serializeJob({ ...good, id: ids[3]!, state: 'done' }), // done without a result
    ];
    for (const [i, text] of damaged.entries()) await writeFile(join(outboxDir(), `${ids[i]}.json`), text);

    const reopened = await open();
    expect(reopened.list().map((j) => j.id)).toEqual([good.id]);
    expect(reopened.problems).toHaveLength(4);
    for (const problem of reopened.problems) {
      expect(problem.keptAs).toContain('.json.corrupt-');
      expect(problem.reason).toMatch(/may not have been sent/);
    }
    const names = await readdir(outboxDir());
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(4);

    const again = await open();
    expect(again.problems.map((p) => p.keptAs).sort()).toEqual(reopened.problems.map((p) => p.keptAs).sort());
    expect((await readdir(outboxDir())).sort()).toEqual(names.sort());
  });

  it('leaves a job from a newer Newsroom in place and reports it', async () => {
    const id = '55555555-5555-4555-8555-555555555555';
    const store = await open();
    const text = serializeJob({ ...(await store.enqueue(job())), id }).replace(`"schemaVersion": ${OUTBOX_SCHEMA_VERSION}`, '"schemaVersion": 99');
    await writeFile(join(outboxDir(), `${id}.json`), text);
    const reopened = await open();
    expect(reopened.get(id)).toBeUndefined();
    expect(reopened.problems).toEqual([{ reason: expect.stringMatching(/newer version/), keptAs: join(outboxDir(), `${id}.json`) }]);
    expect(await readFile(join(outboxDir(), `${id}.json`), 'utf8')).toBe(text);
  });

  it('sweeps orphan temps: promotes one whose job file is missing, deletes the rest', async () => {
    const store = await open();
    const kept = await store.enqueue(job());
    const orphanOnly = { ...kept, id: '66666666-6666-4666-8666-666666666666' };
    await writeFile(join(outboxDir(), `${orphanOnly.id}.json.0123456789ab.tmp`), serializeJob(orphanOnly));
    await writeFile(join(outboxDir(), `${kept.id}.json.ba9876543210.tmp`), serializeJob({ ...kept, attempts: 7 }));
    const reopened = await open();
    expect(reopened.get(orphanOnly.id)).toEqual(orphanOnly);
    expect(reopened.get(kept.id)).toEqual(kept); // the acknowledged file wins over an unacknowledged temp
    expect((await readdir(outboxDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a job it could not read back, and writes nothing', async () => {
    const store = await open();
    await expect(store.enqueue({ ...job(), draftId: '../../etc' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const queued = await store.enqueue(job());
    await expect(store.save({ ...queued, state: 'done' })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(store.get(queued.id)).toEqual(queued);
    expect(await readdir(outboxDir())).toEqual([`${queued.id}.json`]);
  });

  it('removes a job file', async () => {
    const store = await open();
    const queued = await store.enqueue(job());
    await store.remove(queued.id);
    expect(store.list()).toEqual([]);
    expect(await readdir(outboxDir())).toEqual([]);
    expect((await open()).list()).toEqual([]);
  });
});
