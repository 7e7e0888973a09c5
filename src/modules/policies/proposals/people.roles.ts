/**
 * People a page names in place of their posts: "Mrs Garside decides which photographs go on our website", where another
 * sentence says "Our Headteacher, Mrs Garside, …" or "Mrs Garside (Headteacher)". Each name the page gives exactly one
 * post is read as that post, so the patterns that read posts read it. Letters and guides for families name people more
 * than posts. Never a guess: a name given two posts, or none, stays a name (save on a staff card's line, "DSL = Helen
 * Tranter (Head)", which gives both posts at once). A who's who list's line with a title, "- DSL: Mr Dan Whitlock (Deputy
 * Head)", gives the post the line is for: keys read "tell Mr Whitlock" there as telling the DSL.
 */
import { roleAtEnd, roleAtStart, rolesIn, type RoleKey } from './roles.ts';
import type { Sentence } from './text.ts';

/** How each post is written where a name stood, in words rolesIn reads as that post. */
const postWords: Record<RoleKey, string> = {
  headteacher: 'the headteacher',
  'deputy-headteacher': 'the deputy headteacher',
  'senior-leader': 'a senior leader',
  dsl: 'the dsl',
  'ict-lead': 'the computing lead',
  'class-teacher': 'the class teacher',
  'line-manager': 'the line manager',
  office: 'the school office',
  governor: 'the chair of governors',
};

