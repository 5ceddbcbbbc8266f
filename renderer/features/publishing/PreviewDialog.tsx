import { useEffect, useState } from 'react';
import type { CmsKind } from '../../../shared/model/cms-profiles';
import type { MappingPreviewView } from '../../../shared/model/publishing';
import { call } from '../../api/client';
import { Modal } from '../../components/Modal';

interface Props {
  draftId: string;
  profileId: string;
  profileName: string;
  /** Saves pending text; resolves false when it could not be saved. */
  flush: () => Promise<boolean>;
  onClose: () => void;
}

const CMS_NAMES: Record<CmsKind, string> = {
  wordpress: 'WordPress',
  ghost: 'Ghost',
  http: 'the web endpoint',
  folder: 'the local folder',
};

type Load = { kind: 'loading' } | { kind: 'ready'; preview: MappingPreviewView } | { kind: 'failed'; message: string };

/**
 * What the chosen CMS will receive for the saved draft, field by field, and what it cannot hold.
 * The body is the CMS's HTML shown as text: it is never put into the page as markup.
 */
export function PreviewDialog({ draftId, profileId, profileName, flush, onClose }: Props) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    // The preview is of the saved draft, so what was typed a moment ago is saved first.
    flush()
      .then((saved) => {
        if (!saved) throw new Error('The latest text could not be saved, so a preview would be out of date. Fix the save problem first.');
        return call('publishing.preview', { draftId, profileId });
      })
      .then(
        (preview) => current && setLoad({ kind: 'ready', preview }),
        (error: unknown) =>
          current && setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The preview could not be made.' }),
      );
    return () => {
      current = false;
    };
  }, [draftId, profileId, flush]);

  return (
    <Modal title={`Preview for ${profileName}`} onClose={onClose} className="publish-dialog preview-dialog">
      {load.kind === 'loading' && <p role="status">Preparing the preview…</p>}
      {load.kind === 'failed' && (
        <p role="alert" className="error-text">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && <PreviewBody preview={load.preview} />}
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Modal>
  );
}

function PreviewBody({ preview }: { preview: MappingPreviewView }) {
  const cms = CMS_NAMES[preview.kind];
  return (
    <>
      <table className="preview-fields">
        <caption>What {cms} receives</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {preview.sent.map(({ field, value }) => (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Not sent</h3>
      {preview.lost.length === 0 ? (
        <p>Everything is sent.</p>
      ) : (
        <ul aria-label="Not sent">
          {preview.lost.map((field) => (
            <li key={field}>{field}</li>
          ))}
        </ul>
      )}
      <h3>Body</h3>
      <pre className="preview-body" aria-label="Body as sent">
        {preview.body}
      </pre>
    </>
  );
}
