import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isSafeLinkUrl, normaliseLinkInput } from '../../../shared/url-policy';

export const LINK_RULE_MESSAGE = 'Links must start with http://, https://, mailto: or tel:';

interface Props {
  initialUrl: string;
  /** The selection is already inside a link: offer to remove it. */
  canRemove: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/**
 * The inline link field under the toolbar (instead of window.prompt, which Electron does not
 * support and which blocks the page). A bare address ("example.com/story") gets https:// added;
 * anything left that is not http, https, mailto or tel is refused in plain words.
 */
export function LinkEditor({ initialUrl, canRemove, onApply, onRemove, onCancel }: Props) {
  const [value, setValue] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError(LINK_RULE_MESSAGE);
      return;
    }
    const url = normaliseLinkInput(value);
    if (!isSafeLinkUrl(url)) {
      setError(LINK_RULE_MESSAGE);
      return;
    }
    onApply(url);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form className="link-editor" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={inputId}>Link address</label>
      <input
        id={inputId}
        ref={input}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder="https://"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      {/* Short names on purpose: e2e finds the toolbar's "Link" button by name, and Playwright
          matches substrings, so no other button here may contain the word "link". */}
      <button type="submit">Apply</button>
      {canRemove && (
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      )}
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
