/** What the Import button accepts (the file input's `accept`); kept apart so the library loads no converter. */
export const IMPORT_ACCEPT = '.docx,.md,.markdown,.html,.htm,.txt';
/** Larger files are refused: a story is never this big, and a huge file would freeze the window. */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;
