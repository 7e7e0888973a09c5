/**
 * How fast a concern is to be passed on, in the words schools use: at once (concerns.routes.TYPE.immediate) or by a time
 * (concerns.routes.TYPE.deadline). Read by the sentence patterns (concerns.table.ts) and the incident tables
 * (concerns.tables.ts).
 */

// ("As soon as seen", "as soon as you notice it", "as soon as they become aware": the moment it is known. So is "passed
// straight to the Head" and "Tell the DSL NOW".)
export const atOnce =
  /\b(immediately|without delay|straight ?away|right away|at once|(passed|pass|passes|go|goes|sent|send|sends|taken|take|takes|referred|forwarded|put through) (straight|directly) (on )?to|(tell|inform|call|ring|contact|alert) (the|a|your)\b[^.;()]{0,30}\bnow(?! (?:on|and then|has|have|is|are|that)\b)|as soon as possible|as a matter of urgency|urgently|as soon as (it is |they are )?(seen|noticed|spotted|discovered)|as soon as (you|they|staff|i|we) (see|notice|spot|discover|become aware|are aware)( (it|them|of (it|them)))?)\b/;

const within24Hours = /\bwithin (24|twenty-four) hours\b/;
// ("…before the end of your working day", "…and always before you go home".)
const sameDay =
  /\b(on )?the same (school |working )?day\b|\b(in |within )?the same (session|shift|lesson)\b|(^|[,:;]\s*)same (school |working )?day\b(?! (as|that|when|it))|\b(by|before|no later than|not later than) the end of (the|that|your|their|his or her)( same)? (school |working )?day\b|\bbefore (i|you|they|we|staff|the member of staff|the (pupil|child|learner|student)) (go|goes|leave|leaves)( home| (that|the) day| for the day| the (site|building|school|premises)( (that|the) day)?)\b|\bon the day (it|they|the concern|the incident|the disclosure) (arises?|happens?|occurs?|(is|are|was|were) (raised|noticed|seen|found|discovered|disclosed|made|received))\b|\b(tell|report it to|inform|speak to|let)\b[^.;]{0,40}\b(today|that day)\b/;
// "Within one working day", "within 1 school day": by the end of the next one, as "by the next working day".
const nextSchoolDay = /\b(by )?the (next|following) (school |working )day\b|\bwithin (one|1|a) (school |working )day\b/;

/** Where in a sentence its time to act is said. */
export const deadlineAt = new RegExp([within24Hours, sameDay, nextSchoolDay].map((pattern) => pattern.source).join('|'));

/** "within 24 hours", "the same day", "before the end of the school day", "by the next working day"; a table cell may say just "Same day". */
export function deadlineIn(lower: string, cell = false): string | null {
  // (A cell's own time comes first: "Same day. IT provider to close the gap within 1 working day.")
  if (cell && /^same (school |working )?day\b/.test(lower)) return 'same-day';
  if (within24Hours.test(lower)) return '24-hours';
  if (sameDay.test(lower)) return 'same-day';
  if (nextSchoolDay.test(lower)) return 'next-school-day';
  if (cell && /^(next|following) (school |working )day\b/.test(lower)) return 'next-school-day';
  return null;
}
