/**
 * Names kept to one use inside school (issue 19): "Only photographs used for assessment within school will have a
 * child's name" says that every channel the page publishes on carries no names. The channels are those the page
 * names as the school's own places for images (a sentence with the school as the one using or publishing them);
 * a channel the "only" names itself keeps its names open. Never a guess: a condition, a hedge, or a page that
 * names no channel of its own reads nothing.
 */
import { channels, channelsIn } from './naming.channels.ts';
import { everyChannelNaming, nameOrPhotoRule } from './naming.words.ts';
import { photoPatterns } from './photos.table.ts';
import type { Sentence } from './text.ts';
import type { StructuralFound } from './structure.ts';

const images = /\b(photo(graph)?s?|photography|images?|pictures?|videos?|footage)\b/;
/** "Only photographs used for assessment … will have any child's name", "names are only given on…". */
const onlyNamed =
  /^only (the )?(photo(graph)?s?|images?|pictures?)\b(.*?)\b(will|may|can|are to|should) (have|carry|show|include|bear|be (labelled|captioned|named|shown) with)( any| a| the)?( individual)?( (child|pupil|student)'?s'?)? names?\b/;
/** "…when images are published, the young people cannot be identified by their names": no names wherever the page publishes. */
const unnamedWhenPublished =
  /\b(when|whenever|where|once) (any )?(the )?(photo(graph)?s?|images?|pictures?|videos?|footage)( of [a-z ]{3,30})? (are|is) (published|posted|shared|uploaded|put online|used publicly)\b[^.]*\b(cannot|can ?not|can't|will not|won't|must not|should not|shall not|are not|is not|are never|will never) (to )?be (named|identified (by|through|from|with) (the use of |using )?(their |his or her |its |any )?names?)\b/;
/** The one use the names are kept to is inside school, not a place of publication. */
const inside =
  /\b(assessment|records?|internal(ly)?|within (the )?(school|nursery|setting|classroom)|learning journals?|profiles?|portfolios?|registers?|identification|id badges?)\b/;
/** The school uses or publishes images on the channel: "we take photographs … for the prospectus, the website…". */
const schoolUses =
  /\b(we|the school|the academy|the nursery|our school)\b[^.]*\b(use|uses|take|takes|publish|publishes|post|posts|share|shares|display|displays|put|puts|include|includes)\b|\bfor use (in|on)\b|^(the )?(photo(graph)?s?|images?|pictures?|videos?)( of [a-z ]{3,30})? (may|will|can|could|are|is)( also)? (be )?(used|published|shown|displayed|posted|shared)\b/;

/** Others' photographs: the press visiting, a photographer taking its own pictures. */
const othersTake =
  /\b(photographed|taken|filmed|recorded) by\b|\btheir own (photo(graph)?s?|images?|pictures?|footage|film)\b|\b(press|media|newspapers?|photographers?|journalists?|reporters?|television)\b[^.]*\b(take|takes|taking|visit|visits|attend|attends)\b/;

