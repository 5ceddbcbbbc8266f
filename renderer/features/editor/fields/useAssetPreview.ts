import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { base64ToBytes } from './base64';

export type AssetPreview = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed'; message: string };

/**
 * A blob: URL for an image kept in the draft's folder (the renderer never reads the disk; the
 * CSP allows blob: images). The URL is revoked when the image changes or the field goes away.
 */
export function useAssetPreview(draftId: string, asset: string | null): AssetPreview {
  /** What was loaded, and for which asset: a result for an earlier image is never shown. */
  const [loaded, setLoaded] = useState<{ asset: string; preview: AssetPreview } | null>(null);
  useEffect(() => {
    if (!asset) return;
    let url: string | null = null;
    let current = true;
    call('drafts.readAsset', { draftId, asset }).then(
      (image) => {
        if (!current) return;
        url = URL.createObjectURL(new Blob([base64ToBytes(image.data)], { type: image.mediaType }));
        setLoaded({ asset, preview: { kind: 'ready', url } });
      },
      (error: unknown) => {
        if (!current) return;
        const message = error instanceof Error ? error.message : 'The image could not be shown.';
        setLoaded({ asset, preview: { kind: 'failed', message } });
      },
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [draftId, asset]);
  if (!asset) return { kind: 'none' };
  return loaded?.asset === asset ? loaded.preview : { kind: 'loading' };
}
