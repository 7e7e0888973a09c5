/**
 * The page-level reader of consent uses (issue 19): a page, or a section headed by images or consent, that asks
 * carers for consent for images of their child, and names elsewhere the places the school uses or publishes them.
 * Schools write it many ways: consent asked once ("on admission, to your child being photographed") and the uses in
 * later paragraphs ("pictures may be used in the newsletter"); a list of uses then "please answer yes or no to each of
 * the above"; a form of questions ("May we use your child's photograph on our website?"); a title that names the
 * channel ("Consent for photographs to be published on the school website"); consent for "the use of photographs"
 * next to the sentence that says what that covers.
 *
 * Never a guess: a page with an opt-out reads nothing; a use the page gives another basis (no consent, opt-out) is
 * left out; a negated use, the press's own photographs (unless a list or question the carer answers names them), a
 * rule for staff or for parents' own photographs, and what a request for something other than images names, are none.
 */
import {
  agreementAsConsent,
  asksConsent,
  basisStated,
  namedUses,
  noActionOptOut,
  optsOut,
  optsOutOtherwise,
  purposes,
  staffPermission,
} from './consent.table.ts';
import { formLapse } from './lapse.table.ts';
import type { Sentence } from './text.ts';
import type { StructuralFound } from './structure.ts';

const images = /\b(photo(graph)?s?|photographic|photography|photographed|photographing|images?|pictures?|videos?|filmed|filming|footage)\b/;
const consentWord = /\b(consent|permission)s?\b/;

/**
 * The page's opt-out: "unless you tell us", "if you do not want", "opt out", "objections". (Not "the parents of children
 * who have opted out of having their child photographed": carers who refused, named on a page that asks.)
 */
const optOut =
  /\bunless (you|a parent|the parent|parents|carers?|a carer|families) (tell|tells|told|inform|informs|notify|notifies|object|objects|let|lets|ask|asks)\b|\bif you (do not|don't|would not|wouldn't|would prefer not|prefer not|object)\b(?! (provide|give|grant|sign|consent|agree)\b)|\bif (a |any )?(parents?|carers?) (do not|does not|don't|doesn't|would not|object|objects)\b|(?<!\bopt[- ]in,? (or|and) (to )?|\bopt[- ]in ?\/ ?|\b(who|that) (have|has|had) )\bopt(ed|ing)? out\b|\bunless (specific |any |an )?objections?\b|\b(object|objects|objection) to\b/;

/**
 * What the document covers ("This policy applies to the use of photographs on its website and in the press", "It also
 * covers … the media") is no use when read by section (structure.ts); a page that asks consent for images reads it.
 */
export const documentScope =
  /\b(this|the) (policy|guidance|document|statement|procedure)( also)? (applies|covers|relates|is about|sets out)\b|^it (also )?(covers|applies to|relates to)\b/;
