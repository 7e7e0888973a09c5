/**
 * A pure function of one string, remembered: the same sentence, paragraph or heading is asked about again for each
 * sentence under it (a paragraph's opening kind for every sentence in the paragraph). Bounded, so a long-running server
 * reading many policies does not grow: past the limit the remembered answers are dropped and built again.
 */
export function memoised<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    if (seen.size >= limit) seen.clear();
    const value = fn(text);
    seen.set(text, value);
    return value;
  };
}
