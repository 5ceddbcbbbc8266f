import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';
import { $isImageNode, type ImageData } from '../../../shared/editor/nodes';
import { ApiError, call } from '../../api/client';
import { attachFailureMessage, attachImageFile } from './attach-image';
import { base64ToObjectUrl } from './base64';
import { useDraftId } from './draft-context';
import { EchoInput } from './EchoInput';
import { removeNode } from './remove-node';
import { useShieldFromEditor } from './shield';

interface Props {
  nodeKey: NodeKey;
  data: ImageData;
}

type Preview = { state: 'loading' } | { state: 'shown'; url: string } | { state: 'failed'; message: string };

/** Reads the image from the draft's folder as a blob: URL, revoked when it is no longer shown. */
function usePreview(draftId: string | null, asset: string | null): Preview {
  const [loaded, setLoaded] = useState<{ asset: string; preview: Preview } | null>(null);
  useEffect(() => {
    if (!asset || !draftId) return;
    let url: string | null = null;
    let live = true;
    call('drafts.readAsset', { draftId, asset })
      .then(({ data, mediaType }) => {
        url = base64ToObjectUrl(data, mediaType);
        if (live) setLoaded({ asset, preview: { state: 'shown', url } });
        else URL.revokeObjectURL(url);
      })
      .catch((error: unknown) => {
        const message = error instanceof ApiError ? error.message : 'The image file could not be read.';
        if (live) setLoaded({ asset, preview: { state: 'failed', message } });
      });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [draftId, asset]);
  if (!draftId) return { state: 'failed', message: 'The image is stored with the draft and cannot be shown here.' };
  return loaded && loaded.asset === asset ? loaded.preview : { state: 'loading' };
}

/**
 * An image in the story as the journalist edits it: the picture from the draft's folder and its
 * caption, credit and alt text. Without a file yet (a pasted image that could not be copied), a
 * placeholder asks for one.
 */
export function ImageCard({ nodeKey, data }: Props) {
  const [editor] = useLexicalComposerContext();
  const draftId = useDraftId();
  const card = useRef<HTMLElement>(null);
  useShieldFromEditor(card);
  const preview = usePreview(draftId, data.asset);
  const [attachError, setAttachError] = useState<string | null>(null);
  const ids = { caption: useId(), credit: useId(), alt: useId(), file: useId() };

  const write = (partial: Partial<ImageData>) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setData(partial);
    });
  };

  const attach = async (file: File | undefined) => {
    if (!file) return;
    if (!draftId) {
      setAttachError('Save the draft first: images are stored with it.');
      return;
    }
    setAttachError(null);
    try {
      const asset = await attachImageFile(draftId, file);
      write({ asset });
    } catch (error) {
      setAttachError(attachFailureMessage(error));
    }
  };

  return (
    <figure ref={card} className="image-card" aria-label="Image">
      {data.asset === null ? (
        <div className="image-card-placeholder">
          {data.missingSource && <p>The image “{data.missingSource}” was not copied into the draft.</p>}
          <label htmlFor={ids.file}>Attach the image file</label>
          <input id={ids.file} type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(event) => void attach(event.target.files?.[0])} />
          {attachError && (
            <p className="field-error" role="alert">
              {attachError}
            </p>
          )}
        </div>
      ) : preview.state === 'shown' ? (
        <img src={preview.url} alt={data.alt} />
      ) : preview.state === 'failed' ? (
        <p className="field-error" role="alert">
          {preview.message}
        </p>
      ) : (
        <p className="image-card-loading">Loading the image…</p>
      )}
      <figcaption className="image-card-fields">
        <Field id={ids.caption} label="Image caption" value={data.caption} onChange={(caption) => write({ caption })} />
        <Field id={ids.credit} label="Image credit" value={data.credit} onChange={(credit) => write({ credit })} />
        <Field id={ids.alt} label="Image alt text" value={data.alt} onChange={(alt) => write({ alt })} />
      </figcaption>
      <button type="button" className="card-remove" onClick={() => removeNode(editor, nodeKey)}>
        Remove image
      </button>
    </figure>
  );
}

function Field({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <span className="image-card-field">
      <label htmlFor={id}>{label}</label>
      <EchoInput id={id} value={value} onChange={onChange} />
    </span>
  );
}
