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
import { basisStated } from './consent.basis.ts';
import { namedUses, purposes } from './consent.uses.ts';
import { formLapse } from './lapse.table.ts';
import { fencedOptOuts, otherBases, optOutOfListAbove, optOutOptions } from './page.opt-out.ts';
import {
  aboutKeeping,
  aboutImages,
  asksEach,
  conditional,
  consentWord,
  formRow,
  groupPhotos,
  headingForOthers,
  images,
  insideSchool,
  instruction,
  isRequest,
  noDescribedUse,
  otherSubject,
  othersPhotographs,
  othersSubject,
  ownPhotos,
  question,
  questionEnd,
  refersBack,
  refersForward,
  ruleSubject,
  saysNoConsent,
  staffForSchool,
  subjectsTitle,
  titleForOthers,
  useVerb,
  withoutName,
  withoutTitle,
  yesNo,
} from './page.words.ts';
import type { StructuralFound } from './structure.ts';
import type { Sentence } from './text.ts';
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
/** "(no names will be used)": what is withheld is the name, said on its own. */
const nameWithheld =
  /^(the |their |pupils'? |children's |a child's |your child's )?(full |first |sur)?names? (will |are |is |shall |may )?(be )?(used|given|printed|published|shown|included|added)\b/;

/** The uses a sentence names as the school's use of images; [] when it is none. */
function usesOf(s: Sentence, listed: boolean, asked: boolean, before = '', own = false): string[] {
  // "You might see your child on our website" describes the school's use; "You must not post…" is a rule for carers.
  const seenByCarers = /^you (may|might|will|can|could|should) (also )?(see|spot|find|notice|recognise|recognize)\b/.test(s.lower);
  const forSchool = staffForSchool(s);
  if ((s.isHeading && !asked) || (!asked && !own && othersSubject.test(s.lower) && !seenByCarers && !forSchool) || (ownPhotos.test(s.lower) && !forSchool))
    return [];
  if (!own && noDescribedUse(s.lower)) return [];
  if (instruction.test(s.lower)) return [];
  // How long photographs are kept: no use of them.
  if (!asked && aboutKeeping(s.lower)) return [];
  if (/\b(unless|without|separate|separately|further|additional)\b/.test(withoutName(asksEach(s.lower)))) return [];
  // A table's row that says a channel is not used ("Social media  Not used", "Press  n/a") names no use.
  if (s.row && !formRow.test(s.lower) && /\b(not|never|no|none|n\/a)\b/.test(s.lower)) return [];
  // A use described, not one the page may ask about later: no condition, no hypothetical, nothing but images.
  // (A request's own uses may be asked "whether" or "if you are happy": it is the request.)
  if (!asked && !listed && !own && (conditional.test(s.lower) || (otherSubject.test(s.lower) && !images.test(s.lower)))) return [];
  // "We will not use pupils' full names alongside their photographs in the newsletter or on our website": the name is
  // withheld, the photographs are used there.
  const negated =
    (namesWithheld.test(s.negated) || nameWithheld.test(s.negated)) && !/\b(photo(graph)?s?|images?|pictures?) (are|will|is)( be)? (not|never)\b/.test(s.lower)
      ? ''
      : s.negated;
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

/** The school's own records of a child: identification, security, medical needs, recording learning. */
const ownRecords =
  /\b(identification|identity|id (photos?|photographs?|cards?|badges?|passes?)|management information system|mis|security|medical|recording (children's |pupils' |students' )?(learning|progress|achievement)|(education(al)?|learning|pupil|assessment) records?|evidence (for|of) learning|learning journals?|assessment|visual timetables?|communication (books?|boards?)|symbol cards?)\b/;

/** A sentence saying some uses need no consent, not the page's: a label, a pointer to a list, "this", "even where". */
const someUsesOnly =
  /^(uses|what|which|these|this|those|some|certain|other|the following|even)\b|\b(listed|set out|described|given) (in|below|above|at)\b|\bsection \d|\bthe following\b|\beven (where|when|if)\b|\b(these|those|such|some|certain|other) (uses|purposes|photo(graph)?s|images|pictures)\b/;

/** Consent uses a page names as the school's use of images, on a page (or section) that asks carers for consent for images. */
export function pageConsent(all: Sentence[]): StructuralFound[] {
  const fenced = all.length ? fencedOptOuts(all) : null;
  if (!fenced) return [...optOutOptions(all), ...optOutOfListAbove(all)];
  // (An opt-out fenced in its own section is still that section's list's.)
  const listOptOuts = fenced.size ? optOutOfListAbove(all) : [];
  // The sections of an opt-out about another matter are left out whole: neither their requests nor their uses are read.
  const sentences = fenced.size ? all.map((s) => (fenced.has(s.section) ? { ...s, lower: '', text: '', negated: '' } : s)) : all;
  // (Nor is a scoped opt-out's use, "class photos … unless you tell the office", nor an item under "We do not ask for
  // consent for:".)
  const otherBasis = otherBases(sentences);
  // "We do not need consent for photographs used within school", "…taken for educational purposes or as records of
  // evidence … therefore consent is not required": the uses inside school have another basis.
  if (sentences.some((s) => saysNoConsent(s) && insideSchool.test(s.lower))) otherBasis.add('displays');
  // (Not one about the school's own records, "Images used for identification (the MIS photo…) and for recording learning
  // … we do not need consent for these": those uses, not the page's.)
  // (Nor one over a list, "Consent is not required for images taken for the following purposes:": the list's uses.)
  if (
    sentences.some(
      (s) =>
        saysNoConsent(s) &&
        // (A heading, "When we don't need consent", opens the uses that follow it, not the page's; so does a label, "Uses that
        // do not need consent.", and a sentence about some uses, "These are listed in section 5 as uses that do not require
        // consent", "This is part of the assessment and does not require consent", "Even where consent is not needed…".)
        !s.isHeading &&
        !someUsesOnly.test(s.lower) &&
        !basisStated(s).length &&
        !insideSchool.test(s.lower) &&
        !(
          (ownRecords.test(s.lower) || (/\b(for|of|with) (this|these|them|that|those)\b/.test(s.lower) && ownRecords.test(s.previous ?? ''))) &&
          !namedUses(s.lower).some((key) => key !== 'displays' && key !== 'class-photo')
        ) &&
        !/:$/.test(s.text),
    )
  )
    return [];
  const title = sentences[0].isHeading ? sentences[0].lower : '';
  if (titleForOthers(title)) return [];
  const headings = new Map<number | undefined, string>();
  for (const s of sentences) if (s.isHeading && !headings.has(s.section)) headings.set(s.section, s.lower);
  const headingOf = (section: number | undefined) => headings.get(section) ?? '';
  // A page that opens with a request for consent for images ("All parents need to provide consent for photography…")
  // is about images, as a title would say.
  const opening = sentences[0];
  // (A school's name on the first line, then "Photography and Video Policy": the page's title is its second heading.)
  const schoolsName = /\b(school|academy|primary|college|nursery|pre-?school|federation|trust|infants?|juniors?|high)\b/.test(title);
  const subtitle = sentences[1]?.isHeading && sentences[0].isHeading && schoolsName && !aboutImages(title) ? sentences[1].lower : '';
  const pageOfImages =
    aboutImages(title) ||
    (Boolean(subtitle) && aboutImages(subtitle) && !titleForOthers(subtitle)) ||
    (!opening.isHeading && images.test(opening.lower) && !otherSubject.test(opening.lower) && isRequest(opening));

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
    // "Please circle Yes or No for each." over the form's rows: the rows after it. (A row that ends its words with a full
    // stop, "1. Photographs … on the website.   [ ] Yes  [ ] No", reads as two sentences, its boxes the second.)
    // (A Markdown table's header and rule, "| | Yes | No |" and "|---|---|", stand between the request and its rows.)
    const rows = sentences.slice(at + 1, at + 5).filter((row, i) => i < 2 || formRow.test(row.lower));
    const rowsNext = yesNo.test(request.lower) && rows.some((row) => formRow.test(row.lower));
    // Rows that say they are about images ("Photographs of my child may be used…"): a form of images, whatever the heading
    // above it (a form's title run into its first line).
    const rowsOfImages = rowsNext && [rows[0], rows.find((row) => formRow.test(row.lower))].some((row) => row && images.test(row.lower));
    const ofImages = images.test(request.lower) || imagesBefore || aboutImages(heading) || pageOfImages || appearsOn || rowsOfImages;
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
    // ("The form asks separately about photographs in the newsletter, on the website…": the form's questions, asked.)
    const formAsks =
      /\b(forms?|slips?) (asks?|covers?)( you| parents| carers)?( separately| individually)? (about|for|whether)\b|\b(forms?|slips?) (lists?|names?|sets? out|includes?) (each|every|all the|the) (uses?|purposes?|ways?)\b/.test(
        request.lower,
      );
    const own = usesOf(request, false, formAsks, '', true);
    add(request, at, own, false);
    // Consent asked for one kind of picture, group photographs with other children ("We will ask for your consent to show
    // your child in a group setting…", "Parents give explicit permission for their child to be included in group photos"):
    // the uses it names itself, not the page's.
    if (groupPhotos.test(request.lower)) return;
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
