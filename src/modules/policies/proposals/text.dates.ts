/**
 * Numbers, intervals and dates as policies write them: "two", "every two years", "termly", "Autumn 2015", "2023/24".
 * Read by the review and retention readers; kept apart from text.ts, which splits a policy into lines and sentences.
 */
const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  'thirty-six': 36,
};

export function numberFrom(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return numberWords[word.toLowerCase()] ?? null;
}

/** "annually", "every two years", "every 18 months", "biennially", "termly": months, or null. */
export function intervalMonths(lower: string): number | null {
  // "Bi-annually", "semi-annually" are read both as twice a year and as every two years: no interval.
  if (/\b(bi-?annual(ly)?|semi-annual(ly)?|twice (a|each|per) year)\b/.test(lower)) return null;
  if (/\b(biennially|biennial|every other year|every two years|every 2 years|(two|2)[- ]yearly)\b/.test(lower)) return 24;
  if (/\b(triennially|triennial|every three years|every 3 years|(three|3)[- ]yearly)\b/.test(lower)) return 36;
  const yearly =
    /\b(annually|yearly|every year|each year|once a year|every twelve months|every 12 months|each academic year|every academic year|on an annual basis|annual review)\b/;
  if (yearly.test(lower)) return 12;
  // "reviewed each September", "every spring term".
  if (/\b(each|every) (january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn)( term)?\b/.test(lower))
    return 12;
  const months = /\bevery (\w+) months\b/.exec(lower);
  if (months && numberFrom(months[1])) return numberFrom(months[1]);
  const years = /\bevery (\w+) (?:academic |school )?years\b/.exec(lower);
  if (years && numberFrom(years[1])) return numberFrom(years[1])! * 12;
  // "reviewed within three years from the date of approval", "at least every two years": the longest interval allowed.
  const within =
    /\b(?:within|at least (?:once )?every|no (?:later|more) than|at intervals of no more than) (a|one|\w+) (?:academic |school )?(years?|months)\b/.exec(lower);
  if (within) {
    const n = within[1] === 'a' ? 1 : numberFrom(within[1]);
    if (n && (within[2].startsWith('year') ? n <= 3 : n <= 36)) return within[2].startsWith('year') ? n * 12 : n;
  }
  if (/\b(termly|every term|each term)\b/.test(lower)) return 4;
  return null;
}

const termMonths: Record<string, number> = { spring: 1, summer: 4, autumn: 9, fall: 9 };

/** A month of a policy's date ("Autumn 2015", "21.10.21", "May 2017", "20 October 2021") as year × 12 + month − 1, or null. */
export function monthOf(text: string, parse: (t: string) => Date | null): number | null {
  const term = /\b(spring|summer|autumn|fall)(?: term)?,? (\d{4})\b/i.exec(text);
  if (term) return Number(term[2]) * 12 + termMonths[term[1].toLowerCase()] - 1;
  // An academic year ("the academic year 2018/2019", "school year 2024-25", "2023/24"): its first September, when the
  // text names no month or day of its own. Two years one apart only, so "2018/2020" or "2019-2022" is no date here.
  const academic = /\b((?:19|20)\d{2})\s*[/–-]\s*((?:19|20)?\d{2})\b(?![/.-]\d)/.exec(text);
  if (
    academic &&
    (Number(academic[2]) === Number(academic[1]) + 1 || (academic[2].length === 2 && Number(academic[2]) === (Number(academic[1]) + 1) % 100)) &&
    !/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}(st|nd|rd|th)?\b(?![/–-]?\d)/i.test(
      text.replace(academic[0], ' '),
    )
  )
    return Number(academic[1]) * 12 + 8;
  const numeric = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) {
    const year = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    const month = Number(numeric[2]);
    return month >= 1 && month <= 12 ? year * 12 + month - 1 : null;
  }
  // "Jan 25", "Sept '24": a month and a two-digit year, when no four-digit year is written.
  const short = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? '?(\d{2})\b(?![/.:-]?\d)/i.exec(text);
  if (short && !/\b(19|20)\d{2}\b/.test(text)) {
    const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(short[1].toLowerCase().slice(0, 3));
    return (2000 + Number(short[2])) * 12 + month;
  }
  if (!/\b(19|20)\d{2}\b/.test(text)) return null;
  const date = parse(text);
  return date ? date.getUTCFullYear() * 12 + date.getUTCMonth() : null;
}
