/**
 * Consent named by its channel: "social media consent", "press/media consent is a separate tick", "consent for the
 * newsletter", "parents have said yes to social media". A school that keeps a consent for a use asks carers about that
 * use, whatever else the sentence says of it ("If the pupil does not have social media consent recorded, do not post"
 * still says the consent is asked). Read on the words beside "consent" only, so a sentence about staff's own accounts
 * ("…on personal social media without consent") names no channel's consent.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { basisStated } from './consent.basis.ts';
import type { Sentence } from './text.ts';
import { insideSchool, saysNoConsent } from './page.words.ts';
import type { Found } from './types.ts';

/** A channel as a consent's name gives it: the words right before "consent" or right after "consent for". */
const channels: [string, RegExp][] = [
  ['website', /^web ?sites?$|^web ?pages?$/],
  [
    'social-media',
    /^(social media|social networking|facebook|twitter|instagram|youtube|tiktok|x|twitter\/x|x\/twitter)( (accounts?|pages?|feeds?|channels?))?$/,
  ],
  ['press', /^((local|national|regional) )?(press|newspapers?|news ?papers?|papers?|press\/media|media\/press|tv|television)$/],
  ['publications', /^(printed )?(newsletters?|prospectus(es)?|publications?|brochures?|yearbooks?|magazines?|print|printed (materials?|publications?))$/],
  ['displays', /^(classroom |corridor |wall |internal |school )?displays?$/],
];

/** The channels a short phrase lists ("website and social media", "press/media"), or none if any part is no channel. */
function channelsOf(phrase: string): string[] {
  const parts = phrase
    .replace(/\b(the|our|its|their|school's|academy's|school|academy|official|own|local)\s+/g, (m) => (/local/.test(m) ? m : ''))
    .split(/\s*,\s*|\s+(?:and|or|&)\s+|\s*\+\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const keys: string[] = [];
  for (const part of parts) {
    // ("Media" alone before consent is the form's name, "the Media Consent Form", not the press.)
    const key = part === 'media' ? undefined : channels.find(([, pattern]) => pattern.test(part))?.[0];
    if (!key) return [];
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

const word = String.raw`[a-z/']+`;
/** "website and social media consent", "press/media consent", "social media photo consent". */
const before = new RegExp(String.raw`((?:${word} ){0,3}${word}) (?:photo(?:graph)? |image |video |picture )?(?:consent|permission)s?\b`, 'g');
/** "consent for the newsletter", "consent for their use on social media", "said yes to social media". */
const after = new RegExp(
  String.raw`\b(?:consent|consented|permission|said yes|say yes|ticked yes|answered yes)(?: (?:has|have|is|was) been)?(?: (?:given|recorded|held|granted|ticked))? (?:for|to) (?:(?:their|its|the|a|your child's|the child's|the pupil's|images?|photo(?:graph)?s?|pictures?|use|being used|appear(?:ing)?|publication|posting) )*(?:on|in|for|to|by)? ?((?:${word} ){0,3}${word})`,
  'g',
);

/** Words that make the sentence about another's consent or none at all. */
const noConsentNeeded =
  /\b(no|not|without) (separate |specific |additional |further |parental |written )?(consent|permission) (is |will be |are )?(needed|required|necessary|asked|sought)\b|\b(does not|do not|don't|doesn't|will not) (need|require) (your |parental |parents'? |written )?(consent|permission)\b/;

/** Shortens a captured phrase to the longest run of leading words that names channels. */
function leading(phrase: string): string[] {
  const words = phrase.split(' ');
  for (let n = words.length; n > 0; n--) {
    const keys = channelsOf(words.slice(0, n).join(' '));
    if (keys.length) return keys;
  }
  return [];
}

/** Shortens a captured phrase to the longest run of trailing words that names channels (the words right before "consent"). */
function trailing(phrase: string): string[] {
  const words = phrase.split(' ');
  for (let n = 0; n < words.length; n++) {
    const keys = channelsOf(words.slice(n).join(' '));
    if (keys.length) return keys;
  }
  return [];
}

/** The channels whose consent one sentence names, as keys of consent.purposes. */
export function channelConsents(s: Sentence): string[] {
  // A sentence that asks is the asking patterns' to read, with their guards for the page around it; one that says it
  // does not ask ("This letter does not ask for your consent to photographs on our website") asks nothing.
  if (noConsentNeeded.test(s.lower) || staffPermission(s.lower) || asksConsent(s)) return [];
  if (/\b(ask|asks|asked|seek|seeks|sought|request|requests|requested|need|needs|require|requires|required)\b/.test(s.negated)) return [];
  // The consent is for a pupil's image or name: the sentence, its heading or the page's title says so.
  if (
    !/\b(photo(graph)?s?|images?|pictures?|videos?|filmed|filming|pupils?|students?|child(ren)?|names?)\b/.test(
      `${s.lower} ${s.heading ?? ''} ${s.title ?? ''}`,
    )
  )
    return [];
  const keys = new Set<string>();
  for (const m of s.lower.matchAll(before)) for (const key of trailing(m[1])) keys.add(key);
  // (A condition on someone else, "If a photographer takes pictures upon consent for the yearbook…", names no use the
  // school keeps a consent for; "If the pupil does not have social media consent…" still names the consent it keeps.)
  if (!/^(if|when|where|should|unless)\b/.test(s.lower)) for (const m of s.lower.matchAll(after)) for (const key of leading(m[1])) keys.add(key);
  return [...keys];
}

/**
 * The consents a page names by their channels. A page that says the school publishes without consent
 * ("We use photographs on the website without consent, as part of our public duty") reads nothing here: which of its
 * uses rest on consent is for the head to say.
 */
export function channelConsent(sentences: Sentence[]): (Found & { quote: string; line: number; order: number })[] {
  const outside = ['website', 'social-media', 'publications', 'press'];
  const schoolWithout = (lower: string) =>
    /^(we|the (school|academy|nursery|setting|trust))\b[^.]*\bwithout (parental |their |your |written )?(consent|permission)\b/.test(lower) &&
    !/\b(not|never|no|only)\b/.test(lower);
  if (sentences.some((s) => (saysNoConsent(s) && !insideSchool.test(s.lower)) || schoolWithout(s.lower) || basisStated(s).some((key) => outside.includes(key))))
    return [];
  return sentences.flatMap((s, order) =>
    channelConsents(s).map((key) => ({ setting: `consent.purposes.${key}.active`, value: true, quote: s.text, line: s.line, order })),
  );
}
