import { elementNode, textNode } from '../../../shared/editor/body-json';
import type { EditorStateJson } from '../../../shared/model/article';

/** One paragraph of a template's body: plain text, or runs of text where some are bold (an interview's questions). */
export type TemplateParagraph = string | ReadonlyArray<{ text: string; bold?: boolean }>;

const BOLD = 1; // Lexical's text format bit

/**
 * A body of paragraphs as the editor serialises it. Main has no editor to build one with, so the
 * JSON is written out here; the tests read it back through the shared body model and the e2e opens
 * it in the real editor, so a shape Lexical would refuse cannot go unnoticed.
 */
export function paragraphsBody(paragraphs: readonly TemplateParagraph[]): EditorStateJson {
  const children = paragraphs.map((paragraph) => {
    const runs = typeof paragraph === 'string' ? [{ text: paragraph }] : paragraph;
    const nodes = runs.filter((run) => run.text !== '').map((run) => textNode(run.text, run.bold === true ? BOLD : 0));
    return elementNode('paragraph', nodes, { textFormat: 0, textStyle: '' });
  });
  return { root: elementNode('root', children.length > 0 ? children : [elementNode('paragraph', [], { textFormat: 0, textStyle: '' })]) as EditorStateJson['root'] };
}