/** "Mrs Lorraine Fox", "Mr Okonjo-Barrett", "Dr J. Patel": a title, then up to two more names or initials, then the surname. */
const person = /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? ((?:(?:[A-Z]\.?|[A-Z][\p{L}'’-]+) ){0,2})([A-Z][\p{L}'’-]+)/gu;
/** The same, to ask whether some text names anyone (no state kept between calls). */
const aPerson = new RegExp(person.source, 'u');
/** "Jo is our Designated Safeguarding Lead": a first name alone, only in this form. */
const firstNameIs = /(?:^|[.!?]\s+|\n\s*)([A-Z][a-z]{1,15}) is (?:our|the) /g;
/** A staff card's line naming a post's holder without a title: "DSL = Helen Tranter (Head)", "DSL – Rachel Thwaite". */
const cardLine =
  /(?:^|\n|[ \t]{2,}|\|\s*)([A-Za-z][A-Za-z /&-]{1,40}?)[ \t]*(?:=|:|–|-)[ \t]*([A-Z][a-z]{1,15}) ([A-Z][\p{L}'’-]+)(?:[ \t]*\(([^()\n]{1,40})\))?/gu;
const notNames = new Set(['this', 'that', 'it', 'he', 'she', 'there', 'here', 'who', 'what', 'which', 'one', 'each', 'everyone', 'nobody', 'safety']);

const clean = (text: string) => text.toLowerCase().replace(/[*_`]/g, '').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ');

/** The one post some words are and nothing else: it starts them, ends them, and no other post is in them. */
function soleRole(words: string): RoleKey | null {
  const roles = rolesIn(words);
  return roles.length === 1 && roleAtStart(words) === roles[0] && roleAtEnd(words) === roles[0] ? roles[0] : null;
}

/**
 * A who's who label that is one post and nothing else ("Computing lead", "The DSL"): not a line manager's (whoever a
 * reader's line manager is), nor a deputy's DSL line ("Deputy DSLs", "DDSL"), a second post of someone whose own is in
 * the brackets. ("Deputy Headteacher:" and "Acting Headteacher:" are posts of their own.)
 */
function onePost(label: string): RoleKey | null {
  const role = soleRole(label.replace(/^(the|our) /, ''));
  if (role === 'dsl' && /^(deputy|assistant|alternate|acting|vice|co)\b|^ddsls?$/.test(label)) return null;
  return role === 'line-manager' ? null : role;
}

/** Each name's posts, from where the page gives them beside it. */
function postsOfNames(text: string): { posts: Map<string, Set<RoleKey>>; fromCards: Set<string> } {
  const posts = new Map<string, Set<RoleKey>>();
  const fromCards = new Set<string>();
  const give = (key: string, role: RoleKey | null) => {
    if (!role) return;
    const known = posts.get(key) ?? new Set<RoleKey>();
    known.add(role);
    posts.set(key, known);
  };
  for (const m of text.matchAll(person)) {
    const key = `${m[1].toLowerCase()} ${m[3].toLowerCase().replace(/’/g, "'")}`;
    const start = m.index;
    const end = start + m[0].length;
    const before = clean(
      text
        .slice(Math.max(0, start - 80), start)
        .split(/[.;!?\n]/)
        .pop() ?? '',
    );
    const after = clean(text.slice(end, end + 120).split(/[.;!?\n]/)[0] ?? '');
    // A who's who line, "- DSL: Mr Dan Whitlock (Deputy Head), room 4", "- Computing lead: Miss Hannah Brierley (Year 4)":
    // the post the line is for, in place of one in brackets after the name. Only a label that is one post and nothing
    // else: not "Concerns about the Headteacher:", "Headteacher / DSL:", "Backup DSL:", nor a deputy's line ("Deputy
    // DSLs: Mrs Okafor (Head)", "DDSL:"), which names a second post of someone whose own is in the brackets.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    // (Also a numbered line, and a label in bold: "1. DSL:", "- **DSL:** Mr …".)
    const label = /^[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)][ \t]+)?\**([A-Za-z][A-Za-z /&'-]{1,40}?)[ \t]*\**:\**[ \t]*$/.exec(text.slice(lineStart, start))?.[1];
    const linePost = label ? onePost(clean(label)) : null;
    const byLine = linePost !== null && /^\s*[(,]/.test(after);
    if (linePost && byLine) give(key, linePost);
    const told = /^\s*(?:\(|,|-|:)\s*(?:(?:our|the|who is (?:our|the)|is (?:our|the))\s+)?|^\s+(?:is|who is) (?:our|the|also our|also the)\s+/.exec(after);
    if (told && !byLine) {
      const rest = after.slice(told[0].length);
      // ("Mrs Doherty, Vice-Principal and Designated Teacher for Child Protection": two posts, so neither.)
      if (roleAtStart(rest)) for (const role of rolesIn(rest.split(/[),]/)[0])) give(key, role);
    }
    // Before the name: "the School Business Manager, Mrs Lorraine Fox, posts…", "Our DSL is Mrs Penhaligon", "Headteacher
    // (Mr Okonjo-Barrett)". Not a list: "tell the DSL, Mrs Pearce and the class teacher".
    const lead = /(?:,|\(|:|\bis)\s*$/.exec(before);
    if (lead && !/^\s*(?:and|or|&)\b/.test(after) && /^\s*(?:$|[),:]|is\b|has\b|who\b|will\b|can\b|decides?\b|checks?\b|approves?\b)/.test(after)) {
      // ("The Designated Safeguarding Person (DSP) is Mr Rowlands": the post before its letters.)
      give(
        key,
        roleAtEnd(
          before
            .slice(0, lead.index)
            .replace(/\s*\([^()]*\)\s*$/, '')
            .replace(/\s+$/, ''),
        ),
      );
    }
    // The sentence after: "…please speak to Mrs Carter straight away. She is also our Designated Safeguarding Lead."
    const next = /^[^.!?\n]*[.!?]\s+(?:she|he|they) (?:is|are) (?:also )?(?:our|the) /i.exec(text.slice(end, end + 200));
    if (next && !aPerson.test(next[0])) give(key, roleAtStart(clean(text.slice(end + next[0].length, end + next[0].length + 80))));
    // "If it is about Mrs Ferris, tell the Chair of Governors": only the head's own concerns go to the chair.
    if (
      /\babout\s*$/.test(before) &&
      /^(?: herself| himself| themselves)?[?,:]?\s*(?:->|→|-)?\s*(?:please )?(?:tell|contact|speak to|go to|report (?:it |this )?to|it goes to|pass it to)?\s*(?:the )?chair of (?:the )?(?:governors|governing body|trustees)\b/.test(
        after,
      )
    )
      give(key, 'headteacher');
  }
  // A staff card's line: "DSL = Helen Tranter (Head)", "Online Safety Lead – Sam Ferreira (Computing)": the post before
  // the name, and one in brackets after it. The card then says "Tell Helen": the first name is read too, where the page
  // never writes it in lower case (so never a word: "will", "grace").
  for (const m of text.matchAll(cardLine)) {
    const [, postText, first, surname, bracket] = m;
    // ("Headteacher: Mrs Joy Okonjo" is read above; "DSL: Assistant Headteacher (Inclusion)" names a post, not a person.)
    if (
      /^(mr|mrs|ms|miss|mx|dr|the|our|a|an|all|any|no|each|every|see|if|when|tell|ask|call|ring)$/.test(first.toLowerCase()) ||
      rolesIn(clean(`${first} ${surname}`)).length
    )
      continue;
    const roles = [roleAtEnd(clean(postText).trim()), bracket ? roleAtStart(clean(bracket)) : null];
    const keys = [`${first.toLowerCase()} ${surname.toLowerCase().replace(/’/g, "'")}`];
    if (!new RegExp(`(?<![\\p{L}'-])${first.toLowerCase()}(?![\\p{L}'-])`, 'u').test(text)) keys.push(first.toLowerCase());
    for (const key of keys) {
      fromCards.add(key);
      for (const role of roles) give(key, role);
    }
  }
  for (const m of text.matchAll(firstNameIs)) {
    const key = m[1].toLowerCase();
    if (notNames.has(key)) continue;
    const rest = clean(text.slice(m.index + m[0].length, m.index + m[0].length + 80).split(/[.;!?\n]/)[0]);
    give(key, roleAtStart(rest));
  }
  return { posts, fromCards };
}

/** The sentences with each name the page gives one post read as that post. */
export function withPostsForNames(text: string, sentences: Sentence[]): Sentence[] {
  // (Two posts only for a name a staff card gives both, "DSL = Helen Tranter (Head)": elsewhere, keys read such a name as
  // either post, or neither.)
  const { posts, fromCards } = postsOfNames(text);
  const named = [...posts].filter(([key, roles]) => roles.size === 1 || (roles.size === 2 && fromCards.has(key)));
  if (!named.length) return sentences;
  const swaps = named.map(([key, roles]) => {
    const [title, surname] = key.includes(' ') ? key.split(' ') : ['', key];
    const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = title
      ? new RegExp(`\\b${title}\\.? (?:[a-z][\\p{L}'-]*\\.? ){0,2}?${escaped}\\b`, 'gu')
      : new RegExp(`(?<![\\p{L}'-])${escaped}(?![\\p{L}'-])`, 'gu');
    return { pattern, words: [...roles].map((role) => postWords[role]).join(' and ') };
  });
  return withWordsSwapped(sentences, swaps);
}

/** Each sentence, and what it is read with (the sentence before, its lead, its paragraph, its question), with words swapped. */
export function withWordsSwapped(sentences: Sentence[], swaps: { pattern: RegExp; words: string }[]): Sentence[] {
  const swap = (lower: string | undefined) => {
    if (!lower) return lower;
    let out = lower;
    for (const { pattern, words } of swaps) out = out.replace(pattern, words);
    return out;
  };
  return sentences.map((s) => ({
    ...s,
    lower: swap(s.lower)!,
    previous: swap(s.previous),
    lead: swap(s.lead),
    earlier: swap(s.earlier),
    question: swap(s.question),
  }));
}

/** An item that starts with what its subject decides: "approves everything published on the website", "Decides which…". */
const doesFirst = /^(approves?|authori[sz]es|decides? (what|which)|has the final say)\b/;

/**
 * The post a list's lead or heading names and nothing else: "The Headteacher:", "Y Pennaeth / The Headteacher",
 * "Principal (Mr Ross McCandless)". Null for a lead that says more ("The Headteacher and governors will:").
 */
function postAlone(text: string | undefined): RoleKey | null {
  const rest = (text ?? '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/^[a-z ]*\/\s*/, '')
    .replace(/\b(the|our|school's|school|academy's|academy|will|should|must)\b|[:*.\s]+/g, ' ')
    .trim();
  if (!rest || rest.split(' ').length > 3) return null;
  return soleRole(rest);
}

/**
 * Roles and responsibilities set out as lists: "The Headteacher:" over "• approves everything published on the school
 * website…", or a heading "Principal (Mr Ross McCandless)" over "• Approves all content before it is published". Each item
 * that starts with what its subject approves or decides is read with that post as its subject ("the headteacher
 * approves…"); its words as the page gives them stay its quote. (Items that check or report are left as they are: read
 * so, they gave five false proposals and no right one.)
 */
export function withPostsForLists(sentences: Sentence[]): Sentence[] {
  return sentences.map((s) => {
    if (!s.item || !doesFirst.test(s.lower)) return s;
    const post = postAlone(s.lead) ?? (s.lead ? null : postAlone(s.heading));
    return post ? { ...s, lower: `${postWords[post]} ${s.lower}` } : s;
  });
}
