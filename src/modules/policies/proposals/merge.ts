/**
 * How what the sentences of a page say becomes one proposal per setting (engine.ts reads them): sentences that agree give
 * their value; sentences that disagree give nothing, unless one of the tie-breaks below settles which is meant (a ratifying
 * body, the time a concern is reported, the header's approval, a fuller name of the same body, a ceiling kept to).
 */
import { deadlineAt } from './concerns.times.ts';
import { normalise, type Sentence } from './text.ts';
import { type Line } from './text.lines.ts';
import type { Found, Proposal } from './types.ts';

export type Seen = Found & { quote: string; line: number; order: number };

/** Naming values from the strictest: a value is within a ceiling when it is no less strict. */
const namingOrder = ['none', 'first-names', 'full-with-permission'];
const withinCeiling = (value: unknown, ceiling: unknown) =>
  value === ceiling || (namingOrder.includes(value as string) && namingOrder.indexOf(value as string) <= namingOrder.indexOf(ceiling as string));

/**
 * Whom the part of the page a sentence stands in is written for, by its heading or the numbered title above it ("7.
 * Social Media Use – pupils and parents"): staff, pupils, or neither (or both).
 */
export function audiences(sentences: Sentence[], lines: Line[]): (order: number) => 'staff' | 'pupils' | null {
  const titleAbove = (line: number) => {
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i].line >= line) continue;
      const raw = (lines[i].raw ?? lines[i].text).trim();
      if (/^(#{1,6}\s*)?\d{1,2}\.?\s+[A-Z][^.:;]{2,80}$/.test(raw)) return normalise(raw);
    }
    return '';
  };
  return (order) => {
    const s = sentences[order];
    if (!s) return null;
    const heading = `${s.heading ?? ''} ${titleAbove(s.line)}`;
    const staff = /\b(staff|employees?|teachers|colleagues|adults)\b/.test(heading);
    const pupils = /\b(pupils?|students?|children|learners?)\b/.test(heading);
    return staff === pupils ? null : staff ? 'staff' : 'pupils';
  };
}

/**
 * Recipients told besides those the sentence just before names ("…tell Mr Hartley. If a pupil has seen it, also tell the
 * designated person.", concerns.words.ts, besides): added to that sentence's list, quoting both sentences. With no list
 * in the sentence just before (or in the one before that, when a wrapped line parted it from its end), such a telling is
 * a step on a condition, not the route, and is dropped.
 */
