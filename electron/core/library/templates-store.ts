import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../../shared/ipc/result';
import { type Template, type TemplateInput, TemplateSchema } from '../../../shared/model/templates';
import type { Logger, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';
import { BUILT_IN_TEMPLATES, isBuiltInId } from './builtin-templates';

/** What the settings file holds: the desk's own templates only (built-ins live in the code). */
const StoredTemplatesSchema = z.array(TemplateSchema.extend({ builtIn: z.literal(false) }));

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Story templates: the built-ins followed by the desk's own, kept in settings. A stored list that
 * no longer parses (hand-edited, another version) is not trusted: the built-ins are listed alone,
 * with a warning in the log, and the first change keeps the damaged list aside (never thrown away).
 */
export class TemplatesStore {
  constructor(
    private readonly settings: SettingsStore<AppSettings>,
    private readonly logger: Logger,
  ) {}

  list(): Template[] {
    return [...BUILT_IN_TEMPLATES, ...this.own()];
  }

  save(input: TemplateInput): Template {
    const name = input.name.trim();
    if (input.id !== undefined && isBuiltInId(input.id)) {
      throw new AppFailure('INVALID_INPUT', `“${name}” is a built-in template and cannot be changed. Add a template of your own instead.`);
    }
    const own = this.own();
    if (input.id !== undefined && !own.some((template) => template.id === input.id)) {
      throw new AppFailure('NOT_FOUND', 'That template is no longer there; it may have been deleted.');
    }
    const clash = this.list().find((template) => template.id !== input.id && sameName(template.name, name));
    if (clash !== undefined) throw new AppFailure('ALREADY_EXISTS', `There is already a template called “${clash.name}”. Choose another name.`);
    // The editorial note is for one story's desk; a template never carries one forward.
    const { editorialNote: _note, ...article } = input.article;
    const saved: Template = { id: input.id ?? randomUUID(), name, builtIn: false, article };
    const next = input.id === undefined ? [...own, saved] : own.map((template) => (template.id === input.id ? saved : template));
    this.write(next);
    return saved;
  }

  delete(id: string): void {
    if (isBuiltInId(id)) throw new AppFailure('INVALID_INPUT', 'Built-in templates cannot be deleted.');
    const own = this.own();
    if (!own.some((template) => template.id === id)) throw new AppFailure('NOT_FOUND', 'That template is no longer there; it may have been deleted.');
    this.write(own.filter((template) => template.id !== id));
  }

  private own(): Template[] {
    const stored = this.settings.get('templates');
    if (stored === undefined) return [];
    const parsed = StoredTemplatesSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.logger.warn('story templates in settings are not valid; listing the built-in ones only', { error: parsed.error.message });
    return [];
  }

  private write(templates: Template[]): void {
    const stored = this.settings.get('templates');
    if (stored !== undefined && !StoredTemplatesSchema.safeParse(stored).success) this.settings.set('templatesDamaged', stored);
    this.settings.set('templates', templates);
  }
}
