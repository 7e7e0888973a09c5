/**
 * The structural reader (issue 19): consent asked in one place of a page, its uses named in another.
 * Many consent pages ask once ("We ask parents to consent…", "I agree to the uses described above") and
 * list the uses in another paragraph, a list or a section of their own. A sentence cannot see that; the
 * page's sections can (text.ts numbers them: a heading, or the page's title, opens one).
 *
 * A request that names no use governs, and only governs:
 * - "as described above": the sentences before it in its own section; "the following", "below": those after it;
 * - "for promotional purposes", "for publicity": the sentences of the page that speak of promotion or publicity;
 * - otherwise, if it is about photographs (in itself, the sentence before, its heading or the page's title):
 *   its own section and the sections headed by the school's use of images ("Publication of Pupil Images",
 *   "Why do we use photographs?").
 * Never a guess: a page with an opt-out ("unless you tell us", "if you do not want") reads nothing here, a use the
 * page says needs no consent or is opt-out is left out, and a request pointing both up and down reads nothing.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { namedUses } from './consent.uses.ts';
import {
  aboutKeeping,
  conditional,
  documentScope,
  groupPhotos,
  instruction,
  noDescribedUse,
  otherSubject,
  subjectsTitle,
  withoutName,
  withoutTitle,
} from './page.words.ts';
import { otherBases, pageWideOptOut } from './page.opt-out.ts';
import type { Sentence } from './text.ts';
import type { Found } from './types.ts';

/** The school sharing what its children do on a channel ("to share the work of … individual children", "to celebrate pupils' achievements"). */
const sharesChildren = /\bto (share|post|publish|celebrate|showcase|show)\b[^.]*\b(children|child|pupils?|students?)('s|s'|')?\b/;

const images = /\b(photo(graph)?s?|photographic|photography|images?|pictures?|videos?|filming|footage)\b/;
const consentWord = /\b(consent|permission)s?\b/;

/** The school's own use of images as a section's subject; not who else uses them. */
const useHeading = (h: string) =>
  images.test(h) &&
  /\b(use|uses|usage|using|used|publication|publish|publishes|publishing|published)\b/.test(h) &&
  !/\b(who else|others?|other people|parents?|carers?|visitors?|media|press|staff|by (pupils|children|students))\b/.test(h);

/** "We therefore need consent to do this", "using such images … requires the consent of … their guardians", "I agree to … as described above". */
const alsoAsks =
  /\b(we|the school|the academy|the nursery|the setting|school) (therefore |will )?(need|needs|require|requires) (your |their |parents'? |parental |written |signed )*(consent|permission)\b|\brequires? (the )?(consent|permission) of\b|\b(have|need) to (ask for|seek|get|obtain) (your |their |parents'? |parental |written )*(consent|permission)\b|\byou (are|will be) asked (to give|to grant|to sign|to complete|to provide|for)\b[^.]*\b(consent|permission)\b|\bi (agree|consent) to\b|(?<!\b(none|neither|few|some) of )\b(all of the above|the above( uses)?|each of (the above|these)|all (of )?these( uses)?) (require|requires|need|needs) (your |their |parents'? |parental |written |signed |prior )*(consent|permission)\b|\b(is|are) required to (seek|obtain|ask for|request|get) (the )?(parental |parents'? |carers'? |written )*(consent|permission)\b|\b(the )?(consent|permission) (you|parents|carers) (give|gives|provide|provides|gave|provided|have given)\b/;

/** Consent for something else ("any other purpose", "separate consent" for a name): no scope of this page's uses. */
const otherConsent = /\b(any other|other than|further|separate|additional|different|new)\b/;

/** Someone else's photographs: the press or a photographer visiting takes its own. */
const othersPhotographs =
  /\b(press|media|newspaper photographers?|photographers?|journalists?|film crews?|reporters?|television)\b[^.]*\b(take|takes|taking|visit|visits|attend|attends|come|comes|are in school|is in school)\b|\bvisited by\b|\b(taken|filmed|recorded) by (the |a |an |local |visiting )*(press|media|newspapers?|photographers?|journalists?|reporters?|television|tv)\b/;
const othersSubject = /^(staff|pupils?|students?|parents?|carers?|visitors?|families|children|you|no one|anyone)\b(?!')/;

const refersBack = /\babove\b(?! the age)/;
const refersForward = /\bthe following\b|\bbelow\b/;
const qualifiers: [string, RegExp][] = [
  ['promotion', /\bpromot(e|es|ing|ion|ional)\b/],
  ['publicity', /\bpublicity\b/],
  ['marketing', /\bmarketing\b/],
];

export type StructuralFound = Found & { quote: string; line: number; order: number };

function usesIn(s: Sentence): string[] {
  if (documentScope.test(s.lower) || instruction.test(s.lower)) return [];
  // "If a newspaper wants a picture, we will ask you separately": a consent of its own, not this one.
  if (s.isHeading || othersSubject.test(s.lower) || /\b(unless|without|separately)\b/.test(withoutName(s.lower))) return [];
  // ("We will not include addresses … on our website": what is kept off a channel is no use of it.)
  if (
    /\b(used|use|published|publish|shown|displayed|shared|posted|appear|include|included|put|upload|uploaded|print|printed|feature|featured)\b/.test(s.negated)
  )
    return [];
  // "…does not have a Facebook account": a use under a negation is none.
  return namedUses(s.lower, s.negated);
}

/** The sentences a bare request governs (indices), or null when its scope is not clear. */
function scopeOf(sentences: Sentence[], at: number): { indices: number[]; explicit: boolean } | null {
  const request = sentences[at];
  const sameSection = (i: number) => sentences[i].section === request.section;
  // Beyond its own section a request reaches no further than two sections away: a long policy's other parts are not its page.
  const near = (i: number) => Math.abs((sentences[i].section ?? 0) - (request.section ?? 0)) <= 2;
  const all = sentences.map((_, i) => i);
  // "You are asked to give permission… The consent options are outlined below.": the next sentence can say where the uses are.
  const next = sentences[at + 1];
  const pointer = next && next.previous === request.lower && /\b(consent|permission|options?|uses)\b/.test(next.lower) ? next.lower : '';
  const back = refersBack.test(request.lower) || refersBack.test(pointer);
  const forward = refersForward.test(request.lower) || refersForward.test(pointer);
  if (back && forward) return null;
  if (back) return { indices: all.filter((i) => i < at && sameSection(i)), explicit: true };
  // "…for the following uses." then a list: the list's items only (a lead ending in a colon is the engine's already).
  if (forward) {
    const items: number[] = [];
    const first = all.findIndex((i) => i > at && sentences[i].item);
    for (let i = first; i > at && i < sentences.length && sameSection(i) && (sentences[i].item || !sentences[i].previous); i++) {
      if (!sentences[i].item) break;
      items.push(i);
    }
    return items.length ? { indices: items, explicit: true } : null;
  }
  const named = qualifiers.filter(([, pattern]) => pattern.test(request.lower));
  if (named.length > 1) return null;
  if (named.length === 1) return { indices: all.filter((i) => i !== at && near(i) && named[0][1].test(sentences[i].lower)), explicit: false };
  const headingOf = (section: number | undefined) => sentences.find((s) => s.isHeading && s.section === section)?.lower ?? '';
  const title = sentences[0]?.isHeading ? sentences[0].lower : '';
  const aboutImages = [request.lower, request.previous ?? '', headingOf(request.section), title].some((text) => images.test(text));
  if (!aboutImages) return null;
  // The nearest section headed by the school's use of images (the title is the page's, not such a section); two as
  // near, one on each side, are two readings: only the request's own section is read then.
  const distances = sentences
    .filter((s, i) => i > 0 && s.isHeading && s.section !== request.section && useHeading(s.lower) && near(i))
    .map((s) => ({ section: s.section, distance: Math.abs((s.section ?? 0) - (request.section ?? 0)) }));
  const nearest = Math.min(...distances.map((d) => d.distance));
  const useSections = distances.filter((d) => d.distance === nearest);
  const useSection = useSections.length === 1 ? useSections[0].section : undefined;
  return { indices: all.filter((i) => i !== at && (sameSection(i) || (useSection !== undefined && sentences[i].section === useSection))), explicit: false };
}

/** Consent uses a page names away from the sentence that asks for consent. */
export function structuralConsent(sentences: Sentence[], readBySentence: (s: Sentence) => string[]): StructuralFound[] {
  if (sentences.some(pageWideOptOut)) return [];
  // A use the page gives another basis (no consent, or opt-out) is not one consent is asked for.
  // (Nor is a scoped opt-out's use, "class photos … unless you tell the office", nor an item under "We do not ask for
  // consent for:".)
  const otherBasis = otherBases(sentences);
  const found: StructuralFound[] = [];
  // One finding per use sentence and setting, whichever request reaches it first: a long page stays linear to merge.
  const seen = new Set<string>();
  sentences.forEach((request, at) => {
    // A heading or title that is consent for images ("Student Image Consent") asks it for the page's uses.
    const consentHeading = request.isHeading && consentWord.test(request.lower) && images.test(request.lower);
    const asks = (asksConsent(request) || alsoAsks.test(request.lower)) && (consentWord.test(request.lower) || /\bi agree\b/.test(request.lower));
    if (!consentHeading && !asks) return;
    // A member of staff's permission, a rule for staff or pupils, or an agreement to rules ("I agree to follow the rules
    // above") is no consent for images.
    if (staffPermission(request.lower) || (!consentHeading && /^(staff|pupils?|students?|visitors?|employees?|volunteers?|governors?)\b/.test(request.lower)))
      return;
    if (/\bi agree\b/.test(request.lower) && !images.test(request.lower)) return;
    // "Press: full name only with written consent" says how a child is named there, not that the page's uses need consent.
    if (/\b(first |full |sur)?names?\b[^.;]{0,40}\b(only )?(with|given|if)\b[^.;]{0,30}\b(consent|permission)\b/.test(request.lower)) return;
    // "…will only show your child if you have agreed to this on our consent form": a condition of one use, no request for the page's.
    if (/\b(if|unless)\b/.test(request.lower)) return;
    // Permission for a trip or the internet ("…before taking pupils on trips") is no request for the page's images.
    if (!images.test(request.lower) && otherSubject.test(request.lower)) return;
    if (/:$/.test(request.lower) || otherConsent.test(request.lower) || readBySentence(request).length) return;
    // Consent for group photographs with other children is for that kind of picture, not the page's uses (page.ts).
    if (groupPhotos.test(request.lower)) return;
    const scope = scopeOf(sentences, at);
    if (!scope) return;
    for (const i of scope.indices) {
      const use = sentences[i];
      // Read on its own, the press visiting is the press's; a list the request points to is what the carer agrees to.
      if (!scope.explicit && othersPhotographs.test(use.lower)) continue;
      // How long photographs are kept is no use of them.
      if (!scope.explicit && aboutKeeping(use.lower)) continue;
      // "If we wished to use a photograph in the newspaper, we would ask you first": a use the page may ask about, not one it describes.
      if (!scope.explicit && conditional.test(use.lower)) continue;
      // Read by section, a sentence must be about images (in itself, or the sentence before it): "we are now active on
      // Facebook and Twitter" in a consent letter is the school's news, not a use of the child's image.
      // (A list's item takes its images from its heading: "Sharing Pupils' Photographs" over "- on the school website".)
      // A section headed by the school's use of images ("How We Publish Pupil Photographs") is about them throughout.
      const aboutImagesToo = [use.lower, use.previous ?? '', use.lead ?? '', use.item || use.row ? `${use.heading ?? ''} ${use.title ?? ''}` : ''];
      // (A sentence saying the school shares the children's doings there is about them: "uses X to share the work of the
      // school and that of individual children", on a page that asks before images of children are shared.)
      if (!scope.explicit && !aboutImagesToo.some((text) => images.test(text)) && !sharesChildren.test(use.lower) && !useHeading(use.heading ?? '')) continue;
      if (!scope.explicit && noDescribedUse(use.lower)) continue;
      if (subjectsTitle(use)) continue;
      for (const key of usesIn(withoutTitle(use))) {
        if (otherBasis.has(key)) continue;
        const setting = `consent.purposes.${key}.active`;
        if (seen.has(`${setting} ${i}`)) continue;
        seen.add(`${setting} ${i}`);
        found.push({ setting, value: true, quote: `${request.text} … ${use.text}`, line: use.line, order: i });
      }
    }
  });
  return found;
}
