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
  /** IANA name, such as Europe/London. */
  timeZone: string;
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
    timeZone: profile.timeZone,
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
  const parsed = HouseProfileSchema.safeParse({ required, budgets, sections, timeZone: values.timeZone });
  if (parsed.success) return { ok: true, value: parsed.data };
  // The time zone's message is written for the desk; the others cannot happen after the checks above.
  const zone = parsed.error.issues.find((issue) => issue.path[0] === 'timeZone');
  return { ok: false, message: zone?.message ?? 'These house rules cannot be saved. Check the form.' };
}

/**
 * The time zones offered, UTC first: the runtime's IANA list (which may leave UTC itself out, as
 * Node's does), UTC, and the stored zone, so one the runtime does not list is not lost on save.
 */
export function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current !== '') zones.add(current);
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** "Required to publish: Standfirst", as each checkbox is named. */
export const requiredLabel = (field: RequirableField): string => `Required to publish: ${FIELD_LABELS[field]}`;
