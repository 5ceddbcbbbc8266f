import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isEmbeddableUrl } from '../../../shared/editor/nodes';
import { normaliseLinkInput } from '../../../shared/url-policy';

export const EMBED_RULE_MESSAGE = 'An embed needs a web address starting with http:// or https://';

interface Props {
  onInsert: (url: string) => void;
  onCancel: () => void;
}

/** Asks for the address of the video or post to embed; only web (http, https) addresses pass. */
export function EmbedPanel({ onInsert, onCancel }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = value.trim() === '' ? '' : normaliseLinkInput(value);
    if (!isEmbeddableUrl(url)) {
      setError(EMBED_RULE_MESSAGE);
      return;
    }
    onInsert(url.trim());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form className="insert-panel" role="dialog" aria-label="Embed" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={inputId}>Embed URL</label>
      <input
        id={inputId}
        ref={input}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      <button type="submit">Add embed</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