/** "Photo in the newsletter without name": an option of a form, whose "without" withholds the name, not consent. */
export const withoutName = (lower: string) => lower.replace(/\bwithout (a |any |the |their |the child's |the pupil's )?(full |sur)?names?\b/g, '');
/** "Do not post images on social networks": an instruction to the reader (a parent at a concert) is their conduct, not the school's use. */
export const instruction = /^(do not|don't|never|avoid|refrain from)\b/;

/** "We do not need consent for…" with no use named: which uses it covers is not clear, so the page's uses inside school are left. */
const noConsent =
  /\b(consent|permission) (is|will) (therefore |thus |also )?not (be )?(needed|required|sought|asked)\b|\bdo(es)? not (need|require) (parental |your )?(consent|permission)\b|\b(we|the school|the academy|the nursery) (do|does|will) not (ask|seek) (for )?(parental |your )?(consent|permission)\b|\bwithout (the need for )?(parental |your )?(consent|permission)\b/;

/**
 * The page says the school needs no consent: not a breach or a condition ("if an image was taken without consent, the
 * student must delete it", "failure to delete images taken without consent…"), nor someone else's rule.
 */
const saysNoConsent = (s: Sentence) =>
  noConsent.test(s.lower) &&
  (noConsent.test(s.lower.replace(/\bwithout (the need for )?(parental |your )?(consent|permission)\b/g, '')) ||
    (!/\b(if|unless|failure|fails?|not|never|must|should|delete|deleted|removed?|breach|disciplinary)\b/.test(s.lower) && !othersSubject.test(s.lower)));

/** The uses inside school: displays, records of learning, educational purposes. */
const insideSchool =
  /\b(within|in|inside|around) (the )?(school|nursery|setting|academy|classrooms?)\b|\binternal(ly)?\b|\beducational purposes\b|\brecords? of (evidence|learning|achievement|progress)\b|\b(assessment|learning journals?|learning journeys?)\b/;

/** A rule for someone else's photographs or conduct: staff, parents' own pictures, personal devices and accounts. */
const othersSubject =
  /^(staff|pupils?|students?|parents?|carers?|visitors?|families|relatives|grandparents|friends|employees?|volunteers?|governors?|members of staff|no one|nobody|anyone|you)\b(?!')/;
/** A request or a list's lead whose subject is staff, pupils or visitors is their rule; "Parents are asked…" is a request. */
const ruleSubject = /^(staff|pupils?|students?|visitors?|employees?|volunteers?|governors?|members of staff|no one|nobody|anyone)\b(?!')/;
const ownPhotos =
  /\b(personal|own|private) (social media|accounts?|devices?|phones?|cameras?|profiles?|use|photo(graph)?s?|images?|pictures?|videos?|recordings?)\b|\bfor (their|your) own\b|\b(parents?|carers?|visitors?|families|relatives|grandparents) (may|can|are (welcome|allowed|permitted) to|wish to|who wish to|are asked not to|should not|must not) (take|film|record|photograph)\b|\bstaff\b[^.]*\b(must|should|will|are (expected|required))\b/;

/**
 * Staff taking photographs for the school's own purposes: "Staff and volunteers may take photographs on the school's
 * cameras, to be used for display purposes in the nursery", "Teachers take pictures … for use in the newsletter". The
 * purpose is the school's use; not a rule on staff's conduct (must, should, never, personal devices: ownPhotos).
 */
const staffForSchool = (s: Sentence) =>
  /^(staff|members of staff|teachers|practitioners|key workers|employees)\b[^.]*\b(may|can|will|are (able|allowed|permitted|encouraged) to|regularly|often|routinely)\b[^.]*\b(take|taking|photograph|film|record)\b[^.]*\b(to be used (for|in|on|as)|for use (in|on|as)|for (the )?(purposes? of )?display)\b/.test(
    s.lower,
  ) &&
  !s.negated &&
  !/\b(must|should|never|not|unless|if|personal|own|private)\b/.test(s.lower);

/** The press or a photographer visiting takes its own photographs: no use of the school's images unless asked about. */
const othersPhotographs =
  // (…and "the use of cameras … by parents, pupils and the media": the media's own cameras.)
  /\b(cameras?|filming equipment|photography|filming|video equipment)\b[^.]*\bby\b[^.]*\b(the )?(media|press|journalists?|reporters?)\b|\b(press|media|newspaper photographers?|photographers?|journalists?|film crews?|reporters?|television)\b[^.]*\b(take|takes|taking|visit|visits|attend|attends|come|comes|are in school|is in school)\b|\bvisited by\b|\b(taken|filmed|recorded) by (the |a |an |local |visiting )*(press|media|newspapers?|photographers?|journalists?|reporters?|television|tv)\b/;

/** A verb of the school using or publishing images. */
const useVerb =
  /\b(use|uses|used|using|publish|publishes|published|publishing|publication|appear|appears|appearing|display|displays|displayed|show|shows|shown|feature|features|featured|include|includes|included|post|posts|posted|upload|uploaded|share|shared|print|printed|put|placed|go (in|on|into)|goes (in|on|into)|went (in|on|into)|taken|take|taking|photographed|filmed|see|seen|carry|carries|carried|celebrate|celebrates|celebrated|celebrating|promote|promotes|promoted|promoting|showcase|showcases|showcased|advertise|advertises|advertised|sent (home|out)|send (home|out)|reproduce|reproduced|circulate|circulated|distribute|distributed|tweet|tweets|tweeted|find|found|spot|view|viewed)\b/;

/**
 * A condition or a hypothetical: "If we wished to use a photograph in the newspaper, we would contact you first", "Should
 * the press ask…", "…provided that…": a use the page may ask about later, not one it describes.
 */
export const conditional =
  /\b(if|unless|in the event|provided( that)?|providing|as long as|on condition|should (we|the school|the academy|the nursery|a|the|your|any)|were (we|the school) to|in case|whether)\b|\bwould (first |always )?(ask|contact|seek|write|check|get in touch|let you know)\b/;

/**
 * A sentence naming a channel that still describes no use of the child's image: photographs of pupils' work ("Children
 * love to have their work photographed and by uploading this onto our website…"), a generalisation ("Generally,
 * photographs … are a source of pride"), a risk or concern ("the risk of a child being identified by a photograph in
 * the local press").
 */
export const noDescribedUse = (lower: string) =>
  /\b(their|pupils'?|children's|students'?|the) work (being |is |are )?photographed\b|\b(photo(graph)?s?|images?|pictures?) of (their|pupils'?|children's|students'?) work\b/.test(
    lower,
  ) ||
  /^(generally|in general|on the whole|typically|as a rule)\b/.test(lower) ||
  // Pictures of things or of adults, not of the children: "photos of lost property can be found on our Facebook page".
  /\b(photo(graph)?s?|images?|pictures?) of (the |our |any )?(new )?(lost property|uniforms?|buildings?|site|grounds|premises|staff|teachers|governors|food|meals|menus?|equipment|art ?work|projects|models|garden|classrooms?|items?|products?)\b/.test(
    lower,
  ) ||
  /\b(risks?|concerns?|misuse|dangers?|abuse|targeted|identified by)\b/.test(lower);

/** What a request is for when it is not images: trips, medicine, the internet… */
export const otherSubject =
  /\b(trips?|outings?|visits? out|excursions?|medicines?|medication|first aid|sun ?cream|plasters?|swimming|internet|computers?|e-?mail|data sharing|data protection|cookies|treatment|walks?|transport|collect(ion|ing)?)\b|\b(take|taking|took) (your |the |their )?(child|children|pupils?|students?|son|daughter|them) (to|on|out|off[- ]site)\b/;

/** A request for consent, or a question the carer answers yes or no, or a pointer to the uses to answer. */
const question =
  /^(may|can|could) (we|the school|the academy|the nursery|the setting|staff) (use|publish|include|display|show|put|post|share|take|photograph|film|print|feature|allow|permit|let|invite|arrange for)\b|^(are|would) you (be )?(happy|content|willing|agreeable|ok|okay)\b|^do you (agree|consent|give (your )?(permission|consent)|give us|allow|permit)\b|^(is it|will it be) (ok|okay|alright|all right)\b|^(does|do) (the school|we) have (your )?(permission|consent)\b/;
/** A question's end: "?", perhaps with the marks the carer answers by ("? Yes / No", "? ☐"). */
const questionEnd = /\?(\s*(yes\s*\/\s*no|yes|no|y\s*\/\s*n|[☐□❑]|\[ ?\]))*\s*$/i;
const yesNo = /\byes or no\b|\byes\s*\/\s*no\b|\b(tick|circle|delete|indicate|answer)\b[^.]*\b(yes|no|agree|consent|each)\b/;
const directRequest =
  /\b(agree|agrees|consent|consents|permission) to (your|their|my|his|her|the) (child|son|daughter|children|pupils?)( or children)? (being|to be) (photographed|filmed)\b|\bi (hereby )?(give|grant|do not give|agree|consent|am happy|authori[sz]e|allow|permit)\b|\b(consent|permission) (to|for) (your|my|their|the) (child|son|daughter|children)('s)? (being|to be) (photographed|filmed)\b|\b(consent|permission) (to|for) (the use of|using|use of|the taking of|taking) (photo(graph)?s?|images?|pictures?)\b|\b(asked|ask you|asks parents|ask parents|asks carers|ask carers|invited) (to )?(give|sign|grant|provide|complete)\b[^.]*\b(consent|permission|form)\b/;

const refersBack = /\b(above|listed|set out|described|these (uses|ways|options))\b(?! the age)/;
const refersForward = /\bthe following\b|\bbelow\b/;

/**
 * A title listing the media a policy covers ("Using Images of Children: Photographs, Videos, Websites and Webcams Policy",
 * a heading or a line in capitals): it names the policy's subjects, not a use the school makes of the child's image.
 */
export const subjectsTitle = (s: Sentence): boolean =>
  (s.isHeading || /^[^a-z]*\b(POLICY|GUIDANCE|GUIDELINES|PROCEDURES?)\b[^a-z]*$/.test(s.text)) &&
  /,[^,]+\b(and|&)\b/.test(s.lower) &&
  /\b(polic(y|ies)|guidance|guidelines|procedures?)\b/.test(s.lower);

/** A sentence with such a title glued before it (a transcription's page run together): the sentence after the title. */
export function withoutTitle(s: Sentence): Sentence {
  const m = /^([^a-z]*\b(?:POLICY|GUIDANCE|GUIDELINES|PROCEDURES?)\b[^a-z]*?)\s+(?=[A-Z][a-z])/.exec(s.text);
  if (!m || !subjectsTitle({ ...s, isHeading: false, text: m[1], lower: m[1].toLowerCase() })) return s;
  const text = s.text.slice(m[0].length);
  return { ...s, text, lower: text.toLowerCase() };
}

/** The title or heading is about images or consent for them: its section (or, as a title, its page) is one of images. */
const aboutImages = (h: string) => images.test(h) || /\b(consent|permission) forms?\b/.test(h);
/** A heading about others' photographs ("Who Else Uses Images?", "Parents at Events", "The Media"): not the school's uses. */
const headingForOthers = (h: string) =>
  /\b(who else|others?|other people|parents?|carers?|families|visitors?|media|press|staff|by (pupils|children|students))\b/.test(h);
const titleForOthers = (h: string) => /\b(staff|employees?|code of conduct|parents'? (own )?(photography|photographs)|visitors?|acceptable use)\b/.test(h);

/** Carers asked to give consent for their child's images in prose; not carers asking others' permission (below). */
const proseRequests: RegExp[] = [
  // "Please sign the form to give your consent."
  /\bplease\b[^.?]{0,40}\b(give|grant|provide|sign|complete|return|indicate|confirm|tick|record)\b[^.?]{0,40}\b(consent|permission)\b/,
  // "With your permission, photographs may also be used on…"
  /^(with|given|subject to) (your|parental|parents'?|carers'?|written|prior|signed|express|the|their) ((parental|parents'?|carers'?|written|prior|signed|express) )*(permission|consent|agreement)\b/,
  // "We must have your written consent first."
  /\b(we|the school|the academy|the nursery) (must|need to|have to|will need to) (have|get|obtain|receive|hold) (your|parents'?|carers'?|parental|written|signed|prior| )+(consent|permission)\b/,
  // "Parents give / sign / return … consent"
  /\b(you|parents?|carers?|families|family|guardians?)\b[^.?]{0,40}\b(give|gives|grant|grants|provide|provides|sign|signs|complete|completes|return|returns|indicate|confirm)\b[^.?]{0,40}\b(consent|permission)\b/,
  // "Please tell us whether you give permission for…"
  /\b(tell|let) us (know )?(whether|if)\b[^.?]*\b(consent|permission|photo(graph)?s?|images?|pictures?|photographed|filmed)\b/,
  // "…whether they are happy for…"
  /\bwhether (or not )?(you|they|parents|carers|families) (give|grant|are happy|agree|consent|permit|allow)\b/,
  // "Parents can choose whether their child's photo may be published."
  /\b(choose|decide|say|indicate|tell us) whether (or not )?(their|your|the) (child|son|daughter|children)('s)? (photo(graph)?|image|picture)s? (may|can|will|should|could) be\b/,
  // "We ask every family…", "The Principal writes to ask for your permission…", "individual permissions"
  /\b(we|the school|the academy|the nursery|the setting|the trust|[a-z]+ (primary|school|academy|nursery)|the (head ?teacher|head|principal|head of school))( will| shall| must| always| therefore| writes to| write to| writing to| is writing to| are writing to| each year| every year| annually)* (ask|asks|seek|seeks|request|requests|need|needs|require|requires|obtain|obtains)\b[^.?]{0,50}\b(consents?|permissions?)\b/,
  // "Parents sign on entry … and whether they permit images to appear on…"
  /\b(you|parents?|carers?|families|guardians?)\b[^.?]{0,30}\b(sign|signs|indicate|indicates|confirm|confirms|tell us|say|says|decide|decides|choose|chooses)\b[^.?]{0,80}\bwhether (or not )?(they|you) (permit|allow|agree|consent|are happy|give)\b/,
  // "Carers sign to allow…"
  /\b(sign|signs|signed)( [a-z]+){0,3} to (allow|permit|agree|consent)\b/,
];
/**
 * Carers asking someone else ("please ask permission before you photograph other children"), or a permission that is not
 * the carers' ("we need permission from the copyright owner to use images on the website"): no request of theirs.
 */
const carersAsk =
  /\b(consent|permission) (of|from) (?!(the |a |each |every |their |your )?(parents?|carers?|families|family|guardians?|child's parents?|child's carers?|pupil's parents?|you)\b)|\b(you|parents?|carers?|visitors?)\b[^.]{0,30}\b(must|should|need to|are asked to|please) (ask|seek|get|obtain)\b|\b(ask|seek|get|obtain)s? (for )?(the )?(permission|consent) (of|from) (the )?(person|people|other|others|owner|their parents|the parents of)\b|\bbefore (you|they|parents|carers|visitors) (take|post|share|upload|film|photograph)\b/;

export function isRequest(s: Sentence): boolean {
  if (s.isHeading) return false;
  if (staffPermission(s.lower) || ruleSubject.test(s.lower)) return false;
  if (
    /\b(sought|asked|seek|seeks|request|requests|required|needed|need|needs|require|requires|ask|asks|give|agree|consent)\b/.test(s.negated) &&
    !/\bi do not give\b/.test(s.lower)
  )
    return false;
  // A condition ("only if you have agreed") is no request for the page's uses.
  if (/\bonly (if|when|once|where)\b|\bunless\b/.test(s.lower)) return false;
  // Consent for something beyond the page's uses ("for any other purpose we will ask separately", "we will not use them for
  // any reason other than above without your permission").
  if (
    /\b(any other|other than|separate|separately|further|additional|different|new) (purposes?|uses?|consent|permission)\b|\b(separate|separately|again)\b|\b(reasons?|purposes?|uses?|ways?) other than\b/.test(
      s.lower,
    )
  )
    return false;
  if (questionEnd.test(s.text.trim()) && question.test(s.lower)) return true;
  if (yesNo.test(s.lower)) return true;
  const lower = agreementAsConsent(s.lower);
  return (
    asksConsent(s) || directRequest.test(lower) || (proseRequests.some((pattern) => pattern.test(lower)) && !carersAsk.test(lower) && !otherSubject.test(lower))
  );
}

/** The uses a sentence names as the school's use of images; [] when it is none. */
/** A row of a form the carer marks ("On the school website  Yes / No", "☐ Newsletters"): it may stand as a short line of its own. */
const formRow = /\byes\s*\/\s*no\b|[☐□❑]|\[ ?\]|\byes\s+no\s*$/;

/**
 * The lead of a list that web copy flattened (each item a paragraph ending in ";" under a sentence ending in ":"), or
 * of a bulleted list: what the item hangs from; '' if none.
 */
function leadOf(sentences: Sentence[], i: number): string {
  if (sentences[i].item && sentences[i].lead) return sentences[i].lead;
  const section = sentences[i].section;
  if (!/;$/.test(sentences[i].text) && !(i > 0 && /;$/.test(sentences[i - 1].text))) return '';
  for (let j = i - 1; j >= 0 && j >= i - 12 && sentences[j].section === section; j--) {
    if (/:$/.test(sentences[j].text)) return sentences[j].lower;
    if (!/;$/.test(sentences[j].text)) return '';
  }
  return '';
}

/** What a negation withholds is the child's name beside the photographs, not the photographs: "full names alongside their photographs". */
const namesWithheld =
  /^(use|publish|print|give|include|show|put|add|display|attach)( [a-z']+){0,3} (full |first |sur)?names?( [a-z']+){0,2} (alongside|with|beside|next to|under|below|accompanying|on|in captions (of|for|to)|to caption|to accompany) (their |the |any |these |such |pupils'? |students'? |children's |a )?(photo(graph)?s?|images?|pictures?)\b/;

function usesOf(s: Sentence, listed: boolean, asked: boolean, before = '', own = false): string[] {
  // "You might see your child on our website" describes the school's use; "You must not post…" is a rule for carers.
  const seenByCarers = /^you (may|might|will|can|could|should) (also )?(see|spot|find|notice|recognise|recognize)\b/.test(s.lower);
  const forSchool = staffForSchool(s);
  if ((s.isHeading && !asked) || (!asked && !own && othersSubject.test(s.lower) && !seenByCarers && !forSchool) || (ownPhotos.test(s.lower) && !forSchool))
    return [];
  if (!own && noDescribedUse(s.lower)) return [];
  if (instruction.test(s.lower)) return [];
  if (/\b(unless|without|separate|separately|further|additional)\b/.test(withoutName(s.lower))) return [];
  // A table's row that says a channel is not used ("Social media  Not used", "Press  n/a") names no use.
  if (s.row && !formRow.test(s.lower) && /\b(not|never|no|none|n\/a)\b/.test(s.lower)) return [];
  // A use described, not one the page may ask about later: no condition, no hypothetical, nothing but images.
  // (A request's own uses may be asked "whether" or "if you are happy": it is the request.)
  if (!asked && !listed && !own && (conditional.test(s.lower) || (otherSubject.test(s.lower) && !images.test(s.lower)))) return [];
  // "We will not use pupils' full names alongside their photographs in the newsletter or on our website": the name is
  // withheld, the photographs are used there.
  const negated = namesWithheld.test(s.negated) && !/\b(photo(graph)?s?|images?|pictures?) (are|will|is)( be)? (not|never)\b/.test(s.lower) ? '' : s.negated;
  if (/\b(use|used|publish|published|shown|displayed|shared|posted|appear|put|upload|uploaded|include|included|feature|featured|share|post)\b/.test(negated))
    return [];
  // The press's own photographs are not the school's use; class photographs by a visiting photographer are.
  const byOthers = !asked && !listed && othersPhotographs.test(s.lower);
  // A use is a verb of using images, or an item of a list about them, or a question asked of the carer.
  // A question just before it ("Where will my child's picture be seen?") says what an answer is about.
  const context = `${s.lower} ${s.lead ?? ''} ${s.previous ?? ''} ${before}`;
  if (!asked && !listed && !(useVerb.test(s.lower) && images.test(context))) return [];
  const keys = namedUses(s.lower, negated);
  return byOthers
    ? keys.filter((key) => key === 'class-photo' && !/\b(press|newspapers?|media|journalists?|reporters?|television|tv|paper)\b/.test(s.lower))
    : keys;
}

/** The list items of the section before (or after) sentence at. */
function listAround(sentences: Sentence[], at: number, forward: boolean): number[] {
  const section = sentences[at].section;
  const out: number[] = [];
  const step = forward ? 1 : -1;
  // A form's rows may stand as short lines of their own, each read as a heading: they stay in the list.
  const entry = (i: number) => Boolean(sentences[i].item) || formRow.test(sentences[i].lower) || Boolean(sentences[i].row);
  // A table's rows (a Markdown table: its header and rule open sections of their own) stay in the list too.
  const tableRow = (i: number) => /^\|/.test(sentences[i].text) || Boolean(sentences[i].row);
  const inside = (i: number) => i >= 0 && i < sentences.length && (sentences[i].section === section || formRow.test(sentences[i].lower) || tableRow(i));
  let i = at + step;
  // Skip the prose between the request and its list (a paragraph or two), then take the list.
  let skipped = 0;
  while (inside(i) && !entry(i) && skipped < 3) {
    i += step;
    skipped++;
  }
  while (inside(i) && (entry(i) || (sentences[i].previous && !forward))) {
    if (entry(i)) out.push(i);
    i += step;
  }
  return out;
}

/** Consent uses a page names as the school's use of images, on a page (or section) that asks carers for consent for images. */
/** A heading about another matter than the school's own use of images: copies parents order, parents' own photographs… */
const otherMatter = (h: string) => headingForOthers(h) || /\b(cop(y|ies)|purchas\w*|order(s|ing)?|buy(ing)?|sell(ing)?|prints|reprints)\b/.test(h);

/**
 * The sections whose opt-out is theirs alone: "if you do not wish for this to happen" under "Copies of photographs" is
 * about copies other parents ask for, not the page's uses. null when an opt-out stands anywhere else (the page is opt-out).
 */
function fencedOptOuts(sentences: Sentence[]): Set<number | undefined> | null {
  const fenced = new Set<number | undefined>();
  for (const s of sentences) {
    if (!optOut.test(s.lower) && !optsOutOtherwise(s.lower) && !noActionOptOut.test(s.lower)) continue;
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
function optOutOptions(sentences: Sentence[]): StructuralFound[] {
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
function optOutOfListAbove(sentences: Sentence[]): StructuralFound[] {
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

export function pageConsent(all: Sentence[]): StructuralFound[] {
  const fenced = all.length ? fencedOptOuts(all) : null;
  if (!fenced) return [...optOutOptions(all), ...optOutOfListAbove(all)];
  // (An opt-out fenced in its own section is still that section's list's.)
  const listOptOuts = fenced.size ? optOutOfListAbove(all) : [];
  // The sections of an opt-out about another matter are left out whole: neither their requests nor their uses are read.
  const sentences = fenced.size ? all.map((s) => (fenced.has(s.section) ? { ...s, lower: '', text: '', negated: '' } : s)) : all;
  const otherBasis = new Set(sentences.flatMap(basisStated));
  // "We do not need consent for photographs used within school", "…taken for educational purposes or as records of
  // evidence … therefore consent is not required": the uses inside school have another basis.
  if (sentences.some((s) => saysNoConsent(s) && insideSchool.test(s.lower))) otherBasis.add('displays');
  if (sentences.some((s) => saysNoConsent(s) && !basisStated(s).length && !insideSchool.test(s.lower))) return [];
  const title = sentences[0].isHeading ? sentences[0].lower : '';
  if (titleForOthers(title)) return [];
  const headings = new Map<number | undefined, string>();
  for (const s of sentences) if (s.isHeading && !headings.has(s.section)) headings.set(s.section, s.lower);
  const headingOf = (section: number | undefined) => headings.get(section) ?? '';
  // A page that opens with a request for consent for images ("All parents need to provide consent for photography…")
  // is about images, as a title would say.
  const opening = sentences[0];
  const pageOfImages = aboutImages(title) || (!opening.isHeading && images.test(opening.lower) && !otherSubject.test(opening.lower) && isRequest(opening));

  const found: StructuralFound[] = [];
  const seen = new Set<string>();
  const add = (request: Sentence, i: number, keys: string[], quoteRequest = true) => {
    for (const key of keys) {
      if (otherBasis.has(key)) continue;
      // Consent for uses "outside school" asks nothing about displays inside it.
      if (key === 'displays' && /\b(outside|beyond) (the )?(school|nursery|setting|academy)\b|\bexternal(ly)?\b/.test(request.lower)) continue;
      const setting = `consent.purposes.${key}.active`;
      if (seen.has(`${setting} ${i}`)) continue;
      seen.add(`${setting} ${i}`);
      const use = sentences[i];
      found.push({ setting, value: true, quote: quoteRequest && request !== use ? `${request.text} … ${use.text}` : use.text, line: use.line, order: i });
    }
  };

  // What each sentence names as a use when a request reaches it, read once: a long page stays fast with many requests.
  const read = new Map<number, string[]>();
  const pageUse = (i: number) => {
    let keys = read.get(i);
    if (!keys) {
      const use = sentences[i];
      // A heading listing the media the policy covers ("Using Images of Children: Photographs, Videos, Websites and
      // Webcams Policy") names its subjects, not a use the school makes of the child's image.
      if (subjectsTitle(use)) {
        read.set(i, []);
        return [];
      }
      // A list that hangs from a lead about the school's use of images is what the carer agrees to; other sentences
      // must use images themselves.
      const lead = leadOf(sentences, i);
      const listed = Boolean(lead && images.test(lead) && useVerb.test(lead) && !ownPhotos.test(lead) && !ruleSubject.test(lead));
      // A row of the consent form the carer marks is a use asked about.
      const question = i > 0 && !use.previous && /\?$/.test(sentences[i - 1].text) ? sentences[i - 1].lower : '';
      keys = usesOf(withoutTitle(use), listed, formRow.test(use.lower) && !othersSubject.test(use.lower), question);
      read.set(i, keys);
    }
    return keys;
  };
  sentences.forEach((request, at) => {
    if (!isRequest(request)) return;
    const heading = headingOf(request.section);
    if (titleForOthers(heading)) return;
    // "Photos are also used in our prospectus. For us to do this we need your consent.": the sentence before on the page,
    // in the same section, when the request points back to it ("this", "these", "so", "them") or is a bare request.
    const before = at > 0 && sentences[at - 1].section === request.section && !sentences[at - 1].isHeading ? sentences[at - 1].lower : '';
    const imagesBefore =
      images.test(request.previous ?? '') ||
      (images.test(before) && (/\b(this|these|them|so|it|that|such)\b/.test(request.lower) || !images.test(request.lower)));
    // A question whether the child may appear on a channel ("Are you happy for your child to appear in the media?") is
    // about the child's image, as a form of such questions is, whatever its heading.
    const appearsOn =
      questionEnd.test(request.text.trim()) &&
      question.test(request.lower) &&
      /\b(your|the|their) (child|son|daughter|children)\b[^?]*\b(appear|appears|appearing|be shown|be featured|feature|be pictured)\b/.test(request.lower);
    const ofImages = images.test(request.lower) || imagesBefore || aboutImages(heading) || pageOfImages || appearsOn;
    if (!ofImages) return;
    // Consent asked for something else (a trip, the internet) names none of the page's uses of images.
    if (!images.test(request.lower) && otherSubject.test(request.lower)) return;
    if (images.test(request.lower) === false && !consentWord.test(request.lower) && !yesNo.test(request.lower) && !question.test(request.lower)) return;
    // A question names its own uses ("May we put your child's picture on our website?"), the press's included.
    // ("…to be used in these ways?" points to a list: read below.)
    if (questionEnd.test(request.text.trim()) && question.test(request.lower) && !refersBack.test(request.lower) && !refersForward.test(request.lower)) {
      // Only a question about the child's image: "Can we use social media to contact you?" asks about no image.
      const ofChild =
        images.test(request.lower) ||
        /\b(your|the|their) (child|son|daughter|children)\b[^?]*\b(appear|appears|appearing|be shown|be seen|be featured|feature|be included|be filmed|be photographed|be pictured)\b/.test(
          request.lower,
        );
      if (ofChild) add(request, at, usesOf(request, true, true), false);
      return;
    }
    const back = refersBack.test(request.lower);
    // "Please circle Yes or No for each." over the form's rows: the rows after it.
    const rowsNext = yesNo.test(request.lower) && at + 1 < sentences.length && formRow.test(sentences[at + 1].lower);
    const forward = refersForward.test(request.lower) || (rowsNext && !back);
    if (back && forward) return;
    // "Please answer yes or no to each of the ways listed above": the list before it; "the following": the list after.
    if (back || forward) {
      const list = listAround(sentences, at, forward);
      // A table's row (its cells a heading-like line) is a row the carer answers, as a form's is.
      for (const i of list) add(request, i, usesOf(sentences[i], true, formRow.test(sentences[i].lower) || Boolean(sentences[i].row)));
      // "Please complete the slip below to tell us whether…": the slip, not a list of uses; the page's uses are read below.
      if (list.length || !/\b(slip|form|reply|tear[- ]off|section|box(es)?)\b/.test(request.lower)) return;
    }
    // (…unless it asks "whether they agree to images of their child appearing on…": a request naming its own uses.)
    if (yesNo.test(request.lower) && !consentWord.test(request.lower) && !(images.test(request.lower) && /\bwhether\b/.test(request.lower))) return;
    // The request's own uses, then the page's (a page of images) or its section's and the sections of images after it.
    const own = usesOf(request, false, false, '', true);
    add(request, at, own, false);
    // A request that names its own uses outside school ("a consent form for photographs on our website and in the local
    // press") asks nothing about displays another sentence ties to learning inside school ("…for learning journeys and
    // for display in the playroom").
    // (One that also asks about a use inside school, "…to allow photographs of their child on entry, including for learning
    // journeys, and whether they permit images on our website…", asks about the page's displays too.)
    // (The uses it names with no verb of use count: "Parents sign a form giving consent for photographs on our website".)
    const named = own.length ? own : namedUses(request.lower, request.negated);
    const outsideOnly = named.length > 0 && !named.includes('displays') && !insideSchool.test(request.lower);
    const inScope = (i: number) => {
      if (pageOfImages) return true;
      if (sentences[i].section === request.section) return aboutImages(heading) || images.test(request.lower) || imagesBefore;
      if (!aboutImages(heading)) return false;
      for (let section = (request.section ?? 0) + 1; section <= (sentences[i].section ?? 0); section++) if (!aboutImages(headingOf(section))) return false;
      return (sentences[i].section ?? 0) > (request.section ?? 0);
    };
    sentences.forEach((use, i) => {
      if (i === at || !inScope(i)) return;
      if (use.section !== request.section && headingForOthers(headingOf(use.section))) return;
      add(
        request,
        i,
        pageUse(i).filter((key) => !(outsideOnly && key === 'displays' && insideSchool.test(use.lower))),
      );
    });
    // The title names the channel ("Permission for Photographs to be Published on the School Website").
    if (pageOfImages && useVerb.test(title) && (consentWord.test(title) || /\bforms?\b/.test(title)))
      add(
        request,
        0,
        purposes.filter(([, pattern]) => pattern.test(title)).map(([key]) => key),
      );
  });
  // On a page that asks for consent for images and names its uses, "This form is valid for the duration of your child's
  // time here" is that consent's form, whatever the page's heading (a web form may have none but its menu).
  if (found.length)
    sentences.forEach((s, i) => {
      for (const f of formLapse(s)) found.push({ ...f, quote: s.text, line: s.line, order: i });
    });
  // A use a list's opt-out covers is no use carers are asked about.
  const optedOut = new Set(listOptOuts.map((f) => f.setting.replace(/\.basis$/, '.active')));
  return [...found.filter((f) => !optedOut.has(f.setting)), ...listOptOuts];
}
