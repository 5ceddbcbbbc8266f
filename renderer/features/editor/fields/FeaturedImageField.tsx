import { useId, useRef, useState } from 'react';
import { MAX_IMAGE_BYTES } from '../../../../shared/ipc/contract';
import type { ImageRef, StoryFields } from '../../../../shared/model/article';
import { call } from '../../../api/client';
import { bytesToBase64 } from './base64';
import { oneLine } from './story-fields';
import { useAssetPreview } from './useAssetPreview';

interface Props {
  draftId: string;
  image: ImageRef | null;
  update: (patch: Partial<StoryFields>) => void;
}

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

/**
 * The featured image: picked from disk, copied into the draft's own folder by the main side (so
 * the draft keeps it when the original moves), shown from there, with caption, credit and alt text.
 */
export function FeaturedImageField({ draftId, image, update }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useAssetPreview(draftId, image?.asset ?? null);
  const id = { caption: useId(), credit: useId(), alt: useId(), altHint: useId() };

  const attach = async (file: File) => {
    setError(null);
    if (file.size > MAX_IMAGE_BYTES) return setError('That image is larger than 20 MB. Choose a smaller one.');
    setBusy(true);
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const attached = await call('drafts.attachImage', { draftId, fileName: file.name.slice(-255), data });
      // A new picture needs its own words: the old alt text would describe something else.
      update({ featuredImage: { asset: attached.asset, alt: '', caption: '', credit: '' } });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The image could not be added.');
    } finally {
      setBusy(false);
    }
  };

  const edit = (patch: Partial<ImageRef>) => image && update({ featuredImage: { ...image, ...patch } });

  return (
    <fieldset className="story-field-group featured-image">
      <legend>Featured image</legend>
      <input
        ref={fileInput}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Featured image file"
        accept={ACCEPT}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // picking the same file again must fire again
          if (file) void attach(file);
        }}
      />
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          Choose featured image
        </button>
        {image && (
          <button type="button" disabled={busy} onClick={() => update({ featuredImage: null })}>
            Remove featured image
          </button>
        )}
      </div>
      {busy && <p role="status">Adding the image…</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {preview.kind === 'ready' && <img className="featured-preview" src={preview.url} alt="Preview of the featured image" />}
      {preview.kind === 'failed' && (
        <p role="alert" className="error-text">
          {preview.message}
        </p>
      )}
      {image && (
        <>
          <div className="story-field">
            <label htmlFor={id.caption}>Featured image caption</label>
            <textarea id={id.caption} rows={2} maxLength={2000} value={image.caption} onChange={(e) => edit({ caption: oneLine(e.target.value) })} />
          </div>
          <div className="story-field">
            <label htmlFor={id.credit}>Featured image credit</label>
            <input id={id.credit} type="text" maxLength={300} value={image.credit} onChange={(e) => edit({ credit: oneLine(e.target.value) })} />
          </div>
          <div className="story-field">
            <label htmlFor={id.alt}>Featured image alt text</label>
            <textarea
              id={id.alt}
              rows={2}
              maxLength={1000}
              aria-describedby={id.altHint}
              value={image.alt}
              onChange={(e) => edit({ alt: oneLine(e.target.value) })}
            />
            <p id={id.altHint} className="field-hint">
              What the picture shows, for readers who cannot see it.
            </p>
          </div>
        </>
      )}
    </fieldset>
  );
}
