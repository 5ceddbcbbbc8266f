/**
 * Initials suggested from a name: the first letter of the first and last words ("Ana María Ruiz"
 * → "AR"), one word → its first two letters. Only a suggestion: the person may type their own.
 */
export function suggestInitials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0);
  const first = words[0];
  if (first === undefined) return '';
  const last = words.at(-1) ?? first;
  const letters = words.length === 1 ? [...first].slice(0, 2).join('') : `${[...first][0] ?? ''}${[...last][0] ?? ''}`;
  return letters.toUpperCase();
}
