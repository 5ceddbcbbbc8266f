import { COMMAND_PRIORITY_HIGH, FORMAT_TEXT_COMMAND, type LexicalEditor, type TextFormatType } from 'lexical';

/**
 * An article body has bold, italic, underline and strikethrough (what the toolbar offers and the
 * CMS output expects). Lexical knows more formats (code, subscript, highlight…); swallowing them
 * here keeps a stray command from putting formatting into the story that nobody can see or remove.
 */
export const ALLOWED_TEXT_FORMATS: ReadonlySet<TextFormatType> = new Set<TextFormatType>([
  'bold',
  'italic',
  'underline',
  'strikethrough',
]);

export function registerTextFormatPolicy(editor: LexicalEditor): () => void {
  return editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !ALLOWED_TEXT_FORMATS.has(format), COMMAND_PRIORITY_HIGH);
}
