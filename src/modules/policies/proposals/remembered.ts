/**
 * What a text proposes depends on the text alone, and reading a long one takes a while (up to a few seconds at the editor's
 * limit, bounds.ts). The policy page reads its newest version each time it is shown, and accepting reads it again: the
 * proposals of the last few texts read are kept, by a hash of the text, so a page shown again or accepted waits for nothing.
 */
import { createHash } from 'node:crypto';
import type { Proposals } from './types.ts';

/** `read` once per text among the last `size` texts read; each caller gets its own copy. */
export function rememberProposals(read: (text: string) => Proposals, size = 16): (text: string) => Proposals {
  const kept = new Map<string, Proposals>();
  return (text) => {
    const key = createHash('sha256').update(text).digest('base64');
    let found = kept.get(key);
    if (found) kept.delete(key);
    else found = read(text);
    // (A Map keeps the order keys were set in: the first is the one read or shown longest ago.)
    kept.set(key, found);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return structuredClone(found);
  };
}
