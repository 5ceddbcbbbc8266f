import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { attachFailureMessage, attachImageFile } from '../nodes/attach-image';

interface Props {
  draftId: string | null;
  onInsert: (asset: string) => void;
  onCancel: () => void;
}

/**
 * Asks for the image file. The bytes are read in the page and copied into the draft's folder by
 * the main side (`drafts.attachImage`, which also checks it really is a PNG, JPEG, GIF or WebP);
 * the story stores only the asset's name.
 */
export function ImagePanel({ draftId, onInsert, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => input.current?.focus(), []);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!draftId) {
      setError('Images are stored with the draft: open a draft to add one.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onInsert(await attachImageFile(draftId, file));
    } catch (failure) {
      setError(attachFailureMessage(failure));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="insert-panel" role="group" aria-label="Insert an image" onKeyDown={onKeyDown}>
      <label htmlFor={inputId}>Image file</label>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={busy}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      {busy && <span role="status">Adding the image…</span>}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
