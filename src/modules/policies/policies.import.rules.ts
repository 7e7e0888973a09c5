import { parsePolicyDate, periodOf, policyDateText, type PolicyDate } from './policies.dates.rules.ts';

/**
 * Reads a school's existing policy (as plain text or Markdown) and finds what its own paperwork
 * says: title, approval, review dates, signatories, headings and linked policies. Anything not
 * found stays null, to be asked for: nothing is invented. Pure, no I/O.
 */
export interface Signatory {
  name: string | null;
  role: string | null;
  date: string | null;
}

export interface ImportedPolicy {
  title: string | null;
  approvedOn: string | null;
  approvingBody: string | null;
  lastReviewed: string | null;
  nextReviewDue: string | null;
  signatories: Signatory[];
  headings: string[];
  links: string[];
  /** The text as Markdown, with the headings found marked as headings. */
  markdown: string;
}

/** Labels a policy uses for its dates, most specific first ("date of next review" before "date of review"). */
const dateLabels: { field: 'nextReviewDue' | 'lastReviewed' | 'approvedOn'; label: RegExp }[] = [
  { field: 'nextReviewDue', label: /\b(?:date of next review|next review(?: date)?(?: due)?(?: by)?|review due|due for review|review date)\b/i },
  { field: 'lastReviewed', label: /\b(?:last reviewed(?: on)?|date of (?:this |last )?review|reviewed on|date reviewed)\b/i },
  { field: 'approvedOn', label: /\b(?:approved(?: by| on)?|date approved|date of approval|ratified(?: on| by)?|adopted(?: on)?)\b/i },
];

/** Job titles that sign school policies (000, 001, 004); a part of a signature line that is one of these is a role, not a name. */
const signatoryRoles = [
  'headteacher',
  'head teacher',
  'co-headteacher',
  'co-head teacher',
  'executive headteacher',
  'acting headteacher',
  'deputy headteacher',
  'deputy head teacher',
  'head of school',
  'principal',
  'chair of governors',
  'acting chair of governors',
  'vice chair of governors',
  'vice-chair of governors',
  'chair of the governing body',
  'governor',
  'clerk to the governors',
  'clerk to governors',
  'school business manager',
];

const clean = (line: string) =>
  line
    .replace(/\*\*/g, '')
    .replace(/^#+\s*/, '')
    .trim();
const isRoleTitle = (part: string) => signatoryRoles.includes(part.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, ''));
const isPersonName = (part: string) => /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){1,3}$/.test(part) && !isRoleTitle(part) && parsePolicyDate(part) === null;

function findTitle(lines: string[]): { title: string | null; index: number } {
  const nonEmpty = lines.map((text, index) => ({ text: clean(text), index })).filter((l) => l.text);
  const candidates = nonEmpty.slice(0, 15);
  const withPolicy = candidates.find((l) => /\bpolicy\b/i.test(l.text) && l.text.length <= 100);
  const chosen = withPolicy ?? candidates[0];
  if (!chosen) return { title: null, index: -1 };
  // "Social Media Policy Low Ash Primary School": the school's name stays, set apart from the title.
  const title = chosen.text.replace(/\s+/g, ' ').replace(/^(.*?\bpolicy)\s+(\S.*\b(?:school|academy))$/i, '$1 — $2');
  return { title, index: chosen.index };
}

function findDates(lines: string[]) {
  const found: { approvedOn: PolicyDate | null; lastReviewed: PolicyDate | null; nextReviewDue: PolicyDate | null; approvingBody: string | null } = {
    approvedOn: null,
    lastReviewed: null,
    nextReviewDue: null,
    approvingBody: null,
  };
  for (const raw of lines) {
    const line = clean(raw);
    if (line.length > 160) continue; // a sentence in the body, not the policy's paperwork
    for (const { field, label } of dateLabels) {
      const match = label.exec(line);
      if (!match) continue;
      const rest = line.slice(match.index + match[0].length);
      const date = parsePolicyDate(rest);
      if (date && found[field] === null) {
        found[field] = date;
        if (field === 'approvedOn') {
          const body = rest
            .replace(/^[\s:]+/, '')
            .split(/\t|\bdate\b|\bon\b/i)[0]
            .trim();
          if (body && !parsePolicyDate(body)) found.approvingBody = body;
        }
      }
      break;
    }
  }
  return found;
}

