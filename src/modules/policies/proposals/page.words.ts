/**
 * The words the page-level reader of consent uses (page.ts) and the section reader (structure.ts) share: what names
 * images, a request for consent, a use, a condition, someone else's photographs, and the headings around them.
 */
import { agreementAsConsent, asksConsent, staffPermission } from './consent.asks.ts';
import { type Sentence } from './text.ts';
import { aboutSchoolsOwnName } from './roles.ts';

export const images = /\b(photo(graph)?s?|photographic|photography|photographed|photographing|images?|pictures?|videos?|filmed|filming|footage)\b/;
export const consentWord = /\b(consent|permission)s?\b/;

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
export const saysNoConsent = (s: Sentence) =>
  noConsent.test(s.lower) &&
  // "No member of staff may set up an account that uses the academy's name or logo without permission": the school's brand.
  !aboutSchoolsOwnName(s.lower) &&
  // "Cyberbullying … includes sharing images without consent": a wrong someone does, not the school's basis.
  !/\b(shar(e|es|ed|ing)|post(s|ed|ing)?|tak(e|es|en|ing)|distribut\w*|circulat\w*|forward\w*|send(s|ing)?|sent|film(s|ed|ing)?|photograph(s|ed|ing)?|record(s|ed|ing)?)\b[^.;]{0,40}\bwithout (their |the |someone's |a person's |the person's )?(consent|permission)\b/.test(
    s.lower,
  ) &&
  !/\b(bully\w*|bullied|cyberbull\w*|harass\w*|abus(e|ive)|offences?|crimes?|criminal|illegal|unlawful|misuse|sanctions?)\b/.test(s.lower) &&
  (noConsent.test(s.lower.replace(/\bwithout (the need for )?(parental |your )?(consent|permission)\b/g, '')) ||
    (!/\b(if|unless|failure|fails?|not|never|must|should|delete|deleted|removed?|breach|disciplinary)\b/.test(s.lower) && !othersSubject.test(s.lower)));

/** The uses inside school: displays, records of learning, educational purposes. */
export const insideSchool =
  /\b(within|in|inside|around) (the )?(school|nursery|setting|academy|classrooms?)\b|\binternal(ly)?\b|\beducational purposes\b|\brecords? of (evidence|learning|achievement|progress)\b|\b(assessment|learning journals?|learning journeys?)\b/;

