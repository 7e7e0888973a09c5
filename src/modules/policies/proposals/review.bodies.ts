/**
 * The bodies that approve a school policy (policyReview.approvingBody), by the names schools write: which body a text
 * names, whether a header's "Reviewed by" names a body at all, and whether the approver's place holds a template's
 * choices rather than a choice. Read by the approval patterns in review.table.ts.
 */

/** A word of a committee's name, an abbreviation joined by "&" included ("PP&C", "T&L"). */
const word = String.raw`[a-z](?:[a-z&/]*[a-z])?`;

/**
 * Bodies that approve a school policy. The name is kept as the school writes it ("Full Governing Body", "Trust Board",
 * "Governors"), as the import reads it from the header and as anyone reading the policy would write it down; only an
 * abbreviation is written out. An empty name here means "as written".
 */
const bodies: [RegExp, string][] = [
  // A committee named with the board it belongs to: "the Governing Board's Safeguarding Committee".
  [
    new RegExp(
      String.raw`\b(?:full |local )?governing (?:body|board)'s (?:(?!(?:the|our|a|an|by|of|and|to|on|in|its|their|this|that)\b)${word} (?:(?:&|and) )?){0,3}committee\b`,
    ),
    '',
  ],
  [/\b(full |local |federation )?governing (body|board)\b/, ''],
  [/\bfgb\b/, 'Full governing body'],
  // Ireland's and Northern Ireland's boards ("our school Board of Management", "the BoM"), before "school board" and "governors".
  [/\b(school )?board of management\b|\bbom\b/, 'Board of Management'],
  [/\b(school )?board of governors\b/, 'Board of Governors'],
  [/\blgb\b/, 'Local governing body'],
  [/\bboard of (trustees|directors)\b|\btrust board\b|\btrustees\b/, ''],
  // A committee's whole name, also when it joins two words: "Finance & Resources Committee", not "Resources committee".
  // ("Governors' Safeguarding & Welfare Committee", "Governors' Pupil Welfare Committee": up to three words, "&" or "and".)
  [
    new RegExp(
      String.raw`\b(the )?governors'? (?:(?!(?:the|our|a|an|by|of|and|to|on|in|its|their|this|that)\b)${word} (?:(?:&|and) )?){0,3}committee\b|\b(${word} (?:&|and) )?(${word} )committee of the governing body\b`,
    ),
    '',
  ],
  [/\bgovernors\b/, ''],
  // A district's or town's school committee keeps its place name, as the text names it: "Adopted by Lexington School
  // Committee" (not "our school committee", "the school committee").
  [new RegExp(String.raw`\b(?!(?:the|our|a|an|this|its|their|by|of|and|or|to|with) )${word} school committee\b`), ''],
  // ("Adopted by Ashcombe Village Pre-School Committee": the pre-school's name with it.)
  [new RegExp(String.raw`\b(?:(?!(?:the|our|a|an|this|its|their|by|of|and|or|to|with) )${word} ){0,2}pre-?school committee\b`), ''],
  // A committee named by a list keeps the whole list: "Teaching, Learning and Standards Committee".
  // (Or by words before it, "Pupil Welfare Committee", "Local Governing Committee": up to three, none a little word.)
  [
    new RegExp(
      // (With the board it is a committee of, as the text names it: "Education Committee of the Board of Trustees".)
      // ("Pupil Welfare, Ethos and Community Committee": the list's first item may be two words.)
      String.raw`\b(?<!['’])(?:(?:(?!(?:the|our|a|an|by|of|and|to|its|their|this|that|approved|ratified|adopted|reviewed|agreed|governors)\b)${word} )?(?:${word}, )+${word},? (?:&|and) |(?:(?:(?!(?:the|our|a|an|by|of|and|to|its|their|this|that|approved|ratified|adopted|reviewed|agreed|governors)\b)${word} )?${word} (?:&|and) ))?(?:(?!(?:the|our|a|an|by|of|and|to|its|their|this|that|approved|ratified|adopted|reviewed|agreed|governors)\b)${word} ){0,2}${word} committee\b(?: of the (?:board of (?:governors|trustees|directors)|corporation|(?:local )?governing (?:body|board)|trust board))?`,
    ),
    '',
  ],
  [/\b((local )?(academy|school|trust)|local) (council|board)\b/, ''],
  // A school's leadership as one body ("Approved by: SLT"), and the board that stands in for governors ("Interim Executive Board").
  [/\b(senior leadership team|slt)\b/, 'Senior Leadership Team'],
  [new RegExp(String.raw`\b(?:(?!(?:the|our|a|an|by|of|and|to|its|their|this|that)\b)${word} ){1,2}steering group\b`), ''],
  [/\binterim executive board\b|\bieb\b/, 'Interim Executive Board'],
  // An independent school's company or owner: "authorised by the Directors of … Limited", "approved by the Proprietor".
  [/\bdirectors\b|\bproprietors?\b/, ''],
  // A further education or sixth-form college's governing body: "Approved by: The Corporation".
  [/\b(the )?corporation\b/, 'Corporation'],
  [/^(the )?(executive |acting )?(head ?teacher|principal|head of school)\b/, 'Headteacher'],
  // A trust's executive, named alone under the label ("Approved: Executive – July 2017"); not an executive head or officer.
  [/^(the )?(trust('s)? )?executive( board| team| committee| group| leadership team)?(?=\s*([-–—,:;(]|\d|on\b|in\b|$))/, ''],
];

/**
 * The body the text names first ("S&C Committee (Governors)" is the committee; "the governors, on the Finance
 * Committee's advice" the governors); two named at the same place, the more specific (the list's order).
 */
export function body(text: string): string | null {
  let best: { index: number; value: string } | null = null;
  for (const [pattern, name] of bodies) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, value: name || m[0].replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()) };
  }
  return best?.value ?? null;
}

