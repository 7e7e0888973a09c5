/**
 * The review interval a policy's header settles by its dates (policyReview.intervalMonths): this version's date
 * (approved, ratified, reviewed, issued, updated) and the next review's, a whole number of years apart.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { monthOf } from './text.dates.ts';
import type { BlockPattern } from './types.ts';

/** chrono-node (266 modules) is loaded the first time a policy's dates are read, not when the app starts. */
let chrono: typeof Chrono | null = null;
const britishDates = () => (chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono).en.GB;
export const parseDate = (text: string) => britishDates().parseDate(text);

/** The months of each school term, for a date given as a term ("Autumn 2024") beside one given as a month. */
const termMonthsOf: Record<string, number[]> = { spring: [0, 1, 2, 3], summer: [3, 4, 5, 6], autumn: [8, 9, 10, 11], fall: [8, 9, 10, 11] };

/**
 * The interval two dates settle: 12, 24 or 36 months when they are a whole number of years apart (the keying guide),
 * else null. "July 2022" to "September 2025" or "October 2024" to "September 2025" settle nothing: the review is not on
 * a yearly cycle, or the header's dates are not this cycle's. Terms compare as terms ("Autumn 2024" to "Autumn 2026"); a
 * term beside a month holds when the month falls in that term ("October 2024" to "Autumn 2025").
 */
export function yearsApart(from: string, to: string): number | null {
  const a = monthOf(from, parseDate);
  const b = monthOf(to, parseDate);
  if (a === null || b === null) return null;
  // Two whole dates a few days either side of a whole year ("01/09/2023" to "31/08/2024": the school year) are that year.
  const nearly = nearlyWholeYears(dayOf(from), dayOf(to));
  if (nearly !== null && (b - a) % 12 !== 0) return nearly;
  const termOf = (text: string) => /\b(spring|summer|autumn|fall)(?: term)?,? \d{4}\b/i.exec(text)?.[1].toLowerCase() ?? null;
  const [ta, tb] = [termOf(from), termOf(to)];
  let years: number;
  if (Boolean(ta) === Boolean(tb)) {
    if ((b - a) % 12 !== 0) return null;
    years = (b - a) / 12;
  } else {
    const [term, month] = ta ? [ta, b % 12] : [tb!, a % 12];
    if (!termMonthsOf[term].includes(month)) return null;
    years = Math.floor(b / 12) - Math.floor(a / 12);
  }
  return years >= 1 && years <= 3 ? years * 12 : null;
}

/** The day a text names, when it names one ("01/09/2023", "1st September 2023"), in milliseconds; else null. */
function dayOf(text: string): number | null {
  const numeric = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) {
    const year = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return Date.UTC(year, Number(numeric[2]) - 1, Number(numeric[1]));
  }
  const [found] = britishDates().parse(text);
  const start = found?.start;
  if (!start || !(['day', 'month', 'year'] as const).every((part) => start.isCertain(part))) return null;
  return Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!);
}

/** 12, 24 or 36 when two days are within a week of that many years apart, else null. */
function nearlyWholeYears(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  const days = (to - from) / 86_400_000;
  const years = Math.round(days / 365.25);
  return years >= 1 && years <= 3 && Math.abs(days - years * 365.25) <= 7 ? years * 12 : null;
}