/** "Signed<TAB>Mick Saunders", and blocks after "Signed by:" of names, roles and dates, on one line or several. */
function findSignatories(lines: string[]): Signatory[] {
  const found: Signatory[] = [];
  let current: Signatory | null = null;
  const add = (parts: string[]) => {
    for (const part of parts) {
      const date = parsePolicyDate(part);
      if (isRoleTitle(part)) {
        if (!current || current.role) found.push((current = { name: null, role: null, date: null }));
        current.role = part.replace(/:$/, '');
      } else if (date && part.length < 30) {
        if (current) current.date = policyDateText(date);
      } else if (isPersonName(part)) {
        found.push((current = { name: part, role: null, date: null }));
      } else {
        return false;
      }
    }
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = clean(lines[i]);
    const inline = /^signed\b[\s:]*(?:by\b[\s:]*)?(.*)$/i.exec(line);
    if (!inline) continue;
    const rest = inline[1]
      .split('\t')
      .map((p) => p.trim())
      .filter(Boolean);
    current = null;
    if (rest.length) {
      add(rest);
      continue;
    }
    // A block: the lines after "Signed by:", until something that is not a name, role or date.
    for (let j = i + 1; j < lines.length && j < i + 16; j++) {
      const parts = clean(lines[j])
        .split('\t')
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length && !add(parts)) break;
    }
  }
  // The same person signing twice (004 signs at the top and the end): keep the latest signature.
  const byName = new Map<string, Signatory>();
  const result: Signatory[] = [];
  for (const s of found) {
    const previous = s.name ? byName.get(s.name) : undefined;
    if (!previous) {
      result.push(s);
      if (s.name) byName.set(s.name, s);
      continue;
    }
    const later = (parsePolicyDate(s.date ?? '')?.kind === 'date' ? s.date : s.date?.slice(-4)) ?? '';
    const earlier = (parsePolicyDate(previous.date ?? '')?.kind === 'date' ? previous.date : previous.date?.slice(-4)) ?? '';
    if (later > earlier) Object.assign(previous, { role: s.role ?? previous.role, date: s.date });
  }
  return result;
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/** The next line with text after `index`, or undefined. */
const nextText = (lines: string[], index: number) => lines.slice(index + 1).find((l) => !isBlank(l));

/**
 * A heading written without a number: a short line standing alone, in title or sentence case,
 * without a full stop, followed by a paragraph or a list. A school's name ("John Clifford Primary
 * School") and a line of paperwork ("Policy Created in 2017") are not headings.
 */
export function looksLikeHeading(text: string, next: string | undefined): boolean {
  if (text.length > 70 || text.split(/\s+/).length > 10 || !/^[A-Z]/.test(text) || /[.;,:!?\-–]$/.test(text)) return false;
  if (
    /\b(school|academy)$/i.test(text) ||
    /\b(19|20)\d\d\b/.test(text) ||
    dateLabels.some((d) => d.label.test(text)) ||
    isRoleTitle(text) ||
    isPersonName(text)
  )
    return false;
  if (!next) return false;
  const following = clean(next);
  return /^[-•*]\s/.test(following) || (following.length >= 60 && following.length > text.length * 2);
}

/**
 * Headings: Markdown headings; short standalone lines numbered "3." or lettered "A."; lines named
 * in the policy's own contents list ("Statement of Intent"); and headings without numbers.
 */
function findHeadings(lines: string[], titleIndex: number, skip: Set<number>): { index: number; text: string }[] {
  const contents = contentsEntries(lines);
  const headings: { index: number; text: string }[] = [];
  lines.forEach((raw, index) => {
    if (index <= titleIndex || skip.has(index)) return;
    const standalone = isBlank(lines[index - 1]) && isBlank(lines[index + 1]);
    const text = clean(raw);
    if (!text || text.length > 90) return;
    if (/^#{1,6}\s/.test(raw.trim())) {
      headings.push({ index, text });
      return;
    }
    if (!standalone || /^[-•*]/.test(text) || /[;,:]$/.test(text) || /\bpage\s+\d+$/i.test(text) || text.includes('\t')) return;
    const numbered = /^(?:\d{1,2}\.?|[A-Z]\.)\s+[A-Z]/.test(text);
    if (numbered || (!text.endsWith('.') && contents.has(text.toLowerCase())) || looksLikeHeading(text, nextText(lines, index)))
      headings.push({ index, text: text.replace(/\.$/, '') });
  });
  return headings;
}

