/**
 * The opt-outs a page states (issue 19): a school may run a use inside school opt-out ("images are used unless a carer
 * objects"), never one outside it. Read by the page-level reader of consent uses (page.ts).
 */
import { noActionOptOut } from './consent.asks.ts';
import { basisStated, lastsUnlessChanged, optsOut, optsOutOtherwise } from './consent.basis.ts';
import { namedUses } from './consent.uses.ts';
import { memoised } from './memo.ts';
import { conditional, formRow, images, otherMatter, othersSubject, ownPhotos } from './page.words.ts';
import type { StructuralFound } from './structure.ts';
import type { Sentence } from './text.ts';

/**
 * The page's opt-out: "unless you tell us", "if you do not want", "opt out", "objections". (Not "the parents of children
 * who have opted out of having their child photographed": carers who refused, named on a page that asks.)
 */
export const optOut =
  /\bunless (you|a parent|the parent|parents|carers?|a carer|families) (tell|tells|told|inform|informs|notify|notifies|object|objects|let|lets|ask|asks)\b|\bif you (do not|don't|would not|wouldn't|would prefer not|prefer not|object)\b(?! (provide|give|grant|sign|consent|agree)\b)|\bif (a |any )?(parents?|carers?) ((do not|does not|don't|doesn't|would not)(?! (consent|give (their |your )?(consent|permission)|agree|sign|tick|return|reply)\b)|object|objects)\b|(?<!\bopt[- ]in,? (or|and) (to )?|\bopt[- ]in ?\/ ?|\b(who|that) (have|has|had) )\bopt(ed|ing)? out\b|\bunless (specific |any |an )?objections?\b|\b(object|objects|objection) to\b/;

/**
 * An opt-out about images: said of them in the sentence, the one before it, its list's lead or its heading. "Lost cards
 * must be collected unless you tell us otherwise" on a page that also asks about photographs makes no use opt-out.
 */
export const ofImagesHere = (s: Sentence) =>
  // ("If you don't want to appear in the results list, tell Mr Collier" under "Photos and videos of you": a name in a list.)
  (images.test(s.lower) || !namedOrListed.test(s.lower)) && [s.lower, s.previous ?? '', s.lead ?? '', s.heading ?? ''].some((text) => images.test(text));

/** An opt-out of being named or listed, not of images. */
const namedOrListed =
  /\b(do not|don't|would not|would rather not|prefer not)( to)? (want|wish|like)?\b[^.]{0,30}\b(to appear in (the |a |our )?[a-z ]{0,30}(lists?|programmes?|results)|to be (listed|named|mentioned)|(your|their|his|her) (child's )?names?)\b/;

/**
 * How to answer a form's question NO ("Tick NO if you don't want this", "If you would rather we didn't, circle No"): the
 * form's own choice, not a use that runs unless a carer objects.
 */
const answerNo =
  /\b(tick|circle|mark|choose|select|answer|cross|put a (tick|cross) (in|by|against)) (the )?["'‘]?no["'’]?( box| column| option)?\b[^.]{0,10}\bif you\b|\bif you\b[^.]{0,80}\b(tick|circle|mark|choose|select|answer|cross) (the )?["'‘]?no\b/;

/** "Results day press photos: first name and grades only unless the student asks otherwise": an exception to how pupils are named. */
const namingUnless = /\b(first names?|full names?|surnames?|names?|initials?)\b[^.;]{0,40}\bonly,? unless\b/;

/**
 * "If you don't return a form we will treat it as **No** to everything on it", "…as though you have said no to every use":
 * an unanswered form refuses, the opposite of an opt-out.
 */
