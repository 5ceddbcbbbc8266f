import { diffWords } from 'diff';
import { readBody, type ReviewView } from '../../../shared/editor/body-model';
import { renderBodyText } from '../../../shared/editor/render-text';
import { datelineText } from '../../../shared/editor/story-text';
import type { Article } from '../../../shared/model/article';
import { FIELD_LABELS } from '../../../shared/model/house-profile';
import type { DiffPart } from '../publishing/word-diff';

/**
 * What changed between two copies of a story, for the Compare dialog: each story field that
 * differs (in the words the fields panel uses) and the body word by word. Pure, so it is tested
 * without a page.
 */

export interface FieldChange {
  label: string;
  /** Byline and tags are lists: shown one item a line, not as a joined string. */
  list: boolean;
  before: string[];
  after: string[];
}

const text = (value: string): string[] => (value.trim() === '' ? [] : [value]);
const items = (values: readonly string[]): string[] => values.map((value) => value.trim()).filter((value) => value !== '');

/** Each compared field: its label, whether it is a list, and how to read it from an article. */
const FIELDS: ReadonlyArray<{ label: string; list?: true; read: (article: Article) => string[] }> = [
  { label: FIELD_LABELS.headline, read: (a) => text(a.headline) },
  { label: FIELD_LABELS.standfirst, read: (a) => text(a.standfirst) },
  { label: FIELD_LABELS.byline, list: true, read: (a) => items(a.byline) },
  { label: FIELD_LABELS.section, read: (a) => text(a.section) },
  { label: FIELD_LABELS.tags, list: true, read: (a) => items(a.tags) },
  { label: FIELD_LABELS.slug, read: (a) => text(a.slug) },
  { label: FIELD_LABELS.dateline, read: (a) => text(datelineText(a.dateline)) },
  { label: FIELD_LABELS.seoTitle, read: (a) => text(a.seoTitle) },
  { label: FIELD_LABELS.seoDescription, read: (a) => text(a.seoDescription) },
  // The asset's name is a content hash: it tells apart two pictures, which is all this can say.
  { label: FIELD_LABELS.featuredImage, read: (a) => (a.featuredImage ? [`Picture file ${a.featuredImage.asset}`] : []) },
  { label: FIELD_LABELS.featuredImageAlt, read: (a) => text(a.featuredImage?.alt ?? '') },
  { label: 'Caption of the featured image', read: (a) => text(a.featuredImage?.caption ?? '') },
  { label: FIELD_LABELS.featuredImageCredit, read: (a) => text(a.featuredImage?.credit ?? '') },
  { label: 'Target length', read: (a) => (a.targetWords === null ? [] : [`${a.targetWords} words`]) },
  { label: 'Editorial note', read: (a) => text(a.editorialNote) },
];

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((value, i) => value === b[i]);

export function fieldChanges(before: Article, after: Article): FieldChange[] {
  return FIELDS.flatMap(({ label, list, read }) => {
    const was = read(before);
    const now = read(after);
    return same(was, now) ? [] : [{ label, list: list === true, before: was, after: now }];
  });
}

/**
 * The body as plain text, one block per paragraph; a body that cannot be read says so rather than
 * failing the dialog. `view` reads pending suggestions rejected (`original`) or accepted.
 */
export function bodyText(article: Article, view: ReviewView = 'original'): string {
  try {
    return renderBodyText(readBody(article.body, view));
  } catch {
    return '[This text could not be read.]';
  }
}

/** The body word by word: added is only in `after`, removed only in `before`. */
export function bodyDiff(before: Article, after: Article, view: ReviewView = 'original'): DiffPart[] {
  return diffWords(bodyText(before, view), bodyText(after, view)).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
