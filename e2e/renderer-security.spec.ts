import { expect, test } from './host/fixtures';

/** The page gets the preload's surface and nothing more, under the app's CSP, with no network. */
test('the page sees only window.newsroom with invoke and on', async ({ launch }) => {
  const { page } = await launch();
  const surface = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { newsroom: object }).newsroom).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
});

test('the router answers bad requests from the page with typed errors', async ({ launch }) => {
  const { page } = await launch();
  const replies = await page.evaluate(async () => {
    const api = (window as unknown as { newsroom: { invoke(m: string, i?: unknown): Promise<unknown> } }).newsroom;
    return [await api.invoke('fs.readFile', { path: '/etc/passwd' }), await api.invoke('drafts.open', { id: '../../etc' })];
  });
  expect(replies).toEqual([
    { ok: false, error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) },
    { ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) },
  ]);
});

test('the CSP stops injected inline handlers and the page has no network', async ({ launch }) => {
  const { page } = await launch();
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __pwned?: number };
    w.__pwned = 0;
    let violations = 0;
    document.addEventListener('securitypolicyviolation', () => (violations += 1));
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="x" onerror="window.__pwned = 1">';
    document.body.append(holder);
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 2';
    document.body.append(script);
    let fetched = 'allowed';
    try {
      await fetch('https://example.com/');
    } catch {
      fetched = 'blocked';
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { pwned: w.__pwned, violations, fetched };
  });
  expect(outcome.pwned).toBe(0);
  expect(outcome.violations).toBeGreaterThanOrEqual(1);
  expect(outcome.fetched).toBe('blocked');
});