/** The text is one body's name and nothing else ("the Board of Management", not "the Head and the Governors"). */
export function onlyABody(text: string): boolean {
  return bodies.some(([pattern]) => pattern.exec(text)?.[0].replace(/^the /, '') === text);
}

/** A header's "Reviewed by:" names the approver only when it names a body (governors, trustees, a committee), not a person. */
export function bodyOnly(m: RegExpExecArray | null): RegExpExecArray | null {
  // A governing board or a committee of it that reviews the policy in its header approves it (the keying guide); a person does not.
  const who = m && body(m[1].slice(0, 60));
  return who && who !== 'Headteacher' ? m : null;
}

/** Someone who could approve, as a template's choice: a body, or a role ("Headteacher", "Chair", "Chief Executive"). */
const approverWord =
  /\b(head ?teachers?|head|principal|chief executive|ceo|chair(man|woman|person)?|directors?|executive|slt|senior leadership|leadership team|clerk|manager)\b/;

/**
 * Whether the approver's place holds a template's choices rather than a choice: tick boxes, "and/or", or two who
 * could approve set apart by "/" or "or" ("the Board of Directors / Governing Body / Governors Sub Committee on: May
 * 2014", "Governors or Headteacher"). Nobody was chosen, so nothing is proposed. One name with a "/" inside it stays one
 * body ("Finance/Premises Committee": only one of its parts names anyone).
 */
export function unchosenApprover(text: string): boolean {
  // The approver's words only: up to a date, "on", a full stop or a bracket.
  // (…and not the clause after it: "approved by the Governing Body and will be reviewed by the Head or the Deputy".)
  const phrase = text
    .slice(0, 120)
    .split(
      /\s(?:on|in|at|dated?|from|with effect|who|which|that)\b|\s(?:and|but) (?:will|is|was|has|have|shall|should|must|may|it|the policy|this policy)\b|\d|[;.()]|:\s/,
    )[0];
  if (/[☐☑☒□■▢◻❑✓✔✗✘]|\[\s*[x✓✔]?\s*\]|\band\s*\/\s*or\b/.test(phrase)) return true;
  const named = phrase.split(/\s*\/\s*|\s+or\s+/).filter((part) => body(part) !== null || approverWord.test(part));
  return named.length > 1;
}
