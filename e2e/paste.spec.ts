import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { clipboardFixture, hostilePayloads, pasteInto, watchForAttacks } from './host/paste-page';

/**
 * Paste in real Chromium: each clipboard fixture is pasted into the editor through a real paste
 * event, and the editor shows clean structure. Hostile payloads never run: no code, no dialog,
 * and nothing dangerous reaches the editor's DOM. (The app's CSP would block inline handlers
 * anyway, so the DOM check is the one that catches a sanitiser failure. Chromium does report CSP
 * violations while DOMParser parses the payloads into an inert document: parsing, not running.)
 */

test('Google Docs: the whole-document bold wrapper does not make everything bold', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await pasteInto(app.body, { html: clipboardFixture('google-docs'), text: 'Council approves new harbour plan' });
  await expect(app.body.locator('h2').first()).toHaveText('Council approves new harbour plan');
  await expect(app.body.locator('strong')).toHaveText(['harbour redevelopment']);
  await expect(app.body.locator('em')).toHaveText(['three-year']);
  await expect(app.body.locator('ul > li')).toHaveText(['A new ferry terminal', 'Cycle lanes on the quay']);
  await expect(app.body.locator('ol > li')).toHaveText(['Consultation opens in March']);
  await expect(app.body.locator('a')).toHaveAttribute('href', 'https://example.gov/harbour-plan');
  await expect(app.body.locator('[style*="font"], [style*="color"]')).toHaveCount(0);
});

test('Word: lists become real lists, the file: image a placeholder, no Office junk', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await pasteInto(app.body, { html: clipboardFixture('word-windows'), text: 'Floods close the valley road' });
  await expect(app.body.locator('h2')).toHaveText(['Floods close the valley road']);
  await expect(app.body.locator('ul > li').first()).toContainText('Schools in Builth are closed');
  await expect(app.body.locator('ul ul li')).toHaveText(['Buses replace the school trains']);
  await expect(app.body.locator('ol > li')).toHaveText(['Avoid the valley floor', 'Call 999 if you are trapped']);
  await expect(app.body.locator('strong').filter({ hasText: 'A470' })).toHaveCount(1);
  const html = await app.body.innerHTML();
  expect(html).not.toMatch(/mso-|o:p|file:|clip_image001\.png"/);
  await expect(app.body.locator('img[src^="file:"]')).toHaveCount(0);
  await expect(app.body.locator('.article-image')).toHaveCount(1);
});

for (const name of ['word-mac', 'libreoffice', 'outlook', 'web-page']) {
  test(`${name}: clean structure in the editor`, async ({ launch }) => {
    const { page } = await launch();
    const app = new AppPage(page);
    await app.newDraft();
    await pasteInto(app.body, { html: clipboardFixture(name), text: 'plain' });
    await expect(app.body.locator('p, h2, li').first()).toBeVisible();
    const html = await app.body.innerHTML();
    expect(html).not.toMatch(/mso-|<o:p|<script|<iframe|<form|onclick|javascript:|font-family/i);
    await expect(app.body.locator('img[src]')).toHaveCount(0);
    await expect(app.body).not.toContainText('plain');
    if (name === 'web-page') {
      await expect(app.body).not.toContainText('Sign up');
      await expect(app.body.locator('a')).toHaveText(['its statement']);
    }
    if (name === 'libreoffice') await expect(app.body.locator('ul ul li')).toHaveText(['Friday: The Harbour Lights']);
    if (name === 'outlook') await expect(app.body.locator('a[href^="mailto:"]')).toHaveText('press@port.example.com');
  });
}

test('a plain-text clipboard keeps the editor default', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await pasteInto(app.body, { text: '<b>not markup</b>' });
  await expect(app.body).toContainText('<b>not markup</b>');
  await expect(app.body.locator('b, strong')).toHaveCount(0);
});

test('hostile clipboard HTML never runs, opens no dialog and leaves nothing dangerous in the editor', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  const attacks = await watchForAttacks(page);
  for (const payload of hostilePayloads()) {
    await pasteInto(app.body, { html: payload, text: 'x' });
  }
  // Give image errors, toggles and timers a moment to fire if anything got through.
  await page.waitForTimeout(500);
  expect(await attacks()).toEqual({ pwned: 0, dialogs: 0 });
  const dangerous = await app.body.evaluate((element) => {
    const found: string[] = [];
    for (const node of Array.from(element.querySelectorAll('*'))) {
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|BASE|META|LINK|FORM|svg|math|STYLE)$/i.test(node.tagName)) found.push(node.tagName);
      for (const attribute of Array.from(node.attributes)) {
        if (attribute.name.startsWith('on')) found.push(attribute.name);
        if (/^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value)) found.push(attribute.value);
        if (node.tagName === 'IMG' && attribute.name === 'src') found.push(attribute.value);
      }
    }
    return found;
  });
  expect(dangerous).toEqual([]);
  // Text payloads survive as text.
  await expect(app.body).toContainText('stays text');
  await expect(app.body).toContainText('after script');
});
