import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: vi.fn() } }));
const { chooseSpellLanguages, contextMenuTemplate, MAX_SUGGESTIONS } = await import('./spellcheck-menu');

const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: true };
const params = (overrides: Partial<Parameters<typeof contextMenuTemplate>[0]> = {}) => ({
  misspelledWord: '',
  dictionarySuggestions: [] as string[],
  isEditable: true,
  selectionText: '',
  editFlags: flags,
  ...overrides,
});

describe('spellcheck context menu', () => {
  it('offers the suggestions first; choosing one replaces the misspelt word', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const menu = contextMenuTemplate(params({ misspelledWord: 'goverment', dictionarySuggestions: ['government', 'governments'] }), actions);
    expect(menu.slice(0, 2).map((item) => item.label)).toEqual(['government', 'governments']);
    menu[0]?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('government');
    const add = menu.find((item) => item.label?.startsWith('Add'));
    add?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.addToDictionary).toHaveBeenCalledWith('goverment');
    expect(menu.filter((item) => item.role).map((item) => item.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('caps the suggestions and says so when there are none', () => {
    const many = Array.from({ length: 12 }, (_, i) => `word${i}`);
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const capped = contextMenuTemplate(params({ misspelledWord: 'x', dictionarySuggestions: many }), actions);
    expect(capped.filter((item) => item.label?.startsWith('word'))).toHaveLength(MAX_SUGGESTIONS);
    const none = contextMenuTemplate(params({ misspelledWord: 'Ávila' }), actions);
    expect(none[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
  });

  it('shows only Copy for selected text outside the editor, and nothing for a plain click', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(contextMenuTemplate(params({ isEditable: false, selectionText: 'Madrid' }), actions).map((item) => item.role)).toEqual(['copy']);
    expect(contextMenuTemplate(params({ isEditable: false }), actions)).toEqual([]);
    // A misspelt word the page reports outside an editable field gets no replace action.
    expect(contextMenuTemplate(params({ isEditable: false, misspelledWord: 'teh' }), actions)).toEqual([]);
  });

  it('picks dictionaries for the preferred languages, by language when the region differs', () => {
    const available = ['en-GB', 'en-US', 'es-ES', 'fr-FR', 'pt-BR'];
    expect(chooseSpellLanguages(available, ['es-419', 'en-GB'])).toEqual(['es-ES', 'en-GB']);
    expect(chooseSpellLanguages(available, ['fr-CA', 'fr-FR'])).toEqual(['fr-FR']);
    expect(chooseSpellLanguages(available, ['ja-JP'])).toEqual(['en-US']);
    expect(chooseSpellLanguages(available, ['en-GB', 'es-ES', 'fr-FR', 'pt-BR'])).toHaveLength(3);
  });
});
