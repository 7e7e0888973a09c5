/**
 * Names kept to one use inside school (issue 19): "Only photographs used for assessment within school will have a
 * child's name" says that every channel the page publishes on carries no names. The channels are those the page
 * names as the school's own places for images (a sentence with the school as the one using or publishing them);
 * a channel the "only" names itself keeps its names open. Never a guess: a condition, a hedge, or a page that
 * names no channel of its own reads nothing.
 */
import { channels } from './photos.table.ts';
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
    const named = new Set<string>();
    for (const use of sentences)
      if (
        images.test(use.lower) &&
        schoolUses.test(use.lower) &&
        !othersTake.test(use.lower) &&
        !use.negated.match(/\b(use|take|publish|post|share|display)\b/)
      )
        for (const [key, pattern] of channels) if (pattern.test(use.lower) && !kept.includes(key)) named.add(key);
    for (const key of channels.map(([k]) => k).filter((k) => named.has(k)))
      found.push({ setting: `photos.channels.${key}.naming`, value: 'none', quote: s.text, line: s.line, order });
  });
  return found;
}