const unansweredRefuses =
  /\bif (you|parents?|carers?|families) (do not|don't|does not|doesn't) (return|complete|reply|respond|send|fill)\b[^.]*\b((treat|take|count|record)( it| this| that| your answers?| the form)? as( though| if)?( you (have|had) (said|answered|ticked))? (a )?[*_"“'‘]*no\b|will not (use|publish|take|include|share)\b|assume\b[^.]{0,30}\b(not|no)\b)/;

/**
 * An objection to any photograph at all ("If you do not want ANY photographs taken of your child, please speak to…"), or to a
 * child in the background of a crowd shot: what the school does for a child never photographed, not the uses run opt-out.
 */
const notPhotographedAtAll =
  /\bif you (do not|don't) (want|wish)\b[^.]{0,30}\b(any|all)\b[^.]{0,20}\b(photo(graph)?s?|pictures?|images?)\b[^.]{0,30}\btaken\b|\b(photographed|filmed|pictured) at all\b|\b(background|crowd (photo|shot|picture)s?|large (crowd|group) (photo|shot|picture)s?)\b.{0,120}?\bif you (do not|don't) want\b/;

/**
 * Not the uses either: an objection to being photographed at all ("If you do not want to be photographed, tell a member of
 * staff"), to any image ("a few families object to any image of their daughters"), to a photograph bought ("…an individual
 * photograph for purchase, tick the box"), or to one recording ("…included in that recording, tell the class teacher"); and
 * "unless you tell us that you want it", which is an opt-in.
 */
const notTheUses =
  /\bif you (do not|don't) (want|wish) (to be|your (child|son|daughter) to be|them to be|him or her to be) (photographed|filmed|pictured)\b(?! (for|on|in|by)\b)|\bobject(s|ion)? to (any|all) (images?|photo(graph)?s?|pictures?)\b(?![^.]{0,40}\b(used|published|posted|shared) (on|in)\b)|\bif you (do not|don't) want\b[^.]{0,60}\b(for (purchase|sale)|to (buy|purchase)|purchas(e|ed|ing))\b|\bif you (do not|don't) want\b[^.]{0,40}\b(in|on|from) (that|this) (recording|video|film|footage|dvd)\b|\bunless (you|parents?|carers?|families) (tell|tells|ask|asks|let) us\b[^.]{0,40}\b(you|they) (want|would like|wish)\b(?! to (opt out|withdraw|object|stop|remove))/;

/**
 * A family's right to object to what the school does as its public task ("object to our use of images for the public task
 * purpose (section 7.2(a))", "…under Article 21"): the uses consent is asked for are still asked.
 */
const publicTaskObjection = /\bobject(s|ion|ing)?\b[^.;]{0,80}\b(public task|public interest|article 21|legitimate interests?)\b/;

/** Sentences an opt-out's words appear in that run no use unless a carer objects (each above, and lastsUnlessChanged in consent.basis.ts). */
const noOptOut = [lastsUnlessChanged, answerNo, namingUnless, unansweredRefuses, notPhotographedAtAll, notTheUses, publicTaskObjection];

/** A sentence that states an opt-out, in the page's words or a form's. */
export const statesOptOut = memoised(
  (lower: string) => ((optOut.test(lower) || optsOutOtherwise(lower)) && !noOptOut.some((pattern) => pattern.test(lower))) || noActionOptOut.test(lower),
);

/**
 * An opt-out said of one use the page has, not of the page: "The school photographer takes individual and class photos.
 * Every child is included unless you tell the office…" is the class photographs' opt-out; the consent form for the
 * website and newsletter on the same page is still consent. The uses named by the sentence itself, or else by the
 * sentence before it in its paragraph; [] when it names none (then it is the page's).
 */
export function optOutScope(s: Sentence): string[] {
  // "If you are content…, no further action is needed" governs the page's whole form, whatever it names.
  if (noActionOptOut.test(s.lower)) return [];
  const own = namedUses(s.lower);
  const scope = own.length ? own : s.previous ? namedUses(s.previous) : [];
  // Only a use inside school may run opt-out (issue 19): an opt-out said of the newsletter or the website is the page's.
  return scope.length && scope.every((key) => key === 'displays' || key === 'class-photo') ? scope : [];
}

/** The uses a page's scoped opt-outs are said of: not uses the carer is asked to consent to. */
const optedOutUses = (sentences: Sentence[]): string[] => sentences.flatMap((s) => (statesOptOut(s.lower) && ofImagesHere(s) ? optOutScope(s) : []));

/** A list's lead that says its items need no consent: "We do not ask for consent for:", "Consent is not needed for:". */
const noConsentLead =
  /\b(do not|does not|will not|need not|never) (need|ask|ask for|require|seek|request)\b[^:]*\b(consent|permission)\b[^:]*:$|\b(consent|permission) (is|are) not (needed|required|sought|asked( for)?|requested)\b[^:]*:$|\bwithout (asking|consent|permission)\b[^:]*:$/;

/**
 * The page's other bases, read once for each page's sentences: six readers of a page ask (one of them, on a page fenced
 * into sections, with sentences of its own, read afresh).
 */
const otherBasesRead = new WeakMap<Sentence[], string[]>();

/**
 * The uses a page runs on another basis than consent, so none it asks carers about: those a sentence gives no consent or
 * opt-out, the items of a list whose lead needs no consent, and a scoped opt-out's use.
 */
export function otherBases(sentences: Sentence[]): Set<string> {
  let keys = otherBasesRead.get(sentences);
  if (!keys) {
    keys = [
      ...new Set([
        ...sentences.flatMap(basisStated),
        ...sentences.flatMap((s) => (s.item && noConsentLead.test(s.lead ?? '') ? namedUses(s.lower) : [])),
        ...optedOutUses(sentences),
      ]),
    ];
    otherBasesRead.set(sentences, keys);
  }
  // (A new set each time: a reader may add to its own.)
  return new Set(keys);
}

/** A page-wide opt-out: stated, about images, and not scoped to a use the sentence (or the one before) names. */
export const pageWideOptOut = (s: Sentence) => statesOptOut(s.lower) && ofImagesHere(s) && !optOutScope(s).length && !ofGroupBefore(s);

/** "…it will appear in the other children's journals too. If you do not want this, tick 'individual only'": a group photograph's opt-out. */
const ofGroupBefore = (s: Sentence) =>
  /\bif you (do not|don't) (want|wish for) (this|that)\b/.test(s.lower) && /\b(other (children|pupils)|group|crowd|background)\b/.test(s.previous ?? '');

/**
 * The sections whose opt-out is theirs alone: "if you do not wish for this to happen" under "Copies of photographs" is
 * about copies other parents ask for, not the page's uses. null when an opt-out stands anywhere else (the page is opt-out).
 */
export function fencedOptOuts(sentences: Sentence[]): Set<number | undefined> | null {
  const fenced = new Set<number | undefined>();
  for (const s of sentences) {
    if (!pageWideOptOut(s)) continue;
    const heading = sentences.find((h, i) => i > 0 && h.isHeading && h.section === s.section);
    if (!heading || s.isHeading || !otherMatter(heading.lower)) return null;
    fenced.add(s.section);
  }
  return fenced;
}

/**
 * The options of an opt-out notice inside school. Issue 19: a school may run a use inside school opt-out, never one
 * outside it. On a page where a carer who is content need do nothing ("If you are happy …, you do not need to return the
 * form"), each option the carer may tick to refuse ("☐ Use within the school community (… on display around the
 * school)", "- No consent for use inside school. This includes classroom displays.") that names displays or class
 * photographs is that use's opt-out basis. An option for a use outside school proposes nothing: the product refuses it.
 */
export function optOutOptions(sentences: Sentence[]): StructuralFound[] {
  if (!sentences.some((s) => noActionOptOut.test(s.lower))) return [];
  const found: StructuralFound[] = [];
  sentences.forEach((s, i) => {
    const lead = s.lead ?? '';
    const option = formRow.test(s.lower) || (/:$/.test(lead) && (images.test(lead) || /\b(options?|choices?|consent|permission|ways)\b/.test(lead)));
    if (!option || othersSubject.test(s.lower) || ownPhotos.test(s.lower)) return;
    if (!images.test(`${s.lower} ${lead} ${s.previous ?? ''}`) && !formRow.test(s.lower)) return;
    for (const key of namedUses(s.lower).filter((k) => k === 'displays' || k === 'class-photo'))
      found.push({ setting: `consent.purposes.${key}.basis`, value: 'opt-out', quote: s.text, line: s.line, order: i });
  });
  return found;
}

/** "…for these purposes", "in the ways above", "for the purposes listed": what the list just before says. */
const listAbove =
  /\b(for|in|to) (these|the above|all of these|the purposes (above|listed)|the ways (above|listed)|those) (purposes|uses|ways|reasons)\b|\b(listed )?above\b/;

/**
 * The opt-out of the list just before it. "Photographs are taken:" over "- For noticeboards and displays of work", "- On
 * the school website", then "Unless you inform us otherwise, we presume you have no objection to photographs being used
 * for these purposes.": each item that is a use inside school (displays, class photographs) is used unless a carer
 * objects. An item outside school proposes nothing (the product refuses opt-out there). Only a list about images, and
 * only the carers' word: "unless the Head agrees otherwise" is no opt-out (optsOut).
 */
export function optOutOfListAbove(sentences: Sentence[]): StructuralFound[] {
  const found: StructuralFound[] = [];
  sentences.forEach((s, at) => {
    if (s.item || !listAbove.test(s.lower) || !optsOut(s.lower) || othersSubject.test(s.lower)) return;
    // Under a heading for parents' or visitors' photographs the list is theirs; staff taking them is the school's use.
    if (/\b(who else|others?|other people|parents?|carers?|families|visitors?|media|press|by (pupils|children|students))\b/.test(s.heading ?? '')) return;
    const items: number[] = [];
    for (let i = at - 1; i >= 0 && sentences[i].item; i--) items.unshift(i);
    if (!items.length) return;
    const lead = sentences[items[0]].lead ?? '';
    // The images may be named by the lead, or by the sentence before a short lead ("…take photographs. These are taken:").
    const leadSentence = sentences[items[0] - 1];
    const context = `${leadSentence?.earlier ?? ''} ${lead} ${s.lower}`;
    if (!images.test(context) || conditional.test(lead)) return;
    for (const i of items)
      for (const key of namedUses(sentences[i].lower, sentences[i].negated).filter((k) => k === 'displays' || k === 'class-photo'))
        found.push({ setting: `consent.purposes.${key}.basis`, value: 'opt-out', quote: `${s.text} … ${sentences[i].text}`, line: s.line, order: at });
  });
  return found;
}
