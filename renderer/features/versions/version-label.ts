import type { VersionMeta } from '../../../shared/model/versions';

/**
 * What a version is called in the history list. Autosaved versions are the typing bursts; the
 * others carry the name the app or the journalist gave them ("Filed", "Published to Daily site",
 * "Before restoring …"). A named kind without a name still reads as something a person understands.
 */
export function versionLabel(version: Pick<VersionMeta, 'kind' | 'name'>): string {
  if (version.kind === 'auto') return 'Autosaved';
  const name = version.name?.trim() ?? '';
  if (name !== '') return name;
  switch (version.kind) {
    case 'filed':
      return 'Filed';
    case 'published':
      return 'Published';
    case 'restored':
      return 'Before restoring an earlier version';
    case 'named':
      return 'Named version';
  }
}

/** Newest first by save time; the list from main is already so, but a refresh must not depend on it. */
export function newestFirst(versions: readonly VersionMeta[]): VersionMeta[] {
  return [...versions].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
}
