import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { ARTICLE_NODES } from '../../../shared/editor/nodes';
import type { EditorStateJson } from '../../../shared/model/article';
import { type TemplateInput, TemplateInputSchema } from '../../../shared/model/templates';

export interface TemplateFormValues {
  name: string;
  section: string;
  /** Comma-separated, as typed. */
  tags: string;
  standfirst: string;
  /** Blank lines start a new paragraph. */
  firstParagraph: string;
}

export const EMPTY_TEMPLATE_FORM: TemplateFormValues = { name: '', section: '', tags: '', standfirst: '', firstParagraph: '' };

/**
 * The body as the editor would hold it, built in a headless editor with the article's own node
 * classes (as an import is), so a draft from the template opens exactly as typed here.
 */
export function paragraphsBody(text: string): EditorStateJson {
  const editor = createHeadlessEditor({
    namespace: 'newsroom-template',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)) {
        const line = block.split('\n').map((part) => part.trim()).filter(Boolean).join(' ');
        if (line) root.append($createParagraphNode().append($createTextNode(line)));
      }
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as EditorStateJson;
}

/** The form as a `templates.save` input, or the first thing to fix in plain words. */
export function readTemplateForm(values: TemplateFormValues): { ok: true; input: TemplateInput } | { ok: false; message: string } {
  const tags = [...new Set(values.tags.split(',').map((tag) => tag.trim()).filter(Boolean))];
  const article: TemplateInput['article'] = { section: values.section.trim(), tags, standfirst: values.standfirst.trim() };
  if (values.firstParagraph.trim() !== '') article.body = paragraphsBody(values.firstParagraph);
  const parsed = TemplateInputSchema.safeParse({ name: values.name, article });
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0] === 'article' ? String(issue.path[1] ?? '') : '';
  const where: Record<string, string> = { section: 'Section', tags: 'Tags', standfirst: 'Standfirst' };
  const prefix = where[field] === undefined ? '' : `${where[field]}: `;
  return { ok: false, message: `${prefix}${issue?.message ?? 'Check the template’s fields.'}` };
}
