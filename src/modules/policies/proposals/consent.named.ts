/**
 * A use the page shows the school makes: a naming rule for a channel ("Photographs on the website never carry a child's
 * full name") says pupils are published there, so the purpose carers are asked about is active. Keyers read it so:
 * across the keyed sets, a naming rule and its channel's purpose were keyed together 995 times in 1,079.
 */
import { defaultSettings } from '../../settings/settings.defaults.ts';
import type { Proposal } from './types.ts';
import { pageWideOptOut } from './page.opt-out.ts';
import { normalise, type Sentence } from './text.ts';

/** The consent purpose each channel publishes under, as the default settings pair them (newsletter → publications). */
const purposeOf: Record<string, string> = Object.fromEntries(defaultSettings.photos.channels.map((c) => [c.key, c.purpose]));

/**
 * A rule that keeps photographs off the channel: "the newsletter uses first names only and no photographs of pupils", "we
 * will not give names or photographs to the press", "photographs will not be published on the website". (Not "we will not
 * use full names with photographs", where the photographs are published and the names withheld.)
 */
const noPhotographs =
  /\bno (photo(graph)?s|pictures|images)\b(?! (of [a-z' ]+ )?(with|alongside|beside|next to)\b)|\b(will|do|does|must|should) not (give|send|publish|use|show|share|post|carry|include)\b(?:(?!\bnames? (with|alongside|beside|next to)\b)[^.;]){0,30}\b(?<!(with|alongside|beside|next to) (a |the |their |any )?)(photo(graph)?s|pictures|images)\b|\b(photo(graph)?s|pictures|images)( of [a-z' ]+)? (will|are|must|should|shall) (not|never) be (published|used|shown|posted|put)\b(?! (with|alongside|beside|next to)\b)/;

/**
 * A page's own title (its first lines, or a heading) naming it a staff code, card, handbook or briefing, the minutes of a meeting or a report: there a
 * naming rule tells staff what to do, and keyers did not read it as a use carers are asked about (the keying notes:
 * "mostly staff codes, quick cards and minutes"). Not a line listing the policies a page is read with.
 */
const staffOrMeetingTitle =
  /^(?!.*\b(related|linked|read (with|alongside)|alongside|forms? part|sits (under|alongside)|links to|published|policies)\b)(?=(\S+\s+){0,15}\S+$).*(\bstaff (code of conduct|quick (guide|reference card)|briefing|bulletin|handbook|induction|card|guidance|procedure|rules|faq|q&a|(weekly )?update)\b|\bstaff only( [-–—:]|:|$)|\b(personal )?tutors'? guide\b|^minutes\b|\bminutes of (the|a) ([a-z]+ )?(meeting|committee|governing|board)\b|\bgovernors'? [a-z ]*(report|visit)\b|\bgovernor (monitoring |visit |link )?(report|visit)\b|\bannual report\b|\bchecklist\b)/;

/**
 * Each purpose whose channel a naming rule is about, active, quoting the rule. A rule found counts even where two
 * sentences disagree on it (and no naming is proposed): either way the school names pupils there. An entry found as null
 * (a rule with a condition, or a name the setting cannot hold) is left out: it is not plain. Not where a reader found
 * anything of the purpose already (asked, not used, its basis, or disagreeing: what the page says of the use itself
 * wins), nor on a page whose uses run unless carers object (it asks about none of them), nor where the rule keeps
 * photographs off the channel.
 */
export function usesNamed(proposals: Proposal[], found: Proposal[], sentences: Sentence[]): Proposal[] {
  if (sentences.some(pageWideOptOut)) return proposals;
  if (sentences.slice(0, 12).some((s, i) => (i < 3 || s.isHeading) && staffOrMeetingTitle.test(s.lower))) return proposals;
  const read = new Set(found.map((f) => /^consent\.purposes\.([a-z-]+)\./.exec(f.setting)?.[1]).filter(Boolean));
  const added: Proposal[] = [];
  for (const f of found) {
    const channel = /^photos\.channels\.([a-z-]+)\.naming$/.exec(f.setting)?.[1];
    const purpose = channel ? purposeOf[channel] : undefined;
    if (!purpose || f.value === null || read.has(purpose) || noPhotographs.test(normalise(f.quote))) continue;
    const setting = `consent.purposes.${purpose}.active`;
    if (added.some((a) => a.setting === setting)) continue;
    added.push({ setting, value: true, quote: f.quote, line: f.line });
  }
  return [...proposals, ...added];
}
