import { describe, expect, it } from 'vitest';
import { inlineText, readBody } from '../../../shared/editor/body-model';
import { BUILT_IN_TEMPLATES } from './builtin-templates';
import { paragraphsBody } from './paragraphs-body';
import { TemplatesStore } from './templates-store';
import { memorySettings, recordingLogger } from '../settings/settings-testing';

const names = (store: TemplatesStore): string[] => store.list().map((template) => template.name);
const paragraphTexts = (body: Parameters<typeof readBody>[0]): string[] =>
  readBody(body).map((block) => ('content' in block ? inlineText(block.content) : `<${block.kind}>`));

describe('story templates', () => {
  it('lists the built-ins first: Breaking news with its section, tag and a first paragraph to type over', () => {
    const store = new TemplatesStore(memorySettings(), recordingLogger());
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis']);
    const breaking = store.list()[0]!;
    expect(breaking).toMatchObject({ builtIn: true, article: { section: 'News', tags: ['Breaking'] } });
    expect(paragraphTexts(breaking.article.body!)[0]).toBe('WHAT HAPPENED, WHERE, WHEN — in one sentence.');
    const interview = store.list()[1]!;
    expect(interview.article.standfirst).not.toBe('');
    expect(paragraphTexts(interview.article.body!)).toContain('Q: FIRST QUESTION');
  });

  it('saves the desk’s own template, updates it by id and deletes it', () => {
    const settings = memorySettings();
    const store = new TemplatesStore(settings, recordingLogger());
    const saved = store.save({ name: '  Match report ', article: { section: 'Sport', tags: ['Football'], editorialNote: 'for Ana only' } });
    expect(saved).toMatchObject({ name: 'Match report', builtIn: false, article: { section: 'Sport', tags: ['Football'] } });
    expect(saved.article).not.toHaveProperty('editorialNote');
    expect(names(new TemplatesStore(settings, recordingLogger()))).toEqual(['Breaking news', 'Interview', 'Analysis', 'Match report']);

    const renamed = store.save({ id: saved.id, name: 'Match report (league)', article: { section: 'Sport' } });
    expect(renamed.id).toBe(saved.id);
    expect(store.list().filter((template) => !template.builtIn)).toEqual([expect.objectContaining({ id: saved.id, name: 'Match report (league)' })]);

    store.delete(saved.id);
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis']);
    expect(settings.values.get('templates')).toEqual([]);
  });

  it('refuses to change or delete a built-in, a second template of the same name, and an id that is gone', () => {
    const store = new TemplatesStore(memorySettings(), recordingLogger());
    const builtInId = BUILT_IN_TEMPLATES[0]!.id;
    expect(() => store.save({ id: builtInId, name: 'Breaking news', article: { section: 'World' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('built-in template and cannot be changed') as string }),
    );
    expect(() => store.delete(builtInId)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: 'Built-in templates cannot be deleted.' }));
    expect(() => store.save({ name: 'breaking NEWS', article: {} })).toThrow(expect.objectContaining({ code: 'ALREADY_EXISTS' }));
    expect(() => store.delete('not-there')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.save({ id: 'not-there', name: 'Ghost', article: {} })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis']);
  });

  it('lists the built-ins alone over a damaged stored list, warns, and keeps the damaged list aside on the next save', () => {
    const damaged = [{ id: 'x', name: '', builtIn: 'no', article: 7 }];
    const settings = memorySettings({ templates: damaged });
    const logger = recordingLogger();
    const store = new TemplatesStore(settings, logger);
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis']);
    expect(logger.warnings).toEqual([expect.stringContaining('not valid')]);

    store.save({ name: 'Obituary', article: { section: 'Obituaries' } });
    expect(settings.values.get('templatesDamaged')).toEqual(damaged);
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis', 'Obituary']);
  });

  it('does not let a stored entry pass itself off as a built-in', () => {
    const settings = memorySettings({ templates: [{ id: 'mine', name: 'Mine', builtIn: true, article: {} }] });
    const store = new TemplatesStore(settings, recordingLogger());
    expect(names(store)).toEqual(['Breaking news', 'Interview', 'Analysis']);
  });
});

describe('paragraphs body', () => {
  it('reads back as the paragraphs given, bold runs included, and an empty list as one empty paragraph', () => {
    const blocks = readBody(paragraphsBody(['One.', [{ text: 'Q: ', bold: true }, { text: 'Why?' }]]));
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
    expect(blocks[1]).toMatchObject({ content: [{ kind: 'text', text: 'Q: ', formats: ['bold'] }, { kind: 'text', text: 'Why?', formats: [] }] });
    expect(paragraphTexts(paragraphsBody(['One.', [{ text: 'Q: ', bold: true }, { text: 'Why?' }]]))).toEqual(['One.', 'Q: Why?']);
    expect(paragraphTexts(paragraphsBody([]))).toEqual(['']);
  });
});