function withAdditions(all: Seen[]): Seen[] {
  if (!all.some((f) => f.combine === 'adds')) return all;
  const out: Seen[] = [];
  for (const f of all) {
    if (f.combine !== 'adds') {
      out.push(f);
      continue;
    }
    // (Or the one before that, when it stops without ending: a wrapped line of a PDF may part the sentence that names the
    // list, "…tell the Online Safety Lead, who will ask", from its last words, "BayNet to block the site and log it.")
    let at = out.findIndex((g) => g.order === f.order - 1);
    if (at < 0) at = out.findIndex((g) => g.order === f.order - 2 && !/[.!?:;]["'”’)]*$/.test(g.quote.trim()));
    if (at < 0) continue;
    const before = out[at];
    out[at] = { ...before, value: [...new Set([...(before.value as unknown[]), ...(f.value as unknown[])])], quote: `${before.quote} ${f.quote}` };
  }
  return out;
}

export function merge(found: Seen[], audienceOf: (order: number) => 'staff' | 'pupils' | null): Proposal[] {
  const bySetting = new Map<string, Seen[]>();
  for (const f of found) {
    const same = bySetting.get(f.setting);
    if (same) same.push(f);
    else bySetting.set(f.setting, [f]);
  }
  const out: (Proposal & { order: number })[] = [];
  for (const [setting, said] of bySetting) {
    if (said.some((f) => f.value === null)) continue;
    const all = withAdditions(said);
    if (!all.length) continue;
    let value: unknown;
    const first = all[0].value as unknown[];
    if (/^concerns\.routes\.[a-z-]+\.notify$/.test(setting)) {
      // Who is told first about a kind of concern, said again with others beside ("tell the DSL" … "tell the DSL or the
      // Head"): the list where the policy first says so; the others are stand-ins or next steps more often than more of
      // the same list. Lists with no one in common disagree: across the keyed sets their union was never the key (18
      // false proposals, none right), so nothing is proposed.
      // (Lists said in parts of the page written for different readers add up: "6. Social media use – staff" … "passed on
      // to the Headteacher", and "8. Blocked content" … "reported to the class teacher".)
      const table = all.filter((f) => f.order === -1);
      const tableFirst = table[0]?.value as unknown[] | undefined;
      if (all.every((f) => (f.value as unknown[]).some((r) => first.includes(r)))) value = first;
      else if (new Set(all.map((f) => audienceOf(f.order))).size > 1) value = [...new Set(all.flatMap((f) => f.value as unknown[]))];
      // (An incident table's row, where it and the prose disagree: the table is where the page sets its routes out.)
      else if (tableFirst && table.length < all.length && table.every((f) => (f.value as unknown[]).some((r) => tableFirst.includes(r)))) value = tableFirst;
      else continue;
    } else if (all.every((f) => f.combine === 'union')) {
      value = [...new Set(all.flatMap((f) => f.value as unknown[]))];
    } else {
      // A ceiling ("no full names": a first name at most) agrees with a stricter rule said elsewhere ("no names").
      // A fallback ("Reviewed by: Local Academy Council") yields to what any other sentence says.
      const said0 = all.some((f) => f.combine !== 'fallback') ? all.filter((f) => f.combine !== 'fallback') : all;
      // "Website: first name and year group only." then "Full names may be used … only where the box has been ticked": first
      // names unless the family says more is the rule the product calls full names with permission.
      // (Only where the exception names full names in a sentence of its own: not "…for Primary pupils we will only give first
      // names, for Secondary pupils we will ask the family first", two rules in one sentence.)
      const fuller = said0.filter((f) => f.value === 'full-with-permission');
      const lifted =
        /^photos\.channels\.[a-z-]+\.naming$/.test(setting) &&
        fuller.length > 0 &&
        // (Pupils' names: not "Staff full names may appear on the website where the member of staff has consented".)
        fuller.every(
          (f) =>
            /\b(full|sur|last|family) ?names?\b/.test(normalise(f.quote)) &&
            !/\b(staff|teachers?|governors?|employees?|colleagues?)\b/.test(normalise(f.quote)),
        ) &&
        said0.every(
          (f) => (f.value === 'full-with-permission' || f.value === 'first-names') && (f.value !== 'first-names' || !fuller.some((g) => g.order === f.order)),
        );
      const said = lifted ? said0.filter((f) => f.value === 'full-with-permission') : said0;
      const plain = said.filter((f) => f.combine !== 'at-most');
      const ceilings = said.filter((f) => f.combine === 'at-most');
      const chosen = plain.length ? plain : said;
      // (Lists of roles compare as sets: "the DSL and the Headteacher" and "Headteacher and DSL" agree.)
      const values = new Set(chosen.map((f) => JSON.stringify(Array.isArray(f.value) ? [...(f.value as unknown[])].sort() : f.value)));
      // The same body with and without "full" ("Full Governing Board" in the header, "the Governing Board" in the text): the
      // fuller name.
      const full = setting === 'policyReview.approvingBody' ? fullerBody(chosen.map((f) => f.value)) : null;
      // ("Approved by the Staffing Committee: 9 July" then "Ratified by the Full Governing Body: 16 July": the one body a
      // sentence says has ratified the policy has the last word. Not "…to be ratified by the FGB", which has not happened.)
      const ratifying =
        setting === 'policyReview.approvingBody'
          ? new Set(chosen.filter((f) => ratifiedBy(normalise(f.quote), String(f.value).toLowerCase())).map((f) => f.value))
          : new Set();
      // Times that disagree for one kind of concern ("report it to the DSL … before the end of the same school day", then "the
      // DSL will decide … within 24 hours"): the time said where the concern is reported, in the sentence that names whom it
      // goes to; the others are steps after it.
      const reportedAt = /^concerns\.routes\.[a-z-]+\.deadline$/.test(setting)
        ? new Set(
            chosen
              .filter(
                (f) =>
                  found.some((g) => g.setting === setting.replace(/deadline$/, 'notify') && g.order === f.order) &&
                  (f.order === -1 || timeOfTheReport(f.quote)),
              )
              .map((f) => f.value),
          )
        : new Set();
      // ("Approved by: Trust Board (Safeguarding Committee)" as the header's label, then "Adopted by LGB: 2 October" in the
      // school's own footer: the header's. Not a header that names a committee beside the board, "Local Governing Body –
      // Welfare Committee", which keyers read either way; nor an earlier or coming approval, "First approved by…".)
      // (Only when whatever disagrees stands below the header: two bodies in the header itself still disagree.)
      const inHeader = (f: Seen) => f.line <= headerLines && approvalLabel(f.quote);
      const header =
        setting === 'policyReview.approvingBody' && chosen.every((f) => inHeader(f) || f.line > headerLines)
          ? new Set(chosen.filter(inHeader).map((f) => f.value))
          : new Set();
      const agreed = values.size === 1 || full !== null;
      const settled = [ratifying, reportedAt, header].find((one) => one.size === 1);
      if (!agreed && !settled) continue;
      value = agreed ? (full ?? chosen[0].value) : [...settled!][0];
      if (!ceilings.every((c) => withinCeiling(value, c.value))) continue;
    }
    const quotes = [...new Set(all.map((f) => f.quote))].slice(0, 3);
    if (setting === 'policyReview.approvingBody' && typeof value === 'string') value = asWritten(value, quotes);
    out.push({ setting, value, quote: quotes.join(' … '), line: all[0].line, order: all[0].order });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...p }) => p);
}

