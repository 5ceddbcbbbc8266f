import {
  BUDGETED_FIELDS,
  type BudgetedField,
  FIELD_LABELS,
  type HouseProfile,
  HouseProfileSchema,
  REQUIRABLE_FIELDS,
  type RequirableField,
} from '../../../shared/model/house-profile';

/** The house rules form as typed: budgets and sections stay text until saved. */
export interface HouseRulesFormValues {
  required: ReadonlySet<RequirableField>;
  budgets: Record<BudgetedField, string>;
  /** One section per line. */
  sections: string;
}

export const BUDGET_LABELS: Readonly<Record<BudgetedField, string>> = {
  headline: 'Headline budget',
  standfirst: 'Standfirst budget',
  seoTitle: 'SEO title budget',
  seoDescription: 'SEO description budget',
};

export function houseRulesFormValues(profile: HouseProfile): HouseRulesFormValues {
  return {
    required: new Set(profile.required),
    budgets: {
      headline: String(profile.budgets.headline),
      standfirst: String(profile.budgets.standfirst),
      seoTitle: String(profile.budgets.seoTitle),
      seoDescription: String(profile.budgets.seoDescription),
    },
    sections: profile.sections.join('\n'),
  };
}

export type HouseRulesRead = { ok: true; value: HouseProfile } | { ok: false; message: string };

/**
 * Checks the form before it is sent, in words a journalist understands (the main side checks it
 * again with the same schema). Blank section lines and repeats are dropped.
 */
export function readHouseRulesForm(values: HouseRulesFormValues): HouseRulesRead {
  const budgets = {} as Record<BudgetedField, number>;
  for (const field of BUDGETED_FIELDS) {
    const text = values.budgets[field].trim();
    const budget = Number(text);
    if (!/^\d+$/.test(text) || budget < 1 || budget > 10_000) {
      return { ok: false, message: `${BUDGET_LABELS[field]}: enter a whole number of characters from 1 to 10000.` };
    }
    budgets[field] = budget;
  }
  const sections = [...new Set(values.sections.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''))];
  const tooLong = sections.find((section) => section.length > 100);
  if (tooLong !== undefined) return { ok: false, message: `The section “${tooLong.slice(0, 30)}…” is too long: 100 characters at most.` };
  if (sections.length > 200) return { ok: false, message: 'There can be 200 sections at most.' };
  const required = REQUIRABLE_FIELDS.filter((field) => values.required.has(field));
  const parsed = HouseProfileSchema.safeParse({ required, budgets, sections });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'These house rules cannot be saved. Check the form.' };
}

/** "Required to publish: Standfirst", as each checkbox is named. */
export const requiredLabel = (field: RequirableField): string => `Required to publish: ${FIELD_LABELS[field]}`;
