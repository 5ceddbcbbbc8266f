import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { serializeDraft } from '../../electron/core/drafts/draft-file';
import { newArticle } from '../../shared/model/article';
import type { Draft, LivePublication } from '../../shared/model/draft';

/** The library's filters, sorting, counts, duplicate and templates, by the names a screen reader reads. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Drafts' });
  }

  get filterBar(): Locator {
    return this.page.getByRole('group', { name: 'Filter and sort drafts' });
  }

  /** "Showing 12 of 340 drafts". */
  get count(): Locator {
    return this.filterBar.getByRole('status');
  }

  select(name: 'Status' | 'Section' | 'Author' | 'Sort by'): Locator {
    return this.page.getByRole('combobox', { name, exact: true });
  }

  /** The option labels of a select, as shown ("Live (2)"). */
  async optionsOf(name: 'Status' | 'Section' | 'Author' | 'Sort by'): Promise<string[]> {
    return this.select(name).locator('option').allTextContents();
  }

  /** The headlines listed, top to bottom (each row's first button opens the draft). */
  async headlines(): Promise<string[]> {
    return this.list.getByRole('listitem').locator('button.draft-open').allTextContents();
  }

  row(headline: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: headline, exact: true }) });
  }

  async duplicate(headline: string): Promise<void> {
    await this.row(headline).getByRole('button', { name: 'Duplicate' }).click();
    await expect(this.row(`Copy of ${headline}`)).toBeVisible();
  }

  async newFromTemplate(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'New from template' }).selectOption({ label: name });
    await expect(this.page.getByRole('textbox', { name: 'Article body' })).toBeVisible();
  }

  get templatesSection(): Locator {
    return this.page.getByRole('region', { name: 'Story templates' });
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(this.templatesSection).toBeVisible();
  }

  async addTemplate(fields: { name: string; section: string; tags: string; standfirst: string; firstParagraph: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add template' });
    await form.getByLabel('Template name').fill(fields.name);
    await form.getByLabel('Section', { exact: true }).fill(fields.section);
    await form.getByLabel('Tags', { exact: true }).fill(fields.tags);
    await form.getByLabel('Standfirst', { exact: true }).fill(fields.standfirst);
    await form.getByLabel('First paragraph', { exact: true }).fill(fields.firstParagraph);
    await form.getByRole('button', { name: 'Add template' }).click();
    await expect(this.templatesSection.getByRole('status')).toHaveText(`Template “${fields.name}” added.`);
  }
}

export interface SeedDraft {
  headline: string;
  section?: string;
  byline?: string[];
  words?: number;
  createdAt: string;
  updatedAt: string;
  state?: LivePublication['state'];
  /** The desk status (issue 7). */
  status?: Draft['review']['status'];
}

/**
 * Draft files written into a data folder before the app starts, as a synced folder or an earlier
 * run would leave them: the only way to have live, scheduled and unpublished stories without a CMS.
 */
export async function seedDrafts(dataFolder: string, seeds: readonly SeedDraft[]): Promise<void> {
  for (const seed of seeds) {
    const id = randomUUID();
    const text = Array.from({ length: seed.words ?? 3 }, (_, i) => `word${i}`).join(' ');
    const article = newArticle({ headline: seed.headline, section: seed.section ?? '', byline: seed.byline ?? [] });
    article.body = {
      root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] },
      ] },
    };
    const publication: Draft['publication'] =
      seed.state === undefined ? {} : { latest: { profileId: 'site', profileName: 'Daily site', url: `https://news.example/${id}`, at: seed.updatedAt, revision: 0, state: seed.state } };
    const draft: Draft = { id, createdAt: seed.createdAt, updatedAt: seed.updatedAt, revision: 0, article, publication, review: { status: seed.status ?? 'draft', trail: [] } };
    await mkdir(join(dataFolder, 'drafts', id), { recursive: true });
    await writeFile(join(dataFolder, 'drafts', id, 'draft.json'), serializeDraft(draft));
  }
}
