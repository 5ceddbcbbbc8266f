import { COMMAND_PRIORITY_HIGH, FORMAT_TEXT_COMMAND, type LexicalEditor, type TextFormatType } from 'lexical';

/**
 * An article body has bold and italic only (what the toolbar offers and the CMS output expects).
 * Lexical's rich text also binds Ctrl/Cmd+U to underline; swallowing the other formats here keeps
 * a stray shortcut from putting formatting into the story that nobody can see or remove.
 */
const ALLOWED: ReadonlySet<TextFormatType> = new Set<TextFormatType>(['bold', 'italic']);

export function registerTextFormatPolicy(editor: LexicalEditor): () => void {
  return editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !ALLOWED.has(format), COMMAND_PRIORITY_HIGH);
}
