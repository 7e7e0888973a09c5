/**
 * A letter or policy the head writes in the first person and signs ("Yours sincerely, … Headteacher", "Written by: Ruth
 * Penhaligon, Headteacher", "Signed: J. Okonkwo-Hale, Headteacher"): "tell me", "contact me (Headteacher)", "approved by
 * me" name the head. Only where one post signs: a page signed by two posts, or by none, leaves "me" as it is.
 */
import { withWordsSwapped } from './people.roles.ts';
import { rolesIn } from './roles.ts';
import type { Sentence } from './text.ts';

/** A line that is the signer's post, with their name before it or not: "Headteacher", "Signed: J. Okonkwo-Hale, Headteacher". */
const signature =
  /^\s*(?:(?:signed|written by|from)\s*:?\s*)?(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?:[A-Z][\p{L}.'-]*\s+){0,3}?(?:[A-Z][\p{L}.'-]*,\s*)?((?:executive |acting )?(?:head ?teacher|head teacher|head of school|principal))\s*$/iu;

/** The one post that signs the page, as words the role patterns read, or null. */
function signer(text: string): string | null {
  const posts = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\*\*|__/g, '').trim();
    const m = signature.exec(line);
    if (m && rolesIn(m[1].toLowerCase()).length === 1) posts.add(rolesIn(m[1].toLowerCase())[0]);
  }
  return posts.size === 1 && posts.has('headteacher') ? 'the headteacher' : null;
}

/**
 * "me" after an instruction to tell or ask ("tell me", "let me know"), or "by", "to", "with": the one asked or told. Not "a
 * pupil tells me" (an agreement's signer, who is told), nor "to me as DSL", which names its post itself.
 */
const me = /(?<=\b(?:to|by|tell|contact|inform|with|ask|email|phone|ring|see|from|let)\s)me\b(?!,? as\b)/g;

export function withSignerForMe(text: string, sentences: Sentence[]): Sentence[] {
  const post = signer(text);
  return post ? withWordsSwapped(sentences, [{ pattern: me, words: post }]) : sentences;
}
