import type { EditorStateJson } from '../../../shared/model/article';

/** One paragraph of a template's body: plain text, or runs of text where some are bold (an interview's questions). */
export type TemplateParagraph = string | ReadonlyArray<{ text: string; bold?: boolean }>;

const BOLD = 1; // Lexical's text format bit

const textNode = (text: string, format: number) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});

/**
 * A body of paragraphs as the editor serialises it. Main has no editor to build one with, so the
 * JSON is written out here; the tests read it back through the shared body model and the e2e opens
 * it in the real editor, so a shape Lexical would refuse cannot go unnoticed.
 */
export function paragraphsBody(paragraphs: readonly TemplateParagraph[]): EditorStateJson {
  const children = paragraphs.map((paragraph) => {
    const runs = typeof paragraph === 'string' ? [{ text: paragraph }] : paragraph;
    const nodes = runs.filter((run) => run.text !== '').map((run) => textNode(run.text, run.bold === true ? BOLD : 0));
    return block('paragraph', nodes, { textFormat: 0, textStyle: '' });
  });
  return { root: block('root', children.length > 0 ? children : [block('paragraph', [], { textFormat: 0, textStyle: '' })]) as EditorStateJson['root'] };
}