export const reviewDates: BlockPattern = {
  name: 'the interval between this review and the next',
  read: (lines) => {
    // Cells flattened without a separator ("by whomJan 25", "by whom23/1/24") are parted; a label whose date stands
    // alone on the next line ("Issue Date:" then "December 2023") is read with it.
    const parted = lines.map((l) => ({ ...l, text: l.text.replace(/([a-z])([A-Z][a-z]|\d)/g, '$1 $2') }));
    const joined = parted.map((l, i) => {
      // A label ending in a colon may be longer: "Date ratified by the Trust Board:" then "25 October 2018".
      // A label's aside in brackets is no part of its length: "Review Due (or in line with new legislation)".
      const label = l.text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
      if (!label || monthOf(l.text, parseDate) !== null || !/:$|^[^.]{1,40}$/.test(label) || label.split(' ').length > (/:$/.test(label) ? 8 : 5)) return l;
      const next = parted.slice(i + 1, i + 4).find((n) => n.text);
      return next && next.text.split(' ').length <= 4 && monthOf(next.text, parseDate) !== null ? { ...l, text: `${l.text} ${next.text}` } : l;
    });
    // "Next review" first: beside it, a bare "Review date: Spring 2014" is this review's date, not the next.
    const nextIn = (lines: typeof joined) => {
      const dated = (pattern: RegExp) => lines.find((l) => pattern.test(l.text) && monthOf(l.text, parseDate) !== null);
      return (
        // (Not another thing's, "Next review of the filtering provider: September 2026".)
        dated(/\bnext (full )?review\b(?! of\b)/i) ??
        // ("Poster updated Sept 2024, next check Sept 2025", "agreed 25 Feb 2025, next look Feb 2026".)
        dated(/\bnext (check|look( at it)?)\b(?! (at|of|on)\b)/i) ??
        // "Review Date: February 2022" beside "Review Due: February 2025": the date is this review's, the due date the next.
        dated(/\breview(ed)? due\b|\bdue for review\b|\bdate for (next )?review\b|\bdate to be reviewed\b/i) ??
        dated(/\breview(ed)? date\b/i) ??
        dated(/(?<!last |date of |this )\breview\s*:/i) ??
        dated(/^review\s+(?:on |by |in |date )?(?=[a-z]+ \d{4}|\d)/i) ??
        // "Agreed by FGB on 14th March 2022" over "To be reviewed March 2023": the header's next review.
        // ("To be looked at again: March 2026": the same in plainer words.)
        dated(/^(?:to be|will be|is to be|is due to be|due to be) (?:reviewed|looked at)(?: again)?:? (?:on |by |in |before |during )?(?=[a-z]+ \d{4}|\d)/i)
      );
    };
    // (A web page's or a long form's header may come after a menu or a letter: the first sixty lines, when the first forty
    // give no next review.)
    const last15 = joined.slice(-15);
    const first = joined.slice(0, 40).concat(last15);
    const header = nextIn(first) ? first : joined.slice(0, 60).concat(last15);
    const next = nextIn(header);
    // A next review the model leaves to the school, "[November 2025 / November 2026]": not settled.
    // (Not one date written with slashes, "[01/09/2026]".)
    if (next && /\[[^\]]*\d[^\]]*\s\/\s[^\]]*\d[^\]]*\]/.test(next.text)) return [];
    // The latest of the dates a header gives for this version (issued, ratified, last reviewed, updated): the next review counts from
    // the most recent ("Original: May 2017", then "Date ratified by the Trust Board: 25 October 2018").
    const beforeNext = (l: (typeof header)[number]) =>
      l !== next && !/next/i.test(l.text) && monthOf(l.text, parseDate) !== null && (!next || monthOf(l.text, parseDate)! < monthOf(next.text, parseDate)!);
    const versions = header.filter(
      (l) =>
        /\b(date (this|the) (policy|document) was (reviewed|approved|adopted|ratified|issued|agreed)|date of (this |last )?review|last (full )?review(ed)?|reviewed( on)?:?|date approved|approved( on)?:?|(date of )?approval( date)?(?=\s*:)|date (adopted|ratified|agreed|accepted)|(ratified|adopted|agreed|accepted) (by|on|at)\b|^agreed\s*:|review date|date of (this )?policy|policy date|issue date|date (of )?issued?)\b|^date\s*:/i.test(
          l.text,
        ) && beforeNext(l),
    );
    // "Updated Feb 2024 … Review date Feb 2025": an update's date stands for this version only when the header gives no
    // approval or review ("Approved: Sept 2023", then "Updated to reflect KCSIE: Sept 2024", counts from the approval),
    // and never an update to come ("To be updated: September 2024").
    const lasts = versions.length
      ? versions
      : header.filter(
          (l) =>
            /^(?:date )?(?:last )?updated\b(?! to\b)/i.test(l.text.replace(/^(?:page|policy|document|poster|card|leaflet|guide|sheet)\s+/i, '')) &&
            beforeNext(l),
        );
    const last = lasts.reduce<(typeof lasts)[number] | undefined>(
      (a, l) => (!a || monthOf(l.text, parseDate)! > monthOf(a.text, parseDate)! ? l : a),
      undefined,
    );
    // One header row holding both: "Date approved: July 2024   Next review: July 2027".
    // ("Last review: July 2024   Next review: July 2025": the next review's label, not the first "review:", parts the row.)
    const split =
      next && !last
        ? (/^(.*)\bnext (?:full )?(?:review|check|look)\b(?! of\b)(.*)$/i.exec(next.text) ?? /^(.*?)\b(?:review (?:date|due)|review\s*:)(.*)$/i.exec(next.text))
        : null;
    const rowLabel = /\b(approved|ratified|adopted|agreed|review(ed)?|policy date|date of (this )?policy|issued?|updated|date|version|v\d)\b/i;
    // ("…Reviewed by the DT and agreed by the Board of Governors" then "Sept 2025. Next review Sept 2026.": the label on the
    // line the row wraps from, when that line gives no date of its own.)
    const above = next ? header[header.indexOf(next) - 1] : undefined;
    const labelled =
      split && !rowLabel.test(split[1]) && above && above.line === next!.line - 1 && above.text && monthOf(above.text, parseDate) === null
        ? `${above.text} ${split[1]}`
        : split?.[1];
    if (split && next && labelled && monthOf(split[1], parseDate) !== null && monthOf(split[2], parseDate) !== null && rowLabel.test(labelled)) {
      // ("Last updated: 9 September 2024 · Agreed by governors: …, 2 July 2024 · Next review: July 2025": the approval's date.)
      const approval = /\b(approved|ratified|adopted|agreed)\b.*$/i.exec(labelled)?.[0];
      const round = yearsApart(approval && monthOf(approval, parseDate) !== null ? approval : split[1], split[2]);
      return round ? [{ setting: 'policyReview.intervalMonths', value: round, line: next.line, quote: next.text }] : [];
    }
    // "Approved by the Governing Body on: Autumn 2022" then "Date of Review: Autumn 2024": under an approval date, with
    // no other next date, "Date of Review" is the next review's (later than the approval; the same date is none).
    if (!next) {
      // Both on one row: "Approved by the Governing Body on: Autumn 2022   Date of Review: Autumn 2024".
      for (const l of header) {
        const row = /^(.*\b(?:approved|ratified|adopted)\b.*?)\bdate of review\b(.*)$/i.exec(l.text);
        if (!row || /\breview/i.test(row[1]) || monthOf(row[1], parseDate) === null || monthOf(row[2], parseDate) === null) continue;
        const round = yearsApart(row[1], row[2]);
        return round ? [{ setting: 'policyReview.intervalMonths', value: round, line: l.line, quote: l.text }] : [];
      }
      const approval = header.find((l) => /\b(approved|ratified|adopted)\b/i.test(l.text) && !/\breview/i.test(l.text) && monthOf(l.text, parseDate) !== null);
      const review = header.find(
        (l) => /^[|\s]*date of review\b/i.test(l.text) && !/\b(approved|ratified|adopted|last|this)\b/i.test(l.text) && monthOf(l.text, parseDate) !== null,
      );
      // In that order only: "Date of review" above an older approval is this review's date, the approval the first.
      if (!approval || !review || review.line < approval.line) return [];
      const round = yearsApart(approval.text, review.text);
      return round ? [{ setting: 'policyReview.intervalMonths', value: round, line: review.line, quote: `${approval.text} / ${review.text}` }] : [];
    }
    // "March 2017" alone, then "Review March 2020" on the next line: a bare date over a bare review date is the policy's own.
    if (!last && /^review\s+(?:on |by |in |date )?(?=[a-z]+ \d{4}|\d)/i.test(next.text)) {
      const above = header
        .slice(0, header.indexOf(next))
        .reverse()
        .find((l) => l.text);
      const bare = above && !/:/.test(above.text) && above.text.split(' ').length <= 4 && monthOf(above.text, parseDate) !== null ? above : null;
      if (!bare) return [];
      const round = yearsApart(bare.text, next.text);
      return round ? [{ setting: 'policyReview.intervalMonths', value: round, line: next.line, quote: `${bare.text} / ${next.text}` }] : [];
    }
    if (!last) return [];
    const round = yearsApart(last.text, next.text);
    return round ? [{ setting: 'policyReview.intervalMonths', value: round, line: next.line, quote: `${last.text} / ${next.text}` }] : [];
  },
};
