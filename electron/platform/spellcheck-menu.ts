import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type Session, type WebContents } from 'electron';

/**
 * Chromium's own spellchecker, in the app's context menu: suggestions for the misspelt word under
 * the pointer, "Add to dictionary", then the edit actions. Electron shows no context menu at all by
 * default, so without this a journalist would see red underlines and no way to fix them.
 */

/** At most this many suggestions: a long list hides the edit actions below it. */
export const MAX_SUGGESTIONS = 6;

type MenuParams = Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>;

export interface SpellActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** The menu for one right-click, as plain data (tested without Electron). */
export function contextMenuTemplate(params: MenuParams, actions: SpellActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord.trim();
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    items.push({ type: 'separator' }, { label: `Add “${word}” to dictionary`, click: () => actions.addToDictionary(word) });
    items.push({ type: 'separator' });
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: flags.canCopy });
  }
  return items;
}

/**
 * The dictionaries to use: the system's preferred languages that Chromium has a dictionary for,
 * matched exactly first, then by language ("es-419" → "es-ES"); US English when nothing matches.
 */
export function chooseSpellLanguages(available: readonly string[], preferred: readonly string[]): string[] {
  const chosen: string[] = [];
  const byLower = new Map(available.map((code) => [code.toLowerCase(), code]));
  for (const wanted of preferred) {
    const exact = byLower.get(wanted.toLowerCase());
    const base = wanted.toLowerCase().split('-')[0];
    const match = exact ?? available.find((code) => code.toLowerCase().split('-')[0] === base);
    if (match && !chosen.includes(match)) chosen.push(match);
    if (chosen.length === 3) break; // Chromium checks every listed language on every word
  }
  if (chosen.length === 0 && available.includes('en-US')) chosen.push('en-US');
  return chosen;
}

/**
 * Wires the menu and the languages to a window. On macOS the system spellchecker is used and
 * Chromium's language list does not apply. Hunspell dictionaries are fetched once by Chromium and
 * kept in the profile; offline before that first fetch, words are simply not underlined.
 */
export function installSpellcheck(contents: WebContents, session: Session, preferredLanguages: readonly string[]): void {
  if (process.platform !== 'darwin') {
    const languages = chooseSpellLanguages(session.availableSpellCheckerLanguages, preferredLanguages);
    if (languages.length > 0) session.setSpellCheckerLanguages(languages);
  }
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