export function onlyNamedInside(sentences: Sentence[]): StructuralFound[] {
  const found: StructuralFound[] = [];
  sentences.forEach((s, order) => {
    const m = onlyNamed.exec(s.lower);
    const whenPublished = !m && unnamedWhenPublished.test(s.lower) && !/\b(full names?|surnames?|last names?|first names?)\b/.test(s.lower);
    if (!(whenPublished || (m && inside.test(m[4] ?? ''))) || /\b(unless|except|if|generally|usually|normally|where possible)\b/.test(s.lower)) return;
    // A rule for parents' or staff's own photographs is theirs, not the school's channels'.
    if (/^(parents?|carers?|staff|visitors?|pupils?|students?)\b(?!')/.test(s.lower)) return;
    const kept = m ? channels.filter(([, pattern]) => pattern.test(m[0])).map(([key]) => key) : [];
    for (const key of schoolChannels(sentences).filter((k) => !kept.includes(k)))
      found.push({ setting: `photos.channels.${key}.naming`, value: 'none', quote: s.text, line: s.line, order });
  });
  return found;
}

/** The channels a page names as the school's own places for images, in the channels' order. */
function schoolChannels(sentences: Sentence[]): string[] {
  const named = new Set<string>();
  for (const use of sentences)
    if (images.test(use.lower) && schoolUses.test(use.lower) && !othersTake.test(use.lower) && !use.negated.match(/\b(use|take|publish|post|share|display)\b/))
      for (const key of channelsIn(use.lower)) named.add(key);
  return channels.map(([k]) => k).filter((k) => named.has(k));
}

/**
 * A naming rule for every channel ("We will not use a pupil's full name alongside any photograph, anywhere") is the rule
 * of each channel the page names as the school's own place for images, where no other sentence gives that channel a
 * rule of its own (its own rule is the nearer one: "…except in the local paper, with your permission").
 */
export function namingEverywhere<T extends { setting: string; value: unknown }>(found: T[], sentences: Sentence[]): T[] {
  const everywhere = found.filter((f) => f.setting === everyChannelNaming);
  if (!everywhere.length) return found;
  const own = new Set(found.filter((f) => /^photos\.channels\.[a-z-]+\.naming$/.test(f.setting)).map((f) => f.setting));
  const open = schoolChannels(sentences)
    .filter((key) => key !== 'display')
    .map((key) => `photos.channels.${key}.naming`)
    .filter((setting) => !own.has(setting));
  return [...found.filter((f) => f.setting !== everyChannelNaming), ...everywhere.flatMap((f) => open.map((setting) => ({ ...f, setting })))];
}

/** Where pupils are named in text: "Where pupils are named, only their first names are given". */
const namedInText =
  /^(where|when|if|whenever|in cases where) (the )?(pupils?|children|a pupil|a child|students?|a student|individuals?)('s)? (names? )?(are|is) (named|mentioned|referred to|identified)\b(?! (with|beside|alongside|next to|under|in) (a |their |the )?(photo|image|picture))/;

/**
 * The naming settings are how pupils are named beside their photographs. A page that keeps names and photographs apart
 * ("if a pupil is named, no photograph is used; where a photograph is used, no name is displayed") and also says "where
 * pupils are named, only first names are given" gives the first names to text without photographs: on that channel
 * the rule beside photographs is no names, and the first-names finding is left out (not a disagreement).
 */
export function namesBesidePhotographs<T extends { setting: string; value: unknown; quote: string }>(found: T[]): T[] {
  const apart = new Set(
    found
      .filter(
        (f) => /^photos\.channels\.[a-z-]+\.naming$/.test(f.setting) && f.value === 'none' && nameOrPhotoRule(f.quote.toLowerCase().replace(/[‘’]/g, "'")),
      )
      .map((f) => f.setting),
  );
  return found.filter((f) => !(apart.has(f.setting) && f.value === 'first-names' && namedInText.test(f.quote.toLowerCase())));
}

/** An opening sentence that says what the page is about: "This policy outlines how Little Acorns use their Facebook page…". */
const openingScope =
  /^(this|the|our) (policy|document|guidance|statement|procedure|page|guide)( is written| has been written| is intended| aims)?( to)? (outlines?|sets? out|describes?|explains?|covers?|is about|relates to|details?)\b[^.]*\bhow (we|the (school|nursery|academy|setting|pre-?school)|[a-z.']+( [a-z.']+){0,4}) (uses?|runs?|manages?|operates?) (our|their|its|the (school|nursery|academy|setting)'s) /;

/**
 * A page with no title whose opening sentence says it is about the school's own channel ("This policy sets out how the
 * nursery uses its Facebook page…"): that channel is the page's, as a title would make it, for naming rules that name
 * none ("Children who appear on our pages are not named"). Not a page about staff's or parents' own accounts.
 */
export function namingInScopeOfOpening(sentences: Sentence[]): StructuralFound[] {
  const opening = sentences[0];
  if (!opening || opening.title || opening.isHeading || !openingScope.test(opening.lower)) return [];
  // Staff's, parents' or pupils' own accounts are theirs, not the school's channel.
  if (
    /\bhow (staff|members of staff|employees|parents|carers|families|pupils|students|children|volunteers)\b|\b(personal|private|own) (accounts?|pages?|profiles?|social media|use)\b/.test(
      opening.lower,
    )
  )
    return [];
  const named = channels.filter(([, pattern]) => pattern.test(opening.lower));
  if (named.length !== 1) return [];
  // The channel's own words stand as the title (the rest of the sentence may name staff or children as who it protects).
  const title = named[0][1].exec(opening.lower)![0];
  const naming = photoPatterns.filter((p) => /named/.test(p.name));
  const found: StructuralFound[] = [];
  sentences.forEach((s, order) => {
    if (order === 0 || s.title) return;
    for (const pattern of naming) for (const f of pattern.read({ ...s, title })) if (f.value !== null) found.push({ ...f, quote: s.text, line: s.line, order });
  });
  return found;
}

/** "…but never next to a photograph of that child", "Where a pupil is mentioned by name, no photograph will accompany the name". */
const nameNeverBesidePhoto =
  /\b(first names?|names?|named|by name)\b[^.;]*\b(never|not|no) (next to|beside|alongside|with|accompanied by) (a |an |the |their |any )?(photo(graph)?|image|picture)s?\b|\bno (photo(graph)?|image|picture)s?( of (the|that|this) (child|pupil|student))? (will|is|are|shall|should) (accompany|be (used|shown|published|included))\b/;

/**
 * "Full names will not be published on the website. A first name may be used with a piece of work, but never next to a
 * photograph": the ceiling (a first name at most) and, in the next sentence, no name beside a photograph at all. The
 * naming settings are how pupils are named beside their photographs, so the channel's rule is no names.
 */
export function namesApartFromPhotographs<T extends { setting: string; value: unknown; combine?: string; order: number; quote: string; line: number }>(
  found: T[],
  sentences: Sentence[],
): T[] {
  const apart = found.flatMap((f) => {
    const next = f.order >= 0 ? sentences[f.order + 1] : undefined;
    if (!/^photos\.channels\.[a-z-]+\.naming$/.test(f.setting) || f.value !== 'first-names' || f.combine !== 'at-most') return [];
    // (A sentence about a name: "No photographs will be published of pupils on the protection register" is no naming rule.)
    if (!next?.previous || !nameNeverBesidePhoto.test(next.lower) || !/\b(names?|named)\b/.test(next.lower) || /\b(unless|except|without)\b/.test(next.lower))
      return [];
    // (Not a sentence about another channel: "First names may be used in the newsletter, but not with a photograph".)
    const named = channelsIn(next.lower);
    if (named.length && !named.includes(f.setting.split('.')[2])) return [];
    return [{ ...f, value: 'none', combine: undefined, quote: next.text, line: next.line, order: f.order + 1 }];
  });
  return [...found, ...apart];
}
