import { ApiError, call } from '../../api/client';
import { fileToBase64 } from './base64';

/** What the journalist reads when an image cannot be added. */
export function attachFailureMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'The image could not be added. Try again, or choose another file.';
}

/** Copies a picked image into the draft's folder; returns the asset name the body stores. */
export async function attachImageFile(draftId: string, file: File): Promise<string> {
  const data = await fileToBase64(file);
  const { asset } = await call('drafts.attachImage', { draftId, fileName: file.name.slice(0, 255), data });
  return asset;
}
