/**
 * A letter or policy the head writes in the first person and signs ("Yours sincerely, … Headteacher", "Written by: Ruth
 * Penhaligon, Headteacher", "Signed: J. Okonkwo-Hale, Headteacher"): "tell me", "contact me (Headteacher)", "approved by
 * me" name the head. A line of the post alone, or a name (in capitals) and the post, signs; a deputy's or an assistant
 * head's line ("Deputy Headteacher", "Vice Principal") signs as no head, and a page one of them signs too leaves "me" as
 * it is, as does a page no head signs.
 */
import { withWordsSwapped } from './people.roles.ts';
import { rolesIn } from './roles.ts';
import type { Sentence } from './text.ts';

/**
 * A line that is the signer's post, with their name before it or not: "Headteacher", "Signed: J. Okonkwo-Hale,
 * Headteacher". Names are capitalised words (not "The", nor an instruction, "Report to the Headteacher"); the post is
 * captured with any "Deputy", "Assistant" or "Vice" before it, so that a deputy's line is read as the deputy's.
 */
const signature =
  /^\s*(?:(?:[Ss]igned|SIGNED|[Ww]ritten by|WRITTEN BY|[Ff]rom)\s*:?\s*)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:(?!The\b|Deputy\b|Depute\b|Assistant\b|Vice\b|Acting\b|Executive\b)[A-Z][\p{L}.'’-]*\s+){0,3}?(?:[A-Z][\p{L}.'’-]*,\s*)?((?:(?:[Dd]eputy|[Dd]epute|[Aa]ssistant|[Vv]ice|[Ee]xecutive|[Aa]cting)[ -])?(?:[Hh]ead ?[Tt]eacher|HEAD ?TEACHER|[Hh]ead of [Ss]chool|[Pp]rincipal|PRINCIPAL))\s*$/u;

/** The one post that signs the page, as words the role patterns read, or null. */
function signer(text: string): string | null {
  const posts = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\*\*|__/g, '').trim();
    const post = signature.exec(line)?.[1].toLowerCase();
    const roles = post ? rolesIn(post) : [];
    if (roles.length === 1) posts.add(roles[0]);
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
