/**
 * Serialised Lexical nodes written out by hand, for code that builds a body without an editor
 * (the main side's story templates, and test data). The shapes are the ones the editor saves.
 */
export const textNode = (text: string, format = 0) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });

export const elementNode = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
