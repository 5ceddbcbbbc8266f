import type { StoryFields } from './article';
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
  field: RequirableField;
  kind: 'missing' | 'over-budget';
  message: string;
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
 * What stops this story from being published under the house rules: required fields left empty
 * and fields over their character budget. An empty list means it may go. Takes the fields alone
 * (an Article is one), so the renderer's checklist needs no body.
 */
export function checkReadiness(article: StoryFields, profile: HouseProfile): ReadinessProblem[] {
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
  return problems;
}
