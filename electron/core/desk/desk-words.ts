/** Small helpers of the desk inbox. */

const two = (value: number): string => String(value).padStart(2, '0');

/**
 * The headline of the copy that keeps a journalist's unsent edits when the desk's version
 * replaces their draft: "Council vote (your edits 14:05)" — the wording the editor uses for a
 * change made elsewhere (renderer/features/editor/useExternalChanges.ts), in this computer's time.
 */
export const keptCopyHeadline = (headline: string, at: Date): string =>
  `${headline.trim() === '' ? 'Untitled' : headline.trim()} (your edits ${two(at.getHours())}:${two(at.getMinutes())})`;

/** Same instant, whatever the notation (Ghost writes `…:05.000Z`, WordPress `…T12:00:05` in UTC). */
export function sameVersion(a: string, b: string): boolean {
  if (a === b) return true;
  const ms = (text: string): number => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return !Number.isNaN(ms(a)) && ms(a) === ms(b);
}