/**
 * The lines to leave out of the text: the contents list ("Contents:" and its entries — the headings
 * themselves are in the text) and page numbers standing alone ("Page 3", "3 of 7").
 */
export function linesToDrop(lines: string[]): Set<number> {
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (/^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(clean(l)) && isBlank(lines[i - 1]) && isBlank(lines[i + 1])) drop.add(i);
  });
  const start = lines.findIndex((l) => /^(?:table of )?contents:?$/i.test(clean(l)));
  if (start < 0) return drop;
  drop.add(start);
  for (let i = start + 1; i < lines.length; i++) {
    const text = clean(lines[i]);
    if (!text) continue;
    if (!/^\s*[-•*\d]/.test(lines[i]) && !/\bpage\s+\d+$/i.test(text)) break;
    drop.add(i);
  }
  return drop;
}

/** The entries of the policy's own contents list ("Contents:" then list lines), without numbers, links or pages. */
function contentsEntries(lines: string[]): Set<string> {
  const entries = new Set<string>();
  const start = lines.findIndex((l) => /^contents:?$/i.test(clean(l)));
  if (start < 0) return entries;
  for (let i = start + 1; i < lines.length; i++) {
    const text = clean(lines[i]);
    if (!text) continue;
    if (!/^[-•*\d]/.test(text) && !/\bpage\s+\d+$/i.test(text)) break;
    entries.add(
      text
        .replace(/^[-•*]\s*/, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^[\d.]+\s*/, '')
        .replace(/\s+page\s+\d+$/i, '')
        .trim()
        .toLowerCase(),
    );
  }
  return entries;
}

function findLinks(lines: string[]): string[] {
  const start = lines.findIndex((l) => /^linked policies:?$/i.test(clean(l)));
  if (start < 0) return [];
  const links: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const text = clean(lines[i]).replace(/^[-•*]\s*/, '');
    if (!text) {
      if (links.length && isBlank(lines[i + 1])) break;
      continue;
    }
    if (/^#{1,6}\s/.test(lines[i].trim()) || text.length > 80) break;
    links.push(text);
  }
  return links;
}

export function parsePolicyText(input: string): ImportedPolicy {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.trimEnd());
  const { title, index: titleIndex } = findTitle(lines);
  const dates = findDates(lines);
  const drop = linesToDrop(lines);
  const headings = findHeadings(lines, titleIndex, drop);
  const headingAt = new Map(headings.map((h) => [h.index, h.text]));
  const markdown =
    lines
      .map((line, index) => {
        if (drop.has(index)) return '';
        if (index === titleIndex && !/^#\s/.test(line.trim())) return `# ${title ?? clean(line)}`;
        const heading = headingAt.get(index);
        return heading && !/^#{1,6}\s/.test(line.trim()) ? `## ${heading}` : line;
      })
      .join('\n')
      .replace(/^\n+/, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n';
  return {
    title,
    approvedOn: policyDateText(dates.approvedOn),
    approvingBody: dates.approvingBody,
    lastReviewed: policyDateText(dates.lastReviewed),
    nextReviewDue: policyDateText(dates.nextReviewDue),
    signatories: findSignatories(lines),
    headings: headings.map((h) => h.text.replace(/:$/, '')),
    links: findLinks(lines),
    markdown,
  };
}

export interface OutOfDate {
  /** The line as the text has it ("Date of next review: Autumn 2018"). */
  line: string;
  reason: string;
}

/**
 * Dates of next review written in the policy's text that the head should change before it is
 * published: one already past ("Autumn 2018" in 2026), or one the register disagrees with (the
 * register's date, when it has one, is what the school will go by).
 */
export function outOfDateLines(markdown: string, today: string, registerNextReview: { due: string; text: string } | null = null): OutOfDate[] {
  const nextReview = dateLabels.find((d) => d.field === 'nextReviewDue')!.label;
  const found: OutOfDate[] = [];
  for (const raw of markdown.split('\n')) {
    const line = clean(raw).replace(/\t+/g, ' ');
    const match = line.length <= 160 ? nextReview.exec(line) : null;
    const date = match ? parsePolicyDate(line.slice(match.index + match[0].length)) : null;
    if (!date) continue;
    const period = periodOf(date);
    if (period.to < today) found.push({ line, reason: `${policyDateText(date)} has passed` });
    else if (registerNextReview && (registerNextReview.due < period.from || registerNextReview.due > period.to))
      found.push({ line, reason: `the register says the next review is ${registerNextReview.text}` });
  }
  return found;
}