/** How far down a page its header's approval is looked for. */
const headerLines = 25;

/** "Approved by: Trust Board (…)", "| Approved by | Local Governing Body |": the header's label, naming the body alone. */
function approvalLabel(quote: string): boolean {
  const lower = normalise(quote);
  return /^\|?\s*(approved|ratified|adopted|agreed)( by)?\s*[:|]/.test(lower) && !/[-–—,]\s*[^()]*\bcommittee\b/.test(lower.replace(/\([^()]*\)/g, ' '));
}

/** A time said of the report itself, not of what the one told does next: not "…to the DSL, who will decide on next steps within 24 hours". */
function timeOfTheReport(quote: string): boolean {
  const lower = normalise(quote);
  const at = deadlineAt.exec(lower)?.index ?? -1;
  const next = lower.search(/,\s*who\b|\bwho (will|must|should|then)\b/);
  return next < 0 || at < next;
}

/** "Ratified by the Full Governing Body: 16 July 2024": the body named just after has ratified the policy. */
function ratifiedBy(lower: string, body: string): boolean {
  const at = lower.search(/(?<!\b(to be|not yet|yet to be|will be|is to be|awaiting) )\bratified by\b/);
  return at >= 0 && lower.slice(at, at + 20 + body.length).includes(body);
}

/**
 * Names of one body said with and without "full" or whose it is ("Full governing board" and "Governing board", "Governors'
 * Pupil Welfare Committee" and "Pupil Welfare Committee"): the fuller name. (But a committee said with and without "of the
 * Governing Body" after it: the committee's own, shorter, name.)
 */
function fullerBody(values: unknown[]): string | null {
  const names = [...new Set(values.map((v) => String(v).toLowerCase()))];
  if (names.length < 2) return null;
  const named = (name: string) => String(values.find((v) => String(v).toLowerCase() === name));
  // A committee said with and without whose it is after it ("Pupil Welfare Committee of the Governing Body" and "Pupil
  // Welfare Committee"): the committee's own name.
  const own = new Set(names.map((n) => n.replace(/ of the (local |full )?(governing (body|board)|board|governors|lgb|trust( board)?)$/, '')));
  if (own.size === 1 && names.includes([...own][0]) && /\bcommittee$/.test([...own][0])) return named([...own][0]);
  const bare = new Set(names.map((n) => n.replace(/^(full|(the )?[a-z]+( [a-z]+)?('s|s'))\s+/, '')));
  const fullest = names.reduce((a, b) => (b.length > a.length ? b : a));
  // (And a committee's name with a word before it: "PRU Management Committee" and "Management Committee".)
  const shortest = names.reduce((a, b) => (b.length < a.length ? b : a));
  const qualified =
    names.length === 2 && /^[a-z&]+ [a-z&]+ committee$/.test(fullest) && fullest.endsWith(` ${shortest}`) && /^[a-z&]+ committee$/.test(shortest);
  if (bare.size !== 1 && !qualified) return null;
  return named(fullest);
}

/**
 * A body's name as the policy writes it ("PP&C Committee", "Board of Governors"), not as the patterns read it (in lower
 * case): the head sees their own body's name. A name the text does not hold (an abbreviation written out: FGB) stays.
 */
function asWritten(value: string, quotes: string[]): string {
  for (const quote of quotes) {
    const lower = quote.toLowerCase();
    // Lower case may change a string's length (a few letters outside English); then the places do not match.
    if (lower.length !== quote.length) continue;
    const at = lower.search(new RegExp(String.raw`\b${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`));
    if (at < 0) continue;
    const written = quote.slice(at, at + value.length);
    // A header in capitals ("AGREED BY GOVERNORS:") says nothing of how the name is written.
    return written === written.toUpperCase() ? value : written.replace(/^./, (c) => c.toUpperCase());
  }
  return value;
}
