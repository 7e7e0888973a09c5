/**
 * Whether a sentence asks carers for consent for images (or says that what it names needs it), whether or not it names
 * the uses: the school asking, a double negative ("no photographs … without consent", "… unless consent has been
 * given"), "only with consent", a form that covers the uses; not staff's approval, nor a rule for everyone's posting.
 */
import { type Sentence } from './text.ts';
import { rolesIn } from './roles.ts';

const schoolAsks =
  /\b(permissions? (is |are |will be )?(sought|requested|asked|obtained|gained)|(parents?|carers?)( and carers| \/ carers|\/carers)? (are|will be) asked (to give|for|to sign|to complete|to consent)|(we|the school|the academy|school|academy) (will )?(seek|ask for|request|obtain)s? ([a-z]+ )*(permission|consent)|(we|the school|the academy|the nursery) (will )?(always )?(ask|seek|request|obtain|get)s? (for )?(your|their|parents'?|carers'?|parental|written|signed| )+(permission|consent)\b|(parental |written )?(consent|permission) (is|are|will be) (gathered|collected|obtained|sought)\b|\b(consent|permission) (is|are|will be) (asked( for)?|sought|requested|obtained|given) separately\b|(we|the school|the academy) (will )?(always )?asks? (all |every |each )?(parents?|carers?|families|family)( and carers| or carers| \/ carers|\/carers)? for (their |your |written |signed )*(permission|consent)|consent (form|is sought|will be sought|is requested)|(permission|consent) (for|to) [a-z ]+ (is|will be) (sought|requested|asked)|(permission|consent)\b[^.]{0,60}\b(is|are|will be) (sought|obtained|requested|gained|asked for) (before|for|to)|(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? (are|will be) asked\b[^.]{0,50}\bwhether\b[^.]{0,80}\b(may|can|could|is allowed to) be (used|published|shown|shared|displayed))\b|\b(we|the [a-z-]+|our [a-z-]+) (will )?(always )?(ask|invite|request)s? (all )?(parents?|carers?|families|you)( and carers| or carers| \/ carers|\/carers)? (to (give|sign|complete|provide|grant|return) )([a-z']+ ){0,3}(permission|consent)\b|\b(ask|request)s? that (parents?|carers?|families|you) (give |provide )?(consent|permission|their consent)\b|\b(you|parents?|carers?)( and carers| or carers)? (can|may) (give )?(consent|permission) (to|for)\b|\bi (give|grant) (my )?(permission|consent)\b|\b(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? (give|gives|provide|provides|grant|grants) (their )?(written |signed )?(consent|permission) (on (admission|entry|joining) |when [a-z ]+ )?(for|to)\b|\bi consent to\b|\b(parents?|carers?|families|guardians?|you)( and carers| or carers| \/ carers|\/carers)? (sign|signs|complete|completes|return|returns) (a|an|the|our) ([a-z-]+ ){0,2}(forms?|slips?|letters?) (giving|granting|to give|to grant|providing) (their |your |written )?(consent|permission) (for|to)\b|\b(we|the school|the academy|the nursery|the setting|the trust)( will| shall)? [^.]{0,80}\b(request|requests|seek|seeks|obtain|obtains|ask for|asks for|gain|gains) (the )?((parents?|carers?|guardians?)('s|s'|')?( ?\/ ?| and | or | or the |, )?){1,3} ?(written |signed |express |prior )?(permission|consent)\b|\b(we|i) (are|am|would like|wish|want|write|are writing|am writing) (to )?(ask|seek|request|asking|seeking|requesting)( for)? (your|parents'?|carers'?|parental|written|signed| )+(permission|consent) (to|for)\b|\b(we|i) (would like|need|require|will need|are requesting|are seeking) (your|parents'?|carers'?|parental|written|signed| )+(permission|consent) (to|for)\b|\b(permission|consent)\b[^.]{0,60}\bmust be (sought|obtained|requested|gained|given) (before|for|to|prior)\b|\b(parental |parents'? |carers'? |written )?(consent|permission) (is|are|will be) (required|needed) (before|for|to|prior)\b[^.]*\b(photo(graph)?s?|images?|pictures?|videos?)\b|\b(consent|permission) (is |will be )?(obtained|sought|requested|asked for) (on each occasion|each time|every time|beforehand|in advance)\b|\b(parents?|carers?|families|guardians?)( and carers| or carers| \/ carers|\/carers|\(s\)\/guardians?\(s\)|\/guardians?)? (all )?(need|needs|have|has|are required|is required|will need|must|are asked) to (provide|give|grant|sign|complete) (their |your |written |signed )*(consent|permission)\b|^(when|where|once|provided|after|if) (parental |your |their |written )*(consent|permission) (has been|have been|is|was) (provided|given|granted|obtained|received)\b[^.]*\b(we|the school|the academy|the trust|the nursery) (will |may |can |would )?(use|uses|publish|publishes|display|displays|share|shares|include|includes)\b/;

/**
 * "No photographs will be posted without the parents' written consent": a double negative, so consent is asked.
 * Only the school's own use: a rule for staff, pupils or parents, or for personal accounts and devices, is conduct.
 */
const notWithoutConsent =
  /\bno (child|pupil|student)(ren)?s? (will|shall|may|can|should|is|are) (ever )?(be )?(photographed|filmed|pictured|featured|shown)\b[^.]*\bwithout ((the|their|your|such|this|that|any|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b|\bno (photo(graph)?s?|images?|pictures?|videos?)\b[^.]*\b((will|shall|may|can|should|are|is) (be )?(used|posted|published|shared|displayed|put|uploaded|shown)|(will )?appears?)\b[^.]*\bwithout ((the|their|your|such|this|that|any|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b|\b((will|shall|must|may|can|should)( not|n't| never) be|(is|are) (not|never)|not to be) (used|posted|published|shared|displayed|put|uploaded|shown)\b[^.]*\bwithout ((the|their|your|such|this|that|any|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b|\b(we|the [a-z-]+|our [a-z-]+|^[a-z.']+( [a-z.']+){0,3} (school|academy|nursery)) (will |do |does )?(not|never) (use|post|publish|share|display|upload|put|show|include|print)\b[^.]*\bwithout ((the|their|your|such|this|that|any|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b/;
/**
 * "The website will not include photographs unless permission has been granted by parents", "Images of pupils will not be
 * published in the newsletter unless consent has been given", "No photo or video image of a pupil can be used for display
 * unless consent is given": the same double negative. Consent given by carers, not a carer's objection ("unless a parent
 * objects" is an opt-out, which names no consent) nor staff's approval ("unless permission has been given by the Head").
 */
const unlessConsentGiven =
  /\bunless ((the|their|your|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,3}(permission|consent) (is|are|has been|have been|was|were) (given|granted|obtained|received|provided)\b(?! (in writing |in advance |beforehand )?(by|from) (?!(the |a |their |your |his |her |each )?(parents?|carers?|families|family|guardians?)\b))/;
const notUnlessConsent = new RegExp(
  String.raw`(\b(will|shall|must|may|can|should|do|does)( not|n't| never) (include|show|use|publish|display|post|contain|carry|feature)\b|\b(will|shall|must|may|can|should)( not|n't| never) be (used|published|posted|displayed|shown|shared|uploaded|included|featured)\b|\bno ((photo(graph)?|video|image|picture)s?( image)?s?( (or|and|and\/or|\/) )?){1,3}( of [a-z']+( [a-z']+)?)? (can|could|will|may|shall|should|is|are) (ever )?(be )?(used|published|posted|displayed|shown|shared|uploaded|included)\b)([^.]|\b(etc|e\.g|i\.e)\.)*` +
    unlessConsentGiven.source,
);
const othersConduct =
  /^(staff|pupils?|students?|parents?|carers?|visitors?|employees?|governors?|volunteers?|children|you|no one|nobody|anyone)\b(?!')|\b(personal|own|private) (social media|accounts?|devices?|phones?|cameras?|profiles?)\b/;

/**
 * A rule for everyone's posting, not the school's use: the consent is the person's own ("without the written consent of
 * the individuals concerned"), or the ban reaches any site ("must not be posted on any social networking site"), or the
 * photographs are of adults as well as children ("photographs of staff, children and families"). A centre's code of
 * conduct says so; a consent form does not.
 */
export const everyonesRule =
  /\b(consent|permission) (of|by|from) (the )?(individuals?|persons?|people|person concerned|people concerned|subjects?|those (photographed|pictured|concerned))\b|\b(must|should|may|can|are|is|will)( not|n't| never) be (posted|shared|uploaded|published|put) (on|to|onto) any\b|\b(photo(graph)?s?|images?|pictures?)( or [a-z ]+)? of (the )?(staff|adults|families|parents|other people|others|anyone),/;

/**
 * Users, parents or pupils told not to share photographs themselves ("All users will not share any photos on social media
 * unless permission is sought", "Parents must not post pictures on Facebook without permission"): their own conduct,
 * not a use the school asks carers about.
 */
export const othersSharing =
  /^(all )?(users|members|parents?|carers?|families|visitors|pupils?|students?|children|you|everyone|anyone)( and [a-z]+)? (will|must|should|shall|are to|may|can|agree to)( not|n't| never| only)? (share|post|upload|publish|put|forward|send|circulate)\b/;

/**
 * "If you do not want your child to take part, you need to:" over "Complete the consent form…": the carer's way to opt
 * out, or a condition, governs the item; it asks nothing about the uses the item names.
 */
export const conditionalLead = (s: Sentence) =>
  (!!s.item && /^(if|unless|should|where|when|in the event)\b|\b(opt(ed|ing)? out|object|objects)\b/.test(s.lead ?? '')) ||
  // (The engine reads a lead with its items as one sentence: "If you would rather…, you should: …; return the form…".)
  /^(if|should|unless) (you|a parent|parents|carers?|families)\b[^:]*\b(not|object|rather|refuse|prefer|opt)\b[^:]*:/.test(s.lower);

/**
 * "If you are happy for your child's photographs to be used, you do not need to return the form", "…no further action
 * is needed": the answer the carer does not give counts as yes, so the page's uses are opt-out. "If you have decided
 * that you do not want images of your child used, please tell us" says the same from the other side.
 */
export const noActionOptOut =
  /\bif you\b[^.]{0,60}?\b(are|feel) (happy|comfortable|content|ok|okay|in agreement)\b[^.]*\b((do not|don't|will not|won't|need not) (need to )?(do anything|take any (further )?action|return|respond|reply|complete|send)|no (further )?action (is )?(needed|required|necessary))\b|\bif you (have )?(decided|decide|feel|think)( that)? you (do not|don't) (want|wish)\b/;
/** "…this permission is held while the pupil attends. The photo will be used for the website…": uses of a consent the sentence before gives. */
const usedAfterPermission = (s: Sentence) =>
  /\b(will|may|can|would) (only )?be used (for|on|in)\b|\bwill (appear|be (published|shown|displayed)) (on|in)\b/.test(s.lower) &&
  /\b(permission|consent)\b[^.]*\b(given|granted|held|obtained)\b|\b(given|granted|gave|give) (their |your )?(permission|consent)\b/.test(s.previous ?? '') &&
  !/\b(not|no|never|refused|withdrawn|withdraw|without)\b/.test(s.previous ?? '') &&
  // The use itself stated, not denied or left to someone's say ("Unless the Head agrees otherwise, no photograph will be used…").
  !/\b(not|no|never|unless|if)\b/.test(s.lower) &&
  // The consent is for photographs: "consent for trips" gives none.
  /\b(photo(graph)?s?|images?|pictures?|videos?)\b/.test(s.previous ?? '');

/** "Photographs will only be published on the website with written parental consent", "…only appear in the press if parents have agreed". */
const onlyWithConsent =
  // ("We only use photographs of students whose parents have given consent", "Only images of pupils whose carers have agreed…".)
  /\bonly\b[^.;]{0,60}\b(of|include|includes|including|photograph|show|shows|shown|feature|features) (the )?(pupils|students|children|learners|young people) whose (parents|carers|families)( or carers| and carers)? (have|has) (given ((their |written |specific )?(consent|permission))|agreed|consented|opted in)\b|\bonly with (the )?((parental|parents'?|carers'?|guardians'?|written|prior|signed|express) ){1,3}(approval|consent|permission)\b|\bonly with (your|their) ((written|prior|signed|express) )?(consent|permission)\b|\bonly\b[^.]{0,60}\b(where|if|when) (the )?(parents?|carers?|families|you) (have|has) opted in\b|\bonly (be )?(used|published|posted|shown|displayed|shared|uploaded|put|appears?|included|featured?)\b[^.]*\b(with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))|^((we|the (school|academy|nursery|setting|trust|pre-?school))( will| shall| would| do| does)? only (use|publish|post|show|display|share|upload|include|feature))\b[^.]*\b(with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))|\b(used|published|posted|shown|displayed|shared|uploaded|included)\b[^.]{0,50}\bonly (with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented))|^(we|the (school|academy|nursery|setting|trust|pre-?school))( will| shall| would| do| does)? (use|publish|post|show|display|share|upload|include|feature)\b[^.]{0,80}\bonly (with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))/;

/** "Parents sign a photo permission form…", "The form covers the website…" after a sentence about the consent form. */
const formCovers = (s: Sentence) =>
  !/\b(sign|signs|complete|completes|fill|return|returns|cover|covers|covering|include|includes)\b/.test(s.negated) &&
  (/\b(parents?|carers?|families|you)( and carers| or carers| \/ carers|\/carers)? (sign|complete|fill in|return)s? (a|an|the|our) ([a-z-]+ )?(photo(graph)?|image|picture|media|video|camera)s? (consent|permission) forms?\b/.test(
    s.lower,
  ) ||
    (/\b(the|this|our|each) (consent |permission |photo(graph)? |image |media )?(forms?|slips?) (covers?|covering|includes?|asks? (about|for))\b|\b(consent|permission) (forms?|slips?)( [a-z]+){0,4} (covers?|covering|includes?|asks? (about|for))\b/.test(
      s.lower,
    ) &&
      // (Or the heading over it: "How consent is collected" over "- The form covers: displays; the website; …".)
      /\b(consent|permission)\b/.test(`${s.lower} ${s.previous ?? ''} ${s.heading ?? ''}`)) ||
    // "Your consent … covers the website, the newsletter and displays", on a page or in a sentence about images.
    (/\b(your|this|the|parental|their|such|that) (consent|permission)\b[^.]{0,60}\b(covers?|covering|includes?|applies to|extends to)\b/.test(s.lower) &&
      /\b(photo(graph)?s?|images?|pictures?|videos?)\b/.test(`${s.lower} ${s.heading ?? ''} ${s.title ?? ''}`)) ||
    // "…we send home a permission slip. It covers photos on the website…": "it" is the form the sentence before names.
    (/^(it|this|this (form|slip)) (covers?|includes?|asks? (about|for))\b/.test(s.lower) &&
      /\b(consent|permission) (forms?|slips?|letters?)\b/.test(s.previous ?? '')));

/** "…without permission from the Headteacher", "the consent of the DSL": a member of staff's approval, not carers' consent. */
export function staffPermission(lower: string): boolean {
  for (const m of lower.matchAll(/\b(permission|consent|approval) (of|from) ([^.,;]{0,40})/g)) if (rolesIn(m[3]).length) return true;
  // "…without permission from the school": the school's own say, not the carers'.
  if (/\b(permission|consent|approval) (of|from) (the )?(school|academy|trust|nursery|setting|senior leadership( team)?|slt)\b/.test(lower)) return true;
  // (So is "without the Head's written permission".)
  return /\b(head ?teacher|head|principal|dsl|head of school|school|academy)'s ((written|prior|express|explicit) )?(permission|consent|approval)\b/.test(lower);
}

/**
 * Carers' "agreement" is their consent: "we seek parents' agreement before…", "without parental agreement", "your written
 * agreement". Only so qualified: a home-school or acceptable use agreement is a document, not consent.
 */
export const agreementAsConsent = (lower: string) =>
  // …and only in a sentence about images: "parents' agreement to the behaviour policy" is no consent for them.
  !/\b(photo(graph)?s?|photographed|images?|pictures?|videos?|filmed|footage)\b/.test(lower)
    ? lower
    : lower.replace(/\b((?:your|their|parents'?|carers'?|parental|families'?|written|prior|signed|express) )agreement\b/g, '$1consent');

/** The sentence asks carers for consent (or says that what it names needs it), whether or not it names the uses. */
/**
 * More ways a school says it asks: "The purpose of this letter is to ask for your permission…", "The school follows a
 * policy of seeking parents' permission before…", "We have prior written permission in place from parents before posting
 * any images", "Parents are given the choice to consent or not…".
 */
const moreAsks =
  /\b(the )?(purpose|aim|point) of (this|the|our) (letter|form|note|slip|message|page) (is|is to|is therefore) (to )?(ask|seek|request|obtain|gain|gather)( for)? (your |parents'? |carers'? |parental |written |signed )*(permission|consent)\b|\b(this|the|our) (letter|form|note|slip) (is (written )?to|asks?|seeks?|requests?) (ask )?(for )?(your |parents'? |carers'? |parental |written |signed )*(permission|consent)\b|\b(we|the (school|academy|nursery|setting|trust|pre-?school)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery)) (follows?|has|have|operates?|adopts?|keeps?) (a|the) (policy|practice|rule) of (always )?(seeking|requesting|obtaining|asking for|gaining|getting) (the )?(your |parents'? |carers'? |parental |written |signed |prior |express )*(permission|consent)\b|^(we|the (school|academy|nursery|setting|trust|pre-?school)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery))( will| must)?( always)? (have|has|hold|holds|obtain|obtains|get|gets|gain|gains|secure|secures|ensure (we|that we|it) (have|has|holds?)) ((prior|written|signed|express|parental|the|their|parents'?|carers'?) )*(consent|permission)\b[^.]{0,60}\b(before|prior to) (posting|publishing|using|sharing|uploading|displaying|taking|putting|including|any)\b|\b(ask|asks|asking|asked) (you |parents |carers |families |each parent |every parent )?(whether|if) (or not )?(they|you) (wish|want|would like|are happy|agree)( for)? (their|your) (child|son|daughter|children|son or daughter|son\/daughter)('s|s|s')? (photo(graph)?|picture|image|portrait)s? (to be )?(taken|used|published|included)\b|\b(may|will|can|could|would|are|is) (also )?(be )?(used|published|shown|displayed|shared|posted|put|included|uploaded|appear|feature)\b[^.]{0,100}\bwith (the )?((prior|written|signed|express) )*(permission|consent|agreement) (of|from) (their |the child's |the pupil's |the |each |a )?(parents?|carers?|families|family|guardians?)\b|\b(may|will|can|could|would|are|is) (also )?(be )?(used|published|shown|displayed|shared|posted|put|included|uploaded)\b[^.]{0,100}\bwith (parental|parents'?|carers'?|their parents'?|your) ((prior|written|signed|express) )*(permission|consent|agreement)\b|\b(are|is|will be) (given|offered) (the )?(choice|option|opportunity|chance) (of whether |whether |as to whether )?(or not )?(to )?(give |grant |provide |withhold )?(consent|permission|agree)\b/;

const imageWords = /\b(photo(graph)?s?|photographed|photography|photographers?|portraits?|images?|pictures?|videos?|filmed|filming)\b/;

/** moreAsks, for images only ("…to ask for your permission for the trip" asks none), the school's or carers' (not staff's), not negated. */
const moreAsksImages = (s: Sentence) =>
  moreAsks.test(s.lower) &&
  // "Photographs record progress. They may also be used on our website with parental permission.": "they" are the
  // photographs of the sentence before.
  imageWords.test(/^(they|these|these (ones|copies))\b/.test(s.lower) ? `${s.lower} ${s.previous ?? ''}` : s.lower) &&
  !/^(staff|members of staff|pupils?|students?|employees?|volunteers?|governors?|visitors?|teachers?)\b(?!')|^(if|should|were|unless|whether|in the event|in case)\b/.test(
    s.lower,
  ) &&
  !/\b(follow|follows|seeking|have|has|hold|holds|ask|seek|given|offered|purpose|aim)\b/.test(s.negated);

/** "…the choice to consent or not consent to images…", "giving or declining permission": a choice offered, not a negation. */
export const offeredChoice =
  /\b(consent|agree|permission|permit) or (not|decline|refuse|withhold)\b|\b(giving|give|grant|granting) or (declining|refusing|withholding|not giving)\b/;

/**
 * Carers asked, with words between the asking and the question: "Parents/carers are asked on the data collection form
 * whether they consent to…", "Families are asked when their child joins to give written permission for…".
 */
const askedWhether =
  /\b(parents?|carers?|families|guardians?|you)( and carers| or carers| \/ carers|\/carers|\/guardians?)? (are|will be|were|is|get) asked\b[^.]{0,70}?\b((whether|if) (or not )?(they|you) (consent|agree|give (their |your )?(consent|permission)|are happy)|to (give|sign|complete|provide|grant|record) (their |your |written |signed )*(consent|permission))\b/;

/** Images used on the carers' yes: "Photos may be used in our newsletter and on our website if you have agreed". */
const usedIfAgreed =
  /^(?:[a-z' ]{0,30} )?(photo(graph)?s?|images?|pictures?|videos?)\b[^.;]{0,40}\b(may|will|can|could) (also )?(be )?(used|published|shown|displayed|shared|posted|put|included|uploaded|appear)\b[^.;]{0,120}\b(if|when|once|where) (you|you've|parents?|carers?|families|their parents?|a parent)( or carers?| and carers)? (have |has )?(agreed|agree|given (their |your )?(consent|permission)|consented|said yes)(?=\s*(?:$|[.,;)]|to (?:this|it|that|them|its use|their use)\b|on (?:the|your|our) (?:consent |admission |data collection )?form\b|in writing\b))/;

/** A pupil's agreement: "Ask your parents' or carers' permission before we use your photo on our website…". */
const familyAskedFirst =
  /^(i will )?(always )?ask (your|my) (parents'?|carers'?|parents'? or carers'?|parents'?\/carers'?|family's) (permission|consent) before (we|the school|the academy|school) (use|uses|post|posts|publish|publishes|share|shares|put|puts)\b[^.;]{0,20}\b(photo(graph)?s?|images?|pictures?|videos?)\b/;

/**
 * The lawful basis named as consent, for uses the sentence or its section names: "For these uses we rely on your consent
 * (Article 6(1)(a))". Not where it is a condition ("Where we rely on consent, you can withdraw it").
 */
const reliesOnConsent = (lower: string) =>
  /(^|[;:] )(for [^.;]{1,60}?,? )?(we|the (school|academy|trust|nursery|setting)) (will )?(rely|relies) on (your |their |parents'? |carers'? |parental |written |explicit )*consent\b/.test(
    lower,
  );

/**
 * Consent for one use said apart from another's: "Consent for the school website or newsletter does not cover social
 * media", "This is a separate choice from the school website", "you'll be asked separately about the school website and
 * the local newspaper". (About images: the sentence, the one before it or the question it answers speaks of them.)
 */
// ("Press/media consent is a separate tick from website consent": a consent named by its channel, read in consent.channels.ts.)
const consentApart = (s: Sentence) =>
  /\b(consent|permission)s? (for|to) [^.;]{1,60}? (does not|doesn't|do not|don't|will not|won't) (cover|include|extend to)\b|\b(this|it|that|which) (is|are) (a |an )?separate (choices?|ticks?|questions?|consents?|boxes|box|permissions?|answers?) (from|to)\b|\b(asked|ask you|ask) separately (about|for|whether)\b/.test(
    s.lower,
  ) &&
  /\b(photo(graph)?s?|images?|pictures?|videos?)\b/.test(`${s.question ?? ''} ${s.previous ?? ''} ${s.lower}`) &&
  // (Not staff asked for their own: "Staff will be asked separately for permission before their photo goes on the website".)
  !/\b(staff|employees?|teachers?|governors?|volunteers?)\b[^.;]{0,40}\b(asked|consent|permission|their (own )?photo)/.test(s.lower);

export function asksConsent(sentence: Sentence): boolean {
  const s = /\bagreement\b/.test(sentence.lower) ? { ...sentence, lower: agreementAsConsent(sentence.lower) } : sentence;
  if (staffPermission(s.lower)) return false;
  const doubleNegative = (notWithoutConsent.test(s.lower) || notUnlessConsent.test(s.lower)) && !othersConduct.test(s.lower);
  // (A rule joined after it is its own: "…whose parents have given consent, and we do not use students' surnames in our posts".)
  const onlyClause = s.lower.split(/,? and (?=(we|the (school|academy)|staff) (do|does|will|must|shall|should) (not|never)\b)/)[0];
  const onlyWith = onlyWithConsent.test(onlyClause) && !othersConduct.test(onlyClause) && !/\b(not|never)\b/.test(onlyClause);
  // "Pictures of students may be taken upon consent for the yearbook": consent is what each use named there rests on.
  const upon =
    /\b(photo(graph)?s?|pictures?|images?)\b[^.;]{0,40}\b(taken|take|used|published)?\b[^.;]{0,30}\b(upon|subject to) ((parental|parents'?|written|prior|signed) )*consent (for|in)\b/.test(
      s.lower,
    ) && !/\b(not|never|unless|if)\b/.test(s.lower);
  return (
    (schoolAsks.test(s.lower) ||
      askedWhether.test(s.lower) ||
      moreAsksImages(s) ||
      doubleNegative ||
      onlyWith ||
      upon ||
      usedAfterPermission(s) ||
      usedIfAgreed.test(s.lower) ||
      familyAskedFirst.test(s.lower) ||
      reliesOnConsent(s.lower) ||
      formCovers(s) ||
      consentApart(s)) &&
    !s.negated.match(/\b(sought|asked|seek|seeks|request|requests|required|needed|need|needs|require|requires|ask|asks|rely|relies)\b/)
  );
}
