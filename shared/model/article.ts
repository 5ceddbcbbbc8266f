import { z } from 'zod';

/**
 * A Lexical editor state as JSON. At the boundary we check only its outer shape; every node is
 * validated when the state is loaded into an editor with our node classes (see shared/editor).
 */
export const EditorStateJsonSchema = z
  .object({
    root: z
      .object({
        type: z.literal('root'),
        children: z.array(z.unknown()),
      })
      .loose(),
  })
  .loose();

export type EditorStateJson = z.infer<typeof EditorStateJsonSchema>;

export const HEADLINE_MAX_CHARS = 400;

export const ArticleSchema = z.object({
  headline: z.string().max(HEADLINE_MAX_CHARS),
  body: EditorStateJsonSchema,
});

export type Article = z.infer<typeof ArticleSchema>;

/** An empty body: one empty paragraph, as Lexical itself starts. */
export const emptyBody = (): EditorStateJson => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [],
      },
    ],
  },
});
