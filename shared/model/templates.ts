import { z } from 'zod';
import { ArticleSchema } from './article';

/**
 * Story templates (issue 6): a name and the fields a new draft starts with ("Breaking news" has
 * the section and a first paragraph to fill; "Interview" the Q&A shape). Built-in ones cannot be
 * deleted; the desk adds its own. Kept in settings.
 */
export const TemplateSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1, 'Give the template a name.').max(80, 'Keep the name under 80 characters.'),
  builtIn: z.boolean(),
  /** The fields a draft from it starts with; the rest start empty. Never the editorial note's content from another draft. */
  article: ArticleSchema.partial(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateInputSchema = z
  .object({
    /** Absent: a new template. */
    id: z.string().min(1).max(80).optional(),
    name: TemplateSchema.shape.name,
    article: ArticleSchema.partial(),
  })
  .strict();
export type TemplateInput = z.infer<typeof TemplateInputSchema>;
