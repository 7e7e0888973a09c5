/** Redaction for subject access: pure, table-tested. */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces each name or word marked (whole words, any case) with "[redacted]". Longer marks go
 * first, so "Jo Smith" is redacted whole before "Jo" is.
 */
export function redactText(text: string, marks: readonly string[]): string {
  const words = [...new Set(marks.map((m) => m.trim()).filter((m) => m.length > 1))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, '[redacted]');
}
