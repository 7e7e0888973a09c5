/**
 * A use the page shows the school makes: a naming rule for a channel ("Photographs on the website never carry a child's
 * full name") says pupils are published there, so the purpose carers are asked about is active. Keyers read it so:
 * across the keyed sets, a naming rule and its channel's purpose were keyed together 995 times in 1,079.
 */

/** The consent purpose each channel publishes under (the default photos.channels). */
const purposeOf: Record<string, string> = {
  display: 'displays',
  website: 'website',
  prospectus: 'publications',
  newsletter: 'publications',
  'social-media': 'social-media',
  press: 'press',
};

/** A rule that keeps photographs off the channel ("the newsletter uses first names only and no photographs of pupils"). */
const noPhotographs =
  /\bno (photo(graph)?s|pictures|images)\b|\b(will|do|does|must|should) not (give|send|publish|use|show|share|post|carry|include)\b[^.;]{0,30}\b(photo(graph)?s|pictures|images)\b/;

interface Proposed {
  setting: string;
  value: unknown;
  quote: string;
  line: number;
}

/**
 * Each purpose whose channel a naming rule is about, active, quoting the rule. A rule found counts even where two
 * sentences disagree on it (and no naming is proposed): either way the school names pupils there. A rule with a
 * condition (found as null) is no rule. Not where a reader found the purpose already (asked, not used, or disagreeing:
 * what the page says of the use itself wins), nor where the rule keeps photographs off the channel.
 */
export function usesNamed<P extends Proposed>(proposals: P[], found: Proposed[]): (P | Proposed)[] {
  const read = new Set(found.map((f) => f.setting));
  const added: Proposed[] = [];
  for (const f of found) {
    const channel = /^photos\.channels\.([a-z-]+)\.naming$/.exec(f.setting)?.[1];
    const purpose = channel ? purposeOf[channel] : undefined;
    if (!purpose || f.value === null || noPhotographs.test(f.quote.toLowerCase())) continue;
    const setting = `consent.purposes.${purpose}.active`;
    if (read.has(setting) || added.some((a) => a.setting === setting)) continue;
    added.push({ setting, value: true, quote: f.quote, line: f.line });
  }
  return [...proposals, ...added];
}
