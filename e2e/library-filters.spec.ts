import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldsPage } from './host/fields-page';
import { expect, test } from './host/fixtures';
import { LibraryPage, seedDrafts } from './host/library-page';

/** Noon on a calendar day in the machine's own time zone, so the day filters are unambiguous. */
const noon = (day: string): string => new Date(`${day}T12:00:00`).toISOString();

/**
 * An editor with a full library narrows it down: status (with counts), section, author and the
 * days edited; sorts it; reads how many are shown; and duplicates a published story to rework it.
 */
test('filters by status, section, author and date with counts, sorts, and duplicates a story', async ({ launch }) => {
  const dataFolder = await mkdtemp(join(tmpdir(), 'newsroom-e2e-library-'));
  await seedDrafts(dataFolder, [
    { headline: 'Budget passes', section: 'Politics', byline: ['Ana Ruiz'], words: 40, state: 'live', createdAt: noon('2026-01-05'), updatedAt: noon('2026-03-10') },
    { headline: 'Derby ends level', section: 'Sport', byline: ['Bo Li'], words: 25, state: 'scheduled', createdAt: noon('2026-02-01'), updatedAt: noon('2026-03-12') },
    { headline: 'Floods close ring road', section: 'Local', byline: ['Ana Ruiz', 'Bo Li'], words: 60, createdAt: noon('2026-03-01'), updatedAt: noon('2026-03-11') },
    { headline: 'Council apology', section: 'Politics', byline: ['Ana Ruiz'], words: 5, state: 'unpublished', createdAt: noon('2026-03-02'), updatedAt: noon('2026-03-13') },
    { headline: 'Mayor resigns', section: 'Politics', byline: ['Cleo Park'], words: 12, state: 'live', createdAt: noon('2026-03-03'), updatedAt: noon('2026-03-09') },
  ]);
  const { page } = await launch({ dataFolder });
  const library = new LibraryPage(page);

  await expect(library.count).toHaveText('Showing 5 of 5 drafts');
  expect(await library.headlines()).toEqual(['Council apology', 'Derby ends level', 'Floods close ring road', 'Budget passes', 'Mayor resigns']);
  expect(await library.optionsOf('Status')).toEqual(['All (5)', 'Drafts (1)', 'Live (2)', 'Scheduled (1)', 'Unpublished (1)']);
  expect(await library.optionsOf('Section')).toEqual(['All sections', 'Local', 'Politics', 'Sport']);
  expect(await library.optionsOf('Author')).toEqual(['All authors', 'Ana Ruiz', 'Bo Li', 'Cleo Park']);

  await library.select('Status').selectOption('live');
  await expect(library.count).toHaveText('Showing 2 of 5 drafts');
  expect(await library.headlines()).toEqual(['Budget passes', 'Mayor resigns']);

  // The section narrows further; the status counts now say what each status holds in Politics.
  await library.select('Status').selectOption('all');
  await library.select('Section').selectOption('Politics');
  await expect(library.count).toHaveText('Showing 3 of 5 drafts');
  expect(await library.optionsOf('Status')).toEqual(['All (3)', 'Drafts (0)', 'Live (2)', 'Scheduled (0)', 'Unpublished (1)']);
  await library.select('Author').selectOption('Ana Ruiz');
  await expect(library.count).toHaveText('Showing 2 of 5 drafts');
  expect(await library.headlines()).toEqual(['Council apology', 'Budget passes']);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Edited from').fill('2026-03-10');
  await page.getByLabel('Edited until').fill('2026-03-11');
  await expect(library.count).toHaveText('Showing 2 of 5 drafts');
  expect(await library.headlines()).toEqual(['Floods close ring road', 'Budget passes']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(library.count).toHaveText('Showing 5 of 5 drafts');

  await library.select('Sort by').selectOption({ label: 'Headline A–Z' });
  expect(await library.headlines()).toEqual(['Budget passes', 'Council apology', 'Derby ends level', 'Floods close ring road', 'Mayor resigns']);
  await library.select('Sort by').selectOption({ label: 'Longest' });
  expect(await library.headlines()).toEqual(['Floods close ring road', 'Budget passes', 'Derby ends level', 'Mayor resigns', 'Council apology']);
  await library.select('Sort by').selectOption({ label: 'Created' });
  expect((await library.headlines())[0]).toBe('Mayor resigns');

  // Duplicate a live story: the copy is a plain draft with the same fields, listed, not opened.
  await library.select('Sort by').selectOption({ label: 'Last edited' });
  await library.duplicate('Budget passes');
  await expect(library.count).toHaveText('Showing 6 of 6 drafts');
  expect(await library.headlines()).toContain('Copy of Budget passes');
  await expect(library.row('Copy of Budget passes')).not.toContainText('Published');
  await expect(library.row('Copy of Budget passes')).toContainText('Politics · Ana Ruiz · 40 words');
  expect(await library.optionsOf('Status')).toEqual(['All (6)', 'Drafts (2)', 'Live (2)', 'Scheduled (1)', 'Unpublished (1)']);

  await library.row('Copy of Budget passes').getByRole('button', { name: 'Copy of Budget passes' }).click();
  const fields = new FieldsPage(page);
  await expect(page.getByLabel('Headline')).toHaveValue('Copy of Budget passes');
  await expect(fields.field('Section')).toHaveValue('Politics');
  await expect(fields.field('Slug')).toHaveValue('copy-of-budget-passes');
});
