import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { FormOutcome } from '../../components/FormOutcome';
import './templates.css';
import { EMPTY_TEMPLATE_FORM, readTemplateForm, type TemplateFormValues } from './template-form';
import { useTemplates } from './useTemplates';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * Settings → Story templates: the built-in ones (kept) and the desk's own (added here, deleted
 * here). A draft started from one gets its section, tags, standfirst and first paragraph.
 */
export function TemplatesSection() {
  const { state, reload } = useTemplates();
  const [values, setValues] = useState<TemplateFormValues>(EMPTY_TEMPLATE_FORM);
  const [outcome, setOutcome] = useState<{ error: string | null; status: string }>({ error: null, status: '' });
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const ids = { name: useId(), section: useId(), tags: useId(), tagsHint: useId(), standfirst: useId(), first: useId(), firstHint: useId() };

  const edit = (key: keyof TemplateFormValues, value: string) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setOutcome({ error: null, status: '' });
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const read = readTemplateForm(values);
    if (!read.ok) {
      setOutcome({ error: read.message, status: '' });
      return;
    }
    setBusy(true);
    setOutcome({ error: null, status: 'Adding…' });
    try {
      const saved = await call('templates.save', read.input);
      setValues(EMPTY_TEMPLATE_FORM);
      setOutcome({ error: null, status: `Template “${saved.name}” added.` });
      reload();
    } catch (error) {
      setOutcome({ error: errorText(error), status: '' });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string, name: string) => {
    setOutcome({ error: null, status: 'Deleting…' });
    try {
      await call('templates.delete', { id });
      setOutcome({ error: null, status: `Template “${name}” deleted.` });
      reload();
    } catch (error) {
      setOutcome({ error: errorText(error), status: '' });
    }
  };

  return (
    <section className="settings-form story-templates" aria-labelledby={titleId}>
      <h2 id={titleId}>Story templates</h2>
      {state.kind === 'loading' && <p>Reading templates…</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <ul className="template-list" aria-label="Story templates">
          {state.templates.map((template) => (
            <li key={template.id}>
              <span>
                {template.name}
                {template.builtIn && <span className="note"> (built in)</span>}
              </span>
              {!template.builtIn && (
                <button type="button" aria-label={`Delete template ${template.name}`} onClick={() => void remove(template.id, template.name)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} aria-label="Add template">
        <h3>Add template</h3>
        <div className="field">
          <label htmlFor={ids.name}>Template name</label>
          <input id={ids.name} value={values.name} onChange={(event) => edit('name', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.section}>Section</label>
          <input id={ids.section} value={values.section} onChange={(event) => edit('section', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.tags}>Tags</label>
          <input id={ids.tags} aria-describedby={ids.tagsHint} value={values.tags} onChange={(event) => edit('tags', event.target.value)} />
          <span id={ids.tagsHint} className="note">
            Separate tags with commas.
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.standfirst}>Standfirst</label>
          <textarea id={ids.standfirst} rows={2} value={values.standfirst} onChange={(event) => edit('standfirst', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.first}>First paragraph</label>
          <textarea id={ids.first} rows={3} aria-describedby={ids.firstHint} value={values.firstParagraph} onChange={(event) => edit('firstParagraph', event.target.value)} />
          <span id={ids.firstHint} className="note">
            What a new story starts with, for example “WHAT HAPPENED, WHERE, WHEN”. A blank line starts another paragraph.
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Add template
          </button>
        </div>
      </form>
      <FormOutcome error={outcome.error} status={outcome.status} />
    </section>
  );
}
