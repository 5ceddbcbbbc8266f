import { countPendingSuggestions } from '../editor/review/suggestions-count';
import type { EditorStateJson, StoryFields } from './article';
import {
  BUDGET_WARN_RATIO,
  BUDGETED_FIELDS,
  type BudgetedField,
  FIELD_LABELS,
  type HouseProfile,
  type RequirableField,
} from './house-profile';

/** One line of the pre-publish checklist. */
export interface ReadinessProblem {
  /** `body`: the story text itself (open suggested changes). */
  field: RequirableField | 'body';
  kind: 'missing' | 'over-budget' | 'suggestions';
  message: string;
}

export interface ReadinessOptions {
  /**
   * Whether open suggested changes hold the story back (default true). Filing to the desk passes
   * false: a story goes to review with its suggestions on purpose; only publishing needs them resolved.
   */
  suggestions?: boolean;
}

/** Open suggested changes in the body (issue 7): none may be left when the story goes live. */
export const checkSuggestions = (body: EditorStateJson): ReadinessProblem[] => suggestionProblems(countPendingSuggestions(body));

/** The checklist line for `count` open suggestions (none for 0); the editor counts them live. */
export function suggestionProblems(count: number): ReadinessProblem[] {
  if (count === 0) return [];
  const what = count === 1 ? '1 suggested change is still open: accept or reject it' : `${count} suggested changes are still open: accept or reject them`;
  return [{ field: 'body', kind: 'suggestions', message: `${what} before publishing.` }];
}

export type BudgetState = 'ok' | 'near' | 'over';

/** Characters as a person counts them: "é" is one, an emoji is one. */
export const charCount = (text: string): number => [...text].length;

export function budgetState(length: number, budget: number): BudgetState {
  if (length > budget) return 'over';
  return length >= Math.ceil(budget * BUDGET_WARN_RATIO) ? 'near' : 'ok';
}

const blank = (text: string): boolean => text.trim() === '';

function isMissing(article: StoryFields, field: RequirableField): boolean {
  switch (field) {
    case 'byline':
      return article.byline.every(blank);
    case 'tags':
      return article.tags.every(blank);
    case 'dateline':
      return blank(article.dateline.place);
    case 'featuredImage':
      return article.featuredImage === null;
    case 'featuredImageAlt':
      return article.featuredImage !== null && blank(article.featuredImage.alt);
    case 'featuredImageCredit':
      return article.featuredImage !== null && blank(article.featuredImage.credit);
    default:
      return blank(article[field]);
  }
}

/**
 * What stops this story from being published under the house rules: required fields left empty,
 * fields over their character budget and, when the body is given (an Article has one), suggested
 * changes still open. An empty list means it may go. The fields alone are enough for the field
 * checks, so a checklist without the body still works.
 */
export function checkReadiness(
  article: StoryFields & { body?: EditorStateJson },
  profile: HouseProfile,
  options: ReadinessOptions = {},
): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const field of profile.required) {
    if (isMissing(article, field)) problems.push({ field, kind: 'missing', message: `${FIELD_LABELS[field]} is missing.` });
  }
  for (const field of BUDGETED_FIELDS) {
    const length = charCount(article[field satisfies BudgetedField]);
    const budget = profile.budgets[field];
    if (length > budget) {
      problems.push({
        field,
        kind: 'over-budget',
        message: `${FIELD_LABELS[field]} is ${length - budget} ${length - budget === 1 ? 'character' : 'characters'} over its budget of ${budget}.`,
      });
    }
  }
  if (article.body !== undefined && options.suggestions !== false) problems.push(...checkSuggestions(article.body));
  return problems;
}
