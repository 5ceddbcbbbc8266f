import type { Page } from '@playwright/test';

/** What a journalist fills in the story fields panel before publishing (labels as the panel shows them). */
export interface StoryFieldsInput {
  standfirst?: string;
  /** Comma-separated, as typed. */
  byline?: string;
  section?: string;
  /** Comma-separated, as typed. */
  tags?: string;
  datelinePlace?: string;
  /** `YYYY-MM-DD`, as a date input takes it. */
  datelineDate?: string;
  seoTitle?: string;
  seoDescription?: string;
  editorialNote?: string;
  featuredImage?: { name: string; mimeType: string; buffer: Buffer; caption: string; credit: string; alt: string };
}

const TEXT_FIELDS: ReadonlyArray<[keyof Omit<StoryFieldsInput, 'featuredImage'>, string]> = [
  ['standfirst', 'Standfirst'],
  ['byline', 'Byline'],
  ['section', 'Section'],
  ['tags', 'Tags'],
  ['datelinePlace', 'Dateline place'],
  ['datelineDate', 'Dateline date'],
  ['seoTitle', 'SEO title'],
  ['seoDescription', 'SEO description'],
  ['editorialNote', 'Editorial note'],
];

/** Fills the given fields through the panel, by their accessible names, as a person would. */
export async function fillStoryFields(page: Page, input: StoryFieldsInput): Promise<void> {
  for (const [key, label] of TEXT_FIELDS) {
    const value = input[key];
    if (value !== undefined) await page.getByLabel(label, { exact: true }).fill(value);
  }
  const image = input.featuredImage;
  if (image) {
    await page.getByLabel('Featured image file', { exact: true }).setInputFiles({ name: image.name, mimeType: image.mimeType, buffer: image.buffer });
    // The caption, credit and alt text fields appear once the file is attached to the draft.
    await page.getByLabel('Featured image caption', { exact: true }).fill(image.caption);
    await page.getByLabel('Featured image credit', { exact: true }).fill(image.credit);
    await page.getByLabel('Featured image alt text', { exact: true }).fill(image.alt);
  }
}
