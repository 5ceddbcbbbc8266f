import { z } from 'zod';

/**
 * The desk's house rules: which story fields must be filled before a story may be published, and
 * the character budgets it writes to. Kept in settings; the same checks run in the renderer (the
 * checklist) and in main (publishing refuses a story that fails them).
 */
export const REQUIRABLE_FIELDS = [
  'headline',
  'standfirst',
  'byline',
  'section',
  'tags',
  'slug',
  'dateline',
  'seoTitle',
  'seoDescription',
  'featuredImage',
  'featuredImageAlt',
  'featuredImageCredit',
] as const;

export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export const FIELD_LABELS: Readonly<Record<RequirableField, string>> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  byline: 'Byline',
  section: 'Section',
  tags: 'Tags',
  slug: 'Slug',
  dateline: 'Dateline',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  featuredImage: 'Featured image',
  featuredImageAlt: 'Alt text of the featured image',
  featuredImageCredit: 'Credit of the featured image',
};

export const BUDGETED_FIELDS = ['headline', 'standfirst', 'seoTitle', 'seoDescription'] as const;
export type BudgetedField = (typeof BUDGETED_FIELDS)[number];

const Budget = z.number().int().min(1).max(10_000);

export const HouseProfileSchema = z.object({
  required: z.array(z.enum(REQUIRABLE_FIELDS)).max(REQUIRABLE_FIELDS.length),
  /** Maximum characters per field. Past 90 % the field warns; over it, publishing is refused. */
  budgets: z.object({ headline: Budget, standfirst: Budget, seoTitle: Budget, seoDescription: Budget }),
  /** The desk's sections, offered when a journalist picks one (free text stays allowed). */
  sections: z.array(z.string().trim().min(1).max(100)).max(200),
  /**
   * The newsroom's time zone (IANA name): embargoes and schedules are shown in it beside the
   * journalist's own, so a reporter abroad and the desk read the same time.
   */
  timeZone: z
    .string()
    .refine(isTimeZone, 'Choose a time zone from the list (such as Europe/London).')
    .default('UTC'),
});

export type HouseProfile = z.infer<typeof HouseProfileSchema>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** Budgets in line with what search engines and front pages show. */
export const DEFAULT_HOUSE_PROFILE: HouseProfile = {
  required: ['headline', 'byline', 'section', 'slug'],
  budgets: { headline: 90, standfirst: 280, seoTitle: 60, seoDescription: 155 },
  sections: ['News', 'Politics', 'Business', 'World', 'Sport', 'Culture', 'Opinion'],
  timeZone: 'UTC',
};

/** Share of a budget after which the field warns. */
export const BUDGET_WARN_RATIO = 0.9;
