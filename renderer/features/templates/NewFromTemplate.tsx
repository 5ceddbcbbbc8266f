import { useState } from 'react';
import { call } from '../../api/client';
import { useTemplates } from './useTemplates';

/**
 * "New from template": choosing a template starts a draft with its fields and body and opens it.
 * A select rather than a pop-up menu: keyboard and screen readers handle it without extra code.
 */
export function NewFromTemplate({ onOpen, disabled }: { onOpen: (id: string) => void; disabled: boolean }) {
  const { state } = useTemplates();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (templateId: string) => {
    if (state.kind !== 'ready') return;
    const template = state.templates.find((candidate) => candidate.id === templateId);
    if (template === undefined) return;
    setCreating(true);
    setError(null);
    try {
      const draft = await call('drafts.create', { article: template.article });
      onOpen(draft.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The draft could not be created.');
      setCreating(false);
    }
  };

  const message = error ?? (state.kind === 'failed' ? state.message : null);
  return (
    <>
      <select
        aria-label="New from template"
        value=""
        disabled={disabled || creating || state.kind !== 'ready'}
        onChange={(event) => void start(event.target.value)}
      >
        <option value="">{state.kind === 'loading' ? 'Templates…' : 'From template…'}</option>
        {state.kind === 'ready' &&
          state.templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
      </select>
      {message !== null && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
    </>
  );
}
