import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';
import { newArticle } from '../../shared/model/article';
import { createRouter, type Handlers } from './router';

const DRAFT_ID = '3f2b8a4e-9c1d-4e8f-a2b3-1c4d5e6f7a8b';

/** Every handler fails loudly unless a test overrides it, so a wrong dispatch cannot pass. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, async () => { throw new Error(`unexpected call to ${name}`); }]),
  ) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('router', () => {
  it('keeps the method list and the contract in step', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers UNKNOWN_METHOD for a name outside the contract, without calling anything', async () => {
    const router = createRouter(handlers());
    for (const method of ['drafts.delete', '', '__proto__', 'constructor', 42, null, { toString: () => 'drafts.list' }]) {
      const result = await router.handle(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('answers INVALID_INPUT when the payload does not match the schema', async () => {
    let called = false;
    const router = createRouter(handlers({ 'drafts.open': async () => { called = true; throw new Error('no'); } }));
    for (const input of [{ id: 'not-a-uuid' }, { id: 7 }, 'x', [], { id: DRAFT_ID, extra: 1 }]) {
      const result = await router.handle('drafts.open', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const strict = await router.handle('drafts.save', { id: DRAFT_ID, article: { headline: 'x', body: { root: { type: 'root', children: [] } } }, sneaky: true });
    expect(strict).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(called).toBe(false);
  });

  it('passes parsed input to the handler and returns its output', async () => {
    const router = createRouter(
      handlers({
        'drafts.save': async (input) => ({ revision: input.article.headline.length, savedAt: '2026-11-28T10:42:00.000Z', wordCount: 3 }),
      }),
    );
    const result = await router.handle('drafts.save', { id: DRAFT_ID, article: newArticle({ headline: 'Four' }) });
    expect(result).toEqual({ ok: true, value: { revision: 4, savedAt: '2026-11-28T10:42:00.000Z', wordCount: 3 } });
  });

  it('refuses a save that leaves out story fields, rather than blanking them', async () => {
    let called = false;
    const router = createRouter(
      handlers({
        'drafts.save': async () => {
          called = true;
          return { revision: 1, savedAt: '2026-11-28T10:42:00.000Z', wordCount: 0 };
        },
      }),
    );
    const result = await router.handle('drafts.save', {
      id: DRAFT_ID,
      article: { headline: 'Four', body: { root: { type: 'root', children: [] } } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('article.standfirst') as string } });
    expect(called).toBe(false);
  });

  it('turns a service failure into data with its stable code and message', async () => {
    const router = createRouter(
      handlers({ 'drafts.open': async () => { throw new AppFailure('NOT_FOUND', 'This draft is no longer there.'); } }),
    );
    expect(await router.handle('drafts.open', { id: DRAFT_ID })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This draft is no longer there.' },
    });
  });

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const logged: string[] = [];
    const logger = { info() {}, warn() {}, error: (message: string) => logged.push(message) };
    const router = createRouter(handlers({ 'drafts.list': async () => { throw new TypeError('secret internals'); } }), logger);
    const result = await router.handle('drafts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(logged).toEqual(['unexpected failure']);
  });

  it('refuses output that breaks the contract instead of passing it to the page', async () => {
    const router = createRouter(
      handlers({ 'app.info': async () => ({ version: 1 }) as unknown as { version: string; dataFolder: string } }),
    );
    expect(await router.handle('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('never throws and never pollutes Object.prototype on hostile payloads', async () => {
    const router = createRouter(handlers({ 'drafts.create': async () => { throw new AppFailure('IO_ERROR', 'x'); } }));
    const hostile = [
      JSON.parse('{"__proto__":{"polluted":true},"headline":"x"}'),
      { constructor: { prototype: { polluted: true } } },
      { headline: 'x'.repeat(1_000_000) },
      undefined,
      Symbol('s'),
      () => 1,
    ];
    for (const input of hostile) {
      const result = await router.handle('drafts.create', input);
      expect(result.ok).toBe(false);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