/** A rule for someone else's photographs or conduct: staff, parents' own pictures, personal devices and accounts. */
export const othersSubject =
  /^(staff|pupils?|students?|parents?|carers?|visitors?|families|relatives|grandparents|friends|employees?|volunteers?|governors?|members of staff|no one|nobody|anyone|you)\b(?!')/;
/** A request or a list's lead whose subject is staff, pupils or visitors is their rule; "Parents are asked…" is a request. */
export const ruleSubject = /^(staff|pupils?|students?|visitors?|employees?|volunteers?|governors?|members of staff|no one|nobody|anyone)\b(?!')/;
export const ownPhotos =
  /\b(personal|own|private) (social media|accounts?|devices?|phones?|cameras?|profiles?|use|photo(graph)?s?|images?|pictures?|videos?|recordings?)\b|\bfor (their|your) own\b|\b(parents?|carers?|visitors?|families|relatives|grandparents) (may|can|are (welcome|allowed|permitted) to|wish to|who wish to|are asked not to|should not|must not) (take|film|record|photograph)\b|\bstaff\b[^.]*\b(must|should|will|are (expected|required))\b/;

/**
 * Staff taking photographs for the school's own purposes: "Staff and volunteers may take photographs on the school's
 * cameras, to be used for display purposes in the nursery", "Teachers take pictures … for use in the newsletter". The
 * purpose is the school's use; not a rule on staff's conduct (must, should, never, personal devices: ownPhotos).
 */
export const staffForSchool = (s: Sentence) =>
  /^(staff|members of staff|teachers|practitioners|key workers|employees)\b[^.]*\b(may|can|will|are (able|allowed|permitted|encouraged) to|regularly|often|routinely)\b[^.]*\b(take|taking|photograph|film|record)\b[^.]*\b(to be used (for|in|on|as)|for use (in|on|as)|for (the )?(purposes? of )?display)\b/.test(
    s.lower,
  ) &&
  !s.negated &&
  !/\b(must|should|never|not|unless|if|personal|own|private)\b/.test(s.lower);

/** The press or a photographer visiting takes its own photographs: no use of the school's images unless asked about. */
export const othersPhotographs =
  // (…and "the use of cameras … by parents, pupils and the media": the media's own cameras.)
  /\b(cameras?|filming equipment|photography|filming|video equipment)\b[^.]*\bby\b[^.]*\b(the )?(media|press|journalists?|reporters?)\b|\b(press|media|newspaper photographers?|photographers?|journalists?|film crews?|reporters?|television)\b[^.]*\b(take|takes|taking|visit|visits|attend|attends|come|comes|are in school|is in school)\b|\bvisited by\b|\b(taken|filmed|recorded) by (the |a |an |local |visiting )*(press|media|newspapers?|photographers?|journalists?|reporters?|television|tv)\b/;

/** A verb of the school using or publishing images. */
export const useVerb =
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

/** A form that "asks separately about" each use asks about them one by one: no consent beyond the page's uses. */
export const asksEach = (lower: string) =>
  lower
    .replace(/\b(asks?|asked|covers?) (you |parents |carers )?(separately|individually) (about|for|whether)\b/g, 'asks about')
    .replace(/\b(is|are) (sought|asked|requested|given|obtained) (separately|individually) (for|about)\b/g, '$1 $2 for')
    .replace(/\b(agree|consent)( \(or not\))? (separately|individually) to\b/g, '$1 to')
    .replace(/\b(lists?|names?|sets? out) (each|every) (use|purpose|way)s? (separately|individually)\b/g, '$1 each use');

/** A request for consent, or a question the carer answers yes or no, or a pointer to the uses to answer. */
export const question =
  /^(may|can|could) (we|the school|the academy|the nursery|the setting|staff) (use|publish|include|display|show|put|post|share|take|photograph|film|print|feature|allow|permit|let|invite|arrange for)\b|^(are|would) you (be )?(happy|content|willing|agreeable|ok|okay)\b|^do you (agree|consent|give (your )?(permission|consent)|give us|allow|permit)\b|^(is it|will it be) (ok|okay|alright|all right)\b|^(does|do) (the school|we) have (your )?(permission|consent)\b|^(may|can|could) (your (child|son|daughter|son or daughter)|photo(graph)?s|images|pictures|videos|the [a-z' ]{2,40}?)( of your (child|son|daughter))? (appear|be (photographed|filmed|pictured|shown|featured|included|used|published)|have [a-z ]{0,30}photo(graph)?s taken|use|publish|print|take|film|photograph|include|show|share|post|feature)\b/;
/** A question's end: "?", perhaps with the marks the carer answers by ("? Yes / No", "? ☐"). */
export const questionEnd = /\?(\s*(yes\s*\/\s*no|yes|no|y\s*\/\s*n|[☐□❑]|\[ ?\]|\*))*\s*$/i;
export const yesNo = /\byes"?(?: \([a-z]{1,4}\))? or "?no\b|\byes\s*\/\s*no\b|\b(tick|circle|delete|indicate|answer)\b[^.]*\b(yes|no|agree|consent|each)\b/;
const directRequest =
  // "The form asks separately about photographs in school displays, the school website…": the consent form's questions.
  /\b(the|this|our|each|a) ([a-z]+ ){0,3}(forms?|slips?) (asks?|covers?)( you| parents| carers)?( separately| individually)? (about|for|whether)\b|\b(the|this|our|each|a) ([a-z]+ ){0,3}(forms?|slips?) (lists?|names?|sets? out|includes?) (each|every|all the|the) (uses?|purposes?|ways?)\b|\b(agree|agrees|consent|consents|permission) to (your|their|my|his|her|the) (child|son|daughter|children|pupils?)( or children)? (being|to be) (photographed|filmed)\b|\bi (hereby )?(give|grant|do not give|agree|consent|am happy|authori[sz]e|allow|permit)\b|\b(consent|permission) (to|for) (your|my|their|the) (child|son|daughter|children)('s)? (being|to be) (photographed|filmed)\b|\b(consent|permission) (to|for) (the use of|using|use of|the taking of|taking) (photo(graph)?s?|images?|pictures?)\b|\b(asked|ask you|asks parents|ask parents|asks carers|ask carers|invited) (to )?(give|sign|grant|provide|complete)\b[^.]*\b(consent|permission|form)\b/;

export const refersBack = /\b(above|listed|set out|described|these (uses|ways|options))\b(?! the age)/;
export const refersForward = /\bthe following\b|\bbelow\b/;

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
export const aboutImages = (h: string) => images.test(h) || /\b(consent|permission) forms?\b/.test(h);
/** A heading about others' photographs ("Who Else Uses Images?", "Parents at Events", "The Media"): not the school's uses. */
export const headingForOthers = (h: string) =>
  /\b(who else|others?|other people|parents?|carers?|families|visitors?|media|press|staff|by (pupils|children|students))\b/.test(h);
export const titleForOthers = (h: string) =>
  /\b(staff|employees?|code of conduct|parents'? (own )?(photography|photographs)|visitors?|acceptable use)\b/.test(h);

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
      asksEach(s.lower),
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

/**
 * A row of a form the carer marks ("On the school website  Yes / No", "☐ Newsletters", a Welsh school's "Ie / Na"): it
 * may stand as a short line of its own.
 */
export const formRow = /\byes\s*\/\s*no\b|\bie\s*\/\s*na\b|[☐□❑]|\[ ?\]|\byes\s+no\s*$/;

/** A heading about another matter than the school's own use of images: copies parents order, parents' own photographs… */
export const otherMatter = (h: string) => headingForOthers(h) || /\b(cop(y|ies)|purchas\w*|order(s|ing)?|buy(ing)?|sell(ing)?|prints|reprints)\b/.test(h);

/** Group photographs, or other children appearing with the child: a kind of picture consent may be asked for on its own. */
export const groupPhotos = /\bgroup (photo(graph)?s?|pictures?|images?|shots?|settings?)\b|\bother (children|pupils) (will |may |would )?(also )?appear\b/;

/** How long photographs are kept ("…we delete them, apart from whole-class photos, which go in the history folder"): no use of them. */
export const aboutKeeping = (lower: string) =>
  /\b(delete|deletes|deleted|deleting|keep|keeps|kept|store|stores|stored|archived?|retain|retains|retained|retention)\b/.test(lower) &&
  // (A "shared drive" or "shared area" is where they are kept, not a sharing of them.)
  !/\b(publish|published|post|posted|display|displayed|share|shared|appear|appears)\b/.test(
    lower.replace(/\bshared (drive|area|folder|network|storage|server|space)s?\b/g, ' '),
  );
