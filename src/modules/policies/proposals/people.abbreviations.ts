/**
 * Posts a page shortens to the letters it defines: "The Designated Teacher for Child Protection (DT)" and later "report it
 * to the DT"; "Child Protection Co-ordinator (CPC)", "Online Safety and Computing Lead (OSCL)". Each abbreviation the page
 * defines after the words it stands for (its letters are those words' initials) is read as those words, so the patterns
 * that read posts read it. Never a guess: letters that are not the initials, words that name no post or two posts, and
 * abbreviations that are also English words ("DO", "AT") stay as they are.
 */
import { withWordsSwapped } from './people.roles.ts';
import { rolesIn } from './roles.ts';
import type { Sentence } from './text.ts';

/** "(ABBR)": two to six letters, capitals first, in brackets. */
const bracketed = /\(\s*(?:the\s+)?([A-Z][A-Za-z]{1,5})\s*\)/g;
/** Up to eight words just before the bracket: the words of the post, a line's wrap among them ("Child Protection\n Co-ordinator (CPC)"). */
const wordsBefore = /(?:[A-Za-z][A-Za-z'’-]*(?:[ \t]+|[ \t]*\r?\n[ \t]*)){1,8}$/;

/** Small words a post's initials skip: "Designated Teacher for Child Protection" is DT…, "Head of Service" HS. */
const skipped = new Set(['and', 'of', 'for', 'the', 'in', 'on', '&']);
/** Two letters that are also words, which a page written in capitals uses as words. */
const englishWords = new Set('am an as at be by do go he if in is it me my no of on or so to up us we'.split(' '));

/** The initials of some words, a hyphen starting a word ("E-Safety Lead" is ESL, "Co-ordinator" C or CO). */
const initials = (ws: string[]) =>
  ws
    .filter((w) => !skipped.has(w))
    .flatMap((w) => w.split('-').filter(Boolean))
    .map((w) => w[0])
    .join('');

/** The post the letters stand for, as the page writes it (lower case), or null. */
function expansion(before: string, letters: string): string | null {
  const abbreviation = letters.toLowerCase();
  if (englishWords.has(abbreviation)) return null;
  const ws = before.toLowerCase().replace(/’/g, "'").trim().split(/\s+/);
  // The longest run of words ending at the bracket whose initials begin with the letters: "designated teacher for child
  // protection" for DT (the page's own "DT for Child Protection" shortened), "child protection co-ordinator" for CPC.
  for (let from = 0; from < ws.length; from++) {
    if (skipped.has(ws[from])) continue;
    const run = ws.slice(from);
    const first = initials(run);
    const joined = initials(run.map((w) => w.replace(/-/g, '')));
    if (!first.startsWith(abbreviation) && !joined.startsWith(abbreviation)) continue;
    const roles = rolesIn(run.join(' '));
    // (Read with the two words before it too: "Local Authority Designated Officer (DO)" is no one in the school.)
    if (roles.length !== 1 || !rolesIn(ws.slice(Math.max(0, from - 2)).join(' ')).includes(roles[0])) return null;
    // The fewest of those words that name the post ("designated teacher"), so that the words a kind is read from ("child
    // protection") are not written into every sentence that names the post.
    for (let k = 1; k <= run.length; k++) {
      const words = run.slice(0, k).join(' ');
      const named = rolesIn(words);
      if (named.length === 1 && named[0] === roles[0]) return words;
    }
  }
  return null;
}

/** Each abbreviation the page defines for a post, and the words it stands for. */
function abbreviationsOf(text: string): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const m of text.matchAll(bracketed)) {
    const abbreviation = m[1].toLowerCase();
    const before = wordsBefore.exec(text.slice(Math.max(0, m.index - 120), m.index))?.[0];
    if (!before || rolesIn(`the ${abbreviation}`).length) continue;
    const words = expansion(before, m[1]);
    // (One set of letters defined for two posts is neither.)
    if (found.has(abbreviation) && found.get(abbreviation) !== words) found.set(abbreviation, null);
    else found.set(abbreviation, words);
  }
  return new Map([...found].filter((e): e is [string, string] => e[1] !== null));
}

export function withPostsForAbbreviations(text: string, sentences: Sentence[]): Sentence[] {
  const known = abbreviationsOf(text);
  if (!known.size) return sentences;
  const swaps = [...known].map(([abbreviation, words]) => ({ pattern: new RegExp(`(?<![\\w-])${abbreviation}s?(?![\\w-])`, 'g'), words }));
  return withWordsSwapped(sentences, swaps);
}
