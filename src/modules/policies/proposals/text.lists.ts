/**
 * Sentences of a list read as the sentence they stand in, where the list splits one (text.ts finds the sentences).
 */
import type { Sentence } from './text.ts';

/**
 * A list whose lead names who ("Any member of staff who:") and whose last item carries the main clause ("(c) sees
 * something on a screen that worries them, must report it to the DSL before the end of the day."): each item is read as
 * the whole sentence it stands in, the lead, the item and the main clause.
 */
export function withClauseOnLastItem(sentences: Sentence[]): Sentence[] {
  const out = sentences.slice();
  sentences.forEach((lead, at) => {
    if (lead.item || !/\b(who|whose|which|that)\s*:$/.test(lead.lower)) return;
    let end = at + 1;
    while (end < sentences.length && sentences[end].item && sentences[end].lead === lead.lower) end++;
    const items = sentences.slice(at + 1, end);
    const last = items[items.length - 1];
    const clause = last && /,\s*((?:must|should|will|shall|are to|is to|needs? to|has to|have to)\b.*)$/.exec(last.lower);
    if (items.length < 2 || !clause) return;
    const subject = lead.lower.replace(/\s*:$/, '');
    const clauseText = last.text.slice(last.text.length - clause[1].length);
    items.forEach((item, k) => {
      const own = (k === items.length - 1 ? item.lower.slice(0, clause.index) : item.lower).replace(/[;,.]?\s*(?:\b(?:or|and))?\s*$/, '');
      const ownText = (k === items.length - 1 ? item.text.slice(0, item.text.length - clause[0].length) : item.text).replace(
        /[;,.]?\s*(?:\b(?:or|and))?\s*$/,
        '',
      );
      // (The clause's negation is the last item's, where it falls in the clause.)
      const negated = item === last ? item.negated : [item.negated, clause[1].includes(last.negated) ? last.negated : ''].filter(Boolean).join(' ');
      out[at + 1 + k] = {
        ...item,
        lower: `${subject} ${own}, ${clause[1]}`,
        text: `${lead.text.replace(/\s*:$/, '')} ${ownText}, ${clauseText}`,
        negated,
        item: false,
        lead: undefined,
      };
    });
  });
  return out;
}
