/** What the journalist reads when an import fails: the file's name first, then what to do. */
export const AppFailureMessage = {
  unsupported: (name: string) => `${name} cannot be imported. Choose a Word (.docx), Markdown (.md), web page (.html) or text (.txt) file.`,
  unreadable: (name: string) => `${name} could not be read. It may be damaged, or not the kind of file its name says.`,
  tooBig: (name: string) => `${name} is too big to import (the limit is 25 MB).`,
  empty: (name: string) => `${name} has no text to import.`,
};

/** An import failure whose message is already in plain words for the journalist. */
export class ImportError extends Error {
  override name = 'ImportError';
}
