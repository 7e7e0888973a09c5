/**
 * Who signs the policy (policyReview.signatories): the role titles on its signature lines, as the lines write them. A
 * signer whose role is not read, or a form's signer in an appendix, spoils or is left out of the list.
 */
import { normalise } from './text.ts';
import { type Line } from './text.lines.ts';
import type { BlockPattern } from './types.ts';

const titles =
  /\b((?:acting |interim |vice[- ]|co[- ])?chair(?:man|woman|person)? (?:of (?:the )?(?:governors|governing (?:body|board)|trustees|board of (?:governors|management|directors|trustees)|the board|the local governing body|lgb|fgb))|(?:acting |interim |vice[- ]|co[- ])?chair(?:man|woman|person)?(?: of(?: the)?|,(?: the)?) (?:(?:[a-z&'-]+ ){0,3}(?:governors|governing (?:body|board|committee)|trustees|board(?: of (?:governors|management|directors|trustees))?|committee|ieb|lgb|lgc|lac|fgb|corporation)|(?:(?:parent|academy|local|school|trust) )?council)|head of (?:centre|service|college|academy)|principal and chief executive(?: officer)?|(?:acting |interim |vice[- ]|co[- ])?chair(?:man|woman|person)?, (?:the )?(?:board of (?:governors|management|directors|trustees)|governing (?:body|board)|trustees)|(?:acting |interim |executive |co-)?head ?teacher|headmaster|headmistress|pennaeth|head of school|(?:executive )?principal|chief executive(?: officer)?|ceo|(?<!(?:year|house|department|subject|faculty|stage|phase|section) )head(?= *(?:$|date\b|\(|\)|[:.,_*]|signed\b|signature\b)))\b/;

/**
 * A role title that is not a deputy's, assistant's, vice's or co-'s ("Deputy Headteacher", "Co-Head" are someone else);
 * a chair's title keeps its "Vice-" or "Co-" ("Signature of Co-Chair of Governors": the co-chair signs).
 */
const ownTitle = new RegExp(`(?<!(?:deputy|assistant|vice|co)[- ])${titles.source}`, 'g');

/** Every role title on a line ("Signed: ____ Headteacher   Signed: ____ Chair of Governors"), "Acting" dropped. */
function titlesIn(text: string): string[] {
  // ("Pennaeth / Headteacher" is one post in two languages; "Pennaeth" alone is the post as written.)
  const bilingual = normalise(text).replace(/\bpennaeth ?\/ ?(?=head)|(?<=head ?teacher) ?\/ ?pennaeth\b/g, '');
  return [...bilingual.matchAll(ownTitle)].map((m) => {
    const words = m[1]
      .replace(/^(acting|interim) /, '')
      // ("Head Teacher" stays two words, as the line writes it: the keying guide keys posts as written.)
      .replace(/head teacher/, 'head Teacher')
      // "Chairperson, Board of Management" is kept as written, the post's own name.
      .replace(/^chair(man|woman|person)\b(?!,)/, 'chair');
    return words.charAt(0).toUpperCase() + words.slice(1);
  });
}

/** The line, its blanks to sign on left aside, starts with a post: "Chair of the IEB: ____", "____ Pennaeth / Headteacher". */
function startsWithTitle(text: string): boolean {
  const lower = normalise(text).replace(/^[\s_.…]+/, '');
  const first = new RegExp(ownTitle.source).exec(lower);
  return first !== null && (first.index === 0 || /^[a-z]+ \/ $/.test(lower.slice(0, first.index)));
}

/**
 * Whether a line of a signature block names a signer whose role is not one we read: a deputy or
 * assistant head, a committee's chair, a governor, the DSL, whoever signs for a body. The roles we did read would then be
 * only some of those who sign, so the block proposes nothing (a wrong list costs more than none).
 */
function otherSigner(text: string): boolean {
  // ("Mrs H. Armitage, Executive Headteacher and DSL": one signer holding both posts.)
  const rest = normalise(text)
    // ("Chair of Governors (Foundation Governor)": what the signer is besides, in brackets after the post.)
    .replace(new RegExp(`(${ownTitle.source})\\s*\\([^()]*\\)`, 'g'), '$1')
    .replace(new RegExp(`${ownTitle.source}\\s*(?:and|&|\\/)\\s*(?:the )?(?:dsl|designated safeguarding lead)\\b`, 'g'), ' ')
    .replace(ownTitle, ' ')
    .replace(/\bsign(ed|ature)s?\b|\bdated?\b|\bprint(ed)? name\b|\bname\b/g, ' ');
  // "Signed on behalf of the Governing Body": someone signs for a body, and which post signs is not said.
  return /\b(deputy|assistant|vice|co|governors?|governing|board|chair(man|woman|person)?|clerk|dsl|designated|lead|manager|officer|co-?ordinator|trustees?|directors?|committee|parents?|carers?|pupils?|students?|members?|bursar|business|senco|head of)\b/.test(
    rest,
  );
}

/**
 * A line a form's signer fills in ("Learner name: ____ Signed: ____", "Signed (parent/carer): ____"): an appendix's
 * consent form or acceptable use agreement, not the policy's own signatures, so it neither adds nor spoils them.
 */
function formSigner(text: string): boolean {
  const lower = normalise(text);
  // The signer's label says who fills it in: "Pupil name:", "Parent/carer signature", "Signed (student)"; not a body
  // that signs ("Chair, Parent Council").
  return (
    !titlesIn(text).length &&
    // A form's row, "Name: ____  Role: ____  Signature: ____  Date: ____", "Name: ____  Signed: ____", is filled in by whoever signs it.
    (/^(full |print(ed)? )?name\b[\s:_.…]*(\b(role|position|job title|house|class|form|year|tutor group)\b[\s:_.…]*)?\b(signature|signed)\b/.test(lower) ||
      // ("Signed: ____  Relationship to pupil: ____": a carer's form.)
      /\brelationship to (the )?(pupil|child|student|learner)\b/.test(lower) ||
      /\b(parents?|carers?|guardians?|grown-?ups?|pupils?|students?|learners?|child|staff|employee|volunteer|visitor)('s|s')?( ?\/ ?(carers?|guardians?|parents?))?:? (full )?(name|signature|signed)\b|\bsigned:? ?\((parents?|carers?|guardians?|pupils?|students?|learners?|child|staff( member)?|member of staff|employee|volunteer|visitor)\b|\bsigned by (the )?(parents?|carers?|pupils?|students?|learners?)\b/.test(
        lower,
      ))
  );
}

/** Words a post is named by on a signature line, however the school titles it. */
const postWord =
  /\b(head|headteacher|headmaster|headmistress|principal|chair|chairperson|manager|director|governor|trustee|lead|leader|officer|clerk|registered person|proprietor|owner|dsl|ceo|executive|co-?ordinator|postholder)\b/i;

/**
 * The post a signature line writes in its own words, when the titles above do not name it: "Signed: ____ Education
 * Director", "Nursery Manager signature: ____ Date: ____", "Signed: …. (Chair of the Corff Llywodraethu)". Null when the
 * line has no blank to sign on, names no post, or names a person, a deputy or anything besides the post.
 */
function postAsWritten(text: string): string | null {
  // Only a line with a blank to sign on, and nothing on it but the label, the blank, the post and a date's blank.
  if (!/[_.…]{4,}/.test(text)) return null;
  // "Signed on behalf of the Local Governing Body: ______ (Chair)": the chair of that body.
  const forBody =
    /\bon behalf of (?:the )?((?:[A-Za-z&'-]+ ){0,3}(?:Governing (?:Body|Board)|Governors|Trustees|Board|Committee|Council))\b[^()]*\((chair(?:man|woman|person)?)\)/i.exec(
      text.replace(/[*_]/g, ' '),
    );
  if (forBody) return `Chair of the ${forBody[1].replace(/\s+/g, ' ')}`;
  const label = /^([A-Za-z][A-Za-z ,/&'()-]{1,60}?)\s+signature\s*:/i.exec(text.trim());
  const written = (
    label?.[1] ??
    text
      .replace(/^\s*sign(?:ed|ature)\b\s*:?/i, ' ')
      .replace(/\b(dyddiad \/ )?date\b\s*:?\s*[_.…]*\s*$/i, ' ')
      .replace(/[_.…]{3,}/g, ' ')
  )
    // ("Signed: ____ Director of Education, for the proprietor": the post, and whom it signs for.)
    .replace(/,\s*(?:for|on behalf of) (?:the )?[a-z ]{3,40}$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    // ("(Chair of the Corff Llywodraethu)": the post in brackets after the blank.)
    .replace(/^\((.*)\)$/, '$1');
  if (!written || /[\d:()*]|\bname\b|\bon behalf\b|\bfor the\b/i.test(written) || written.split(' ').length > 8 || !postWord.test(written)) return null;
  // A deputy's, an assistant's or a secretary's post ("Secretary, Board of Management", who is the principal) is someone
  // the keys name otherwise, or not at all: the list is left unsaid, as before.
  // (Nor a head of a part of the school, "House Head", "Head of Year", who signs a pupil's form, not the policy.)
  if (
    /\b(deputy|assistant|vice|secretary)\b|\b(year|house|department|subject|faculty|stage|phase|section) head\b|\bhead of (year|house|department|subject|faculty|sixth form)\b/i.test(
      written,
    )
  )
    return null;
  // A person's name is no post: "Mrs H. Oduya, Headteacher", "G. Ritchie".
  if (/\b(Mr|Mrs|Ms|Miss|Dr|Revd)\b|(^|\s)[A-Z]\.\s/.test(written)) return null;
  return written.charAt(0).toUpperCase() + written.slice(1);
}

/**
 * A post wrapped onto the next line, under the end of a line to sign on: "Signed ….. Chair, Pupil Welfare" over
 * "      Committee      Date …..". The post's last words join their line; the date's blank stays on the next.
 */
function withWrappedPosts(lines: Line[]): Line[] {
  const out = lines.slice();
  out.forEach((line, i) => {
    const next = out[i + 1];
    const raw = line.raw ?? line.text;
    if (!next || !/[_.…]{4,}/.test(raw) || /\bdate\b/i.test(raw)) return;
    const piece = /^\s{20,}([A-Z][A-Za-z&'-]*(?: [A-Za-z&'-]+){0,3})(?=\s{3,}|\s*$)/.exec(next.raw ?? '');
    if (!piece || /^date\b/i.test(piece[1])) return;
    // (Only a post the joined words complete: "Chair, Pupil Welfare" and "Committee".)
    const joined = `${line.text} ${piece[1]}`;
    if (titlesIn(joined).join() === titlesIn(line.text).join()) return;
    out[i] = { ...line, text: joined, raw: `${raw} ${piece[1]}` };
    const rest = (next.raw ?? '').slice(piece[0].length).trim();
    out[i + 1] = { ...next, text: rest, raw: rest };
  });
  return out;
}

export const signedBlock: BlockPattern = {
  name: 'the roles that sign the policy',
  read: (all) => {
    // ("Signed (Chair): T. Halloran" in a policy's header is the chair of its governors; in minutes, of the meeting.)
    const lines = withWrappedPosts(all).map((l) =>
      l.line <= 30 ? { ...l, text: l.text.replace(/^(signed|signature)\s*\(chair\)/i, '$1 (Chair of Governors)') } : l,
    );
    const roles: string[] = [];
    let first: Line | null = null;
    let unread = false;
    const quote: string[] = [];
    lines.forEach((whole, i) => {
      // A PDF flattened into one line: "…reviewed annually Signed :- Signed :- Headteacher Chairman of Governors".
      const label = /^signed\b|^signature[s]?\b/i.test(whole.text) ? null : /\bsign(?:ed|ature)\s*(?::-?|-)/i.exec(whole.text);
      // A post beside a line to sign on, with no label: "Chair of the IEB: ________ Date: ____", "Head ....... Date ....".
      // (The post is the line's label, at its start or after the line to sign on; not a form's "Reported to (DSL / Headteacher): ___".)
      // (Nor a list of contacts, "Chair of the Board of Governors ........ Dr E. Boyd": a line to sign on ends the line, or a date does.)
      const blankFor =
        /(?:_{4,}|\.{6,}|…{2,})[\s:]*(?:(?:dyddiad \/ )?date\b.*)?$/i.test(whole.raw ?? whole.text) &&
        startsWithTitle(whole.text) &&
        whole.text.split(' ').length <= 14;
      if (!label && !blankFor && !/^signed\b|^signature[s]?\b/i.test(whole.text)) return;
      // A sentence about signing ("Signed agreements are kept by the office. A child whose…") is no line to sign on.
      if (/^(signed|signatures?) [a-z]+ (are|is|will|must|should|have|has|can|may)\b/i.test(whole.text)) return;
      // ("Signature block (please return this page…)", "Signatures page": a heading over the lines to sign on.)
      if (/^signatures? (block|page|section|sheet)\b/i.test(whole.text)) return;
      if (formSigner(whole.text)) return;
      // A short cell before the label ("Headteacher: J Smith   Signed: ____") names the signer; a long text (a PDF's
      // flattened first page) is not read.
      const line = label && whole.text.slice(0, label.index).split(' ').length > 6 ? { ...whole, text: whole.text.slice(label.index) } : whole;
      const block = [line, ...lines.slice(i + 1, i + 12).filter((l) => l.text)].slice(0, 6);
      for (const l of block) {
        // (A line with a blank to sign on may be longer: "Mr A. Fairbairn, Chair of the Pupil Welfare Committee ….. Date: ….".)
        const words = l.text.replace(/[_.…]{3,}/g, ' ').length;
        // (A line that opens with its blank to sign on, "____ Cadeirydd y Corff Llywodraethol / Chair of the Governing Body", is
        // looked for as written: the cleaned text has lost the blank. Not a form's field, "Reported to (…): ____".)
        const opensBlank = /^\s*[_.…]{4,}/.test(l.raw ?? '');
        if (l !== line && (/^signed\b/i.test(l.text) || (words > 60 && (words > 80 || !(opensBlank || /[_.…]{4,}/.test(l.text)))))) break;
        // The policy's dates under its signatures ("Approved by the Full Governing Body: 3 October 2024", "Next review:
        // Autumn 2025") end the block: a body that approves is not a signer.
        // (So does a receipt, "Received by Trust Safeguarding Lead: RM 07/10/24": who received it signed nothing.)
        if (l !== line && /^(approved|adopted|ratified|agreed|reviewed|received|noted|next review|review date|date of (next )?review|version)\b/i.test(l.text))
          break;
        // The next part of the document ("APPENDIX A – REQUEST FORM", "Part 2") ends the block: its fields are not signers.
        if (
          l !== line &&
          (/^(appendix|appendices|annex|annexe|annexes|schedule|part|section|atodiad)\b/i.test(l.text) ||
            (/[A-Z]{3}/.test(l.text) && l.text === l.text.toUpperCase()) ||
            // ("4. KS1 Pupil Agreement (Reception, Year 1 and Year 2)", "## Appendix": a numbered or marked heading.)
            /^(#{1,6}\s|\d{1,2}\.\s+[A-Z])/.test(l.raw?.trim() ?? l.text))
        )
          break;
        if (formSigner(l.text)) continue;
        // ("Signed on behalf of the Governors:" over the posts that sign: the lines below say who.)
        // ("Signed on behalf of the Governing Body" over "….. Chair of Governors"; "…of the school:" over "Mrs H. Oduya, Headteacher …..".)
        const onBehalf =
          l === line &&
          /\bon behalf of\b[^:]*:?$/i.test(l.text.replace(/[*_\s]+$/, '')) &&
          block[1] !== undefined &&
          !/^sign/i.test(block[1].text) &&
          (startsWithTitle(block[1].text) || (titlesIn(block[1].text).length > 0 && /[_.…]{4,}/.test(block[1].text)));
        // (A post the titles do not read, written on the line in its own words, is read as written.)
        const asWritten = !onBehalf && (otherSigner(l.text) || !titlesIn(l.text).length) ? postAsWritten(l.raw ?? l.text) : null;
        if (asWritten) {
          first ??= line;
          if (!roles.some((r) => r.toLowerCase() === asWritten.toLowerCase())) roles.push(asWritten);
          if (!quote.includes(l.text)) quote.push(l.text);
          continue;
        }
        if (otherSigner(l.text) && !onBehalf) unread = true;
        // "Signed: ____ Mrs J Patel" with no post: who signs is not said, so neither is the list.
        if (
          l === line &&
          !onBehalf &&
          !titlesIn(l.text).length &&
          // (A Welsh school's labels beside the English: "Llofnodwyd / Signed:", "Dyddiad / Date".)
          /[a-z]{2,}/.test(normalise(l.text).replace(/\b(signed|signature|sign|date|dated|name|print(ed)?|by|here|llofnodwyd|llofnod|dyddiad)\b/g, ' '))
        )
          unread = true;
        for (const role of titlesIn(l.text)) {
          first ??= line;
          if (!roles.some((r) => r.toLowerCase() === role.toLowerCase())) roles.push(role);
          if (!quote.includes(l.text)) quote.push(l.text);
        }
      }
    });
    if (unread) return [];
    return first && roles.length ? [{ setting: 'policyReview.signatories', value: roles, line: (first as Line).line, quote: quote.join(' / ') }] : [];
  },
};
