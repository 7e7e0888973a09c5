/**
 * What carers are asked (consent.purposes.KEY.active) and when answers lapse (consent.lapse).
 * Only the school asking proposes a purpose; only the school saying it has no social media turns
 * that purpose off; a rule for staff, pupils or parents is never a consent setting.
 */
import { rolesIn, type Sentence } from './text.ts';
import type { Found, SentencePattern } from './types.ts';
import { lapse } from './lapse.table.ts';

/** The default purposes by the words schools use for them. */
export const purposes: [string, RegExp][] = [
  // Displays as a thing, not the verb ("before we display a photograph on the website").
  // "displayed around the school" is the use inside school; "displayed on the website" is the website's.
  [
    'displays',
    /\b(classroom|corridor|wall|school|learning|celebration) displays?\b|\bdisplays\b|\bon display\b|\b(classroom|working) walls?\b|\bdisplay (boards?|purposes|areas?|screens?)\b|\bfor display\b|\b(displayed|displaying|display|put up) ((them|it|(the |their )?(photo(graph)?s|images|pictures|videos|work)( of (your|their|the|our) (child|children|son|daughter|pupils?))?) )?(in|within|around|on the walls of) (the )?(main |front |school |entrance )?(school|classrooms?|corridors?|nursery|setting|building|hall)\b|\b(areas?|parts?|places?) (of|in) the (school|building|nursery|academy) (where|which|that) visitors\b|\bwhere visitors (to the (school|academy|nursery) )?(have access|can see|may see)\b|\b(display|displays|displayed|displaying|exhibit|exhibited|show|shows|shown|showing)\b[^.;]*\b(in|at) (a|any) public (place|area|space|location)s?\b|\b(display|displayed|displaying) ((them|it|(the |their )?(photo(graph)?s|images|pictures|videos|work)( of (your|their|the|our) (child|children|son|daughter|pupils?))?) )?(on|in|around|within|throughout) (the |our )?((school|academy|nursery|setting)('s)? )?(premises|buildings?|grounds|site)\b|\b(publish|publishes|published|publishing|put up|puts up|display|displays|displayed|show|shows|shown)\b[^.;]{0,30}\b(in and around|around|throughout|within) (the )?(school|academy|nursery|setting|college) (buildings?|premises)\b|\b(publish|publishes|published|publishing|put up|puts up|display|displays|displayed|show|shows|shown)\b[^.;]{0,30}\bin and around (the )?(school|academy|nursery|setting|college)\b/,
  ],
  // The school photographer's class or individual portraits: a photography company or studio the school invites, portraits.
  [
    'class-photo',
    /\bclass (photo(graph)?s?|pictures?)\b|school photographer|\b(photographic|photography|school photo(graph)?|portrait) (compan(y|ies)|firms?|studios?)\b|\bindividual (and|or|&|and\/or) (class|group) (photo(graph)?s?|pictures?|portraits?)\b|\b(class|school|individual) portraits?\b|\bprofessional photographers?\b[^.;]*\bportraits?\b|\bportraits? of (the |each |every |your |our )?(child|children|pupils?|students?)\b/,
  ],
  [
    'publications',
    /\bprospectus(es)?\b|school publications?|\b(school|academy)('s)? (own )?media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club|policy|consent))|newsletters?|printed (materials?|publications?)|\b(school|academy|termly|annual|our|the) magazines?\b|\b(school's |academy's |our |the )?annual reports?\b|\b(weekly|termly|monthly|school|academy|parents'?|family|our) bulletins?\b(?! boards?)|\bpublications\b|\b(school )?(brochures?|leaflets?|yearbooks?)\b|\b(school|student|students'|pupil|pupils'|class|academy|in-house) newspapers?\b|\bpublished (documents?|materials?)\b/,
  ],
  // ("the Media Consent Form" is the form's name, not the press: "media" before consent, release or form is no channel.)
  // ("press" alone may be a verb, "press the button"; before advertising, releases or coverage it is the press.)
  [
    'press',
    // (A school's or its students' own newspaper is one of its publications, not the press.)
    /\b(?<!(?:school|student|students'|pupil|pupils'|class|academy|the school's|our school's|in-house) )newspapers?\b|\btelevis(ion|ed)\b|\bpress (advertising|advertisements?|adverts?|releases?|coverage|articles?|reports?|purposes|publicity|photo(graph)?s?)\b|\b(outside|external) media\b|\btv (news|programmes?|crews?|stations?)\b|\bnews programmes?\b|\b(local|national|regional) (news)?papers?\b|\b(the|local) (local )?press\b|\b(local|national|regional)( (and|or|and\/or) (local|national|regional))? (press|newspapers?|news ?papers?|media)\b|\b(the|local|national|news|other|public|mainstream|wider) media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club|consents?|release|permissions?|forms?|polic(y|ies)))|\b(invite|invites|invited|inviting|visited by) (the )?media\b|\b(media|news) (organisations?|organizations?|outlets?|stories|story|coverage|reports?|articles?|crews?)\b|\b(local|national|regional|international)( (and|or|and\/or) (local|national|regional|international))? news (stories|reports?|articles?|coverage|programmes?)\b/,
  ],
  ['website', /\b(school('s)? )?web ?sites?\b/],
  [
    'social-media',
    /\b(school('s)? )?(social media|facebook|twitter|instagram|youtube|tiktok|x \((formerly )?twitter\))( (accounts?|pages?|channels?))?\b|\b(on|our|its) x\b(?! ray)|\b(school|academy)('s)? x (account|feed|page)\b|\b(re)?tweet(s|ed|ing)?\b/,
  ],
];

/** A bare item of a list of uses ("(display, press, newsletter)", "such as display, the press and the website"), whole. */
const bareItems: [string, RegExp][] = [
  ['displays', /^(classroom |class |wall |corridor |school )?displays?( boards?| purposes| work)?$/],
  ['press', /^((local|national|regional) )?(press|media|newspapers?|news ?papers?|press releases?|press articles?|news|television|tv)$/],
  ['publications', /^(newsletters?|prospectus(es)?|brochures?|leaflets?|publications?|yearbooks?|magazines?|print|printed (materials?|publications?))$/],
  ['website', /^(web ?sites?|web|web pages?)$/],
  [
    'social-media',
    /^(social|social media|social networking|facebook|twitter|x|instagram|youtube|tiktok|twitter\/x|x\/twitter)( (accounts?|pages?|feeds?|channels?))?$/,
  ],
  ['class-photo', /^class (photo(graph)?s?|pictures?)$/],
];

/** The items of the lists a sentence gives in brackets or after "such as", "including", "e.g.": each as a bare phrase. */
function listItems(lower: string): string[][] {
  const lists = [...lower.matchAll(/\(([^()]{3,160})\)/g)].map((m) => m[1]);
  for (const m of lower.matchAll(/\b(?:such as|including|e\.g\.?|eg|for example|for instance|i\.e\.?|ie)[,:]? ([^.;:()]{3,160})/g)) lists.push(m[1]);
  return lists.map((list) => {
    // "in the local or national press": one item, its adjectives joined, not two ("in the local", "national press").
    const items = list
      .replace(/\b(local|national|regional) (?:and|or|and\/or) (?=(local|national|regional) )/g, '')
      .replace(/^(?:e\.g\.?|eg|for example|for instance|such as|including|i\.e\.?|ie)[,:]?\s+/, '')
      .split(/\s*,\s*|\s*;\s*|\s*\/\s*(?!x\b)|\s+(?:and|or|and\/or)\s+/)
      .map((item) =>
        item
          .replace(/^(?:and|or|etc)\s+/, '')
          .replace(/\s*\betc\.?$/, '')
          .replace(/^(?:in|on|for|via|through)\s+/, '')
          .replace(/^(?:the|our|a|an|its)\s+/, '')
          .replace(/^(?:school|academy|nursery|local|class)('s)?\s+(?=\S+)/, (m) => (/class/.test(m) ? m : ''))
          .trim(),
      )
      .filter(Boolean);
    // One word in brackets is a gloss ("the website (www…)"), not a list.
    return items.length >= 2 ? items : [];
  });
}

/**
 * The uses a sentence names: by the purposes' own words, and by bare items of a list ("for school purposes (display,
 * newsletter, press)"), where "display" or "press" alone name the use. A use under a negation is none, and so is a
 * list the negation reaches: "Do not post images on social networks (Facebook, Instagram, YouTube)" denies all three,
 * though the negation's words run out after the first.
 */
export function namedUses(lower: string, negated = ''): string[] {
  const keys = purposes.filter(([, pattern]) => pattern.test(lower) && !pattern.test(negated)).map(([key]) => key);
  for (const list of listItems(lower)) {
    if (negated && list.some((item) => negated.includes(item))) continue;
    for (const item of list) for (const [key, pattern] of bareItems) if (pattern.test(item) && !keys.includes(key)) keys.push(key);
  }
  return purposes.map(([key]) => key).filter((key) => keys.includes(key));
}

const schoolAsks =
  /\b(permissions? (is |are |will be )?(sought|requested|asked|obtained|gained)|(parents?|carers?)( and carers| \/ carers|\/carers)? (are|will be) asked (to give|for|to sign|to complete|to consent)|(we|the school|the academy|school|academy) (will )?(seek|ask for|request|obtain)s? ([a-z]+ )*(permission|consent)|(we|the school|the academy|the nursery) (will )?(always )?(ask|seek|request|obtain|get)s? (for )?(your|their|parents'?|carers'?|parental|written|signed| )+(permission|consent)\b|(parental |written )?(consent|permission) (is|are|will be) (gathered|collected|obtained|sought)\b|(we|the school|the academy) (will )?(always )?asks? (all |every |each )?(parents?|carers?|families|family)( and carers| or carers| \/ carers|\/carers)? for (their |your |written |signed )*(permission|consent)|consent (form|is sought|will be sought|is requested)|(permission|consent) (for|to) [a-z ]+ (is|will be) (sought|requested|asked)|(permission|consent)\b[^.]{0,60}\b(is|are|will be) (sought|obtained|requested|gained|asked for) (before|for|to)|(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? (are|will be) asked\b[^.]{0,50}\bwhether\b[^.]{0,80}\b(may|can|could|is allowed to) be (used|published|shown|shared|displayed))\b|\b(we|the [a-z-]+|our [a-z-]+) (will )?(always )?(ask|invite|request)s? (all )?(parents?|carers?|families|you)( and carers| or carers| \/ carers|\/carers)? (to (give|sign|complete|provide|grant|return) )([a-z']+ ){0,3}(permission|consent)\b|\b(ask|request)s? that (parents?|carers?|families|you) (give |provide )?(consent|permission|their consent)\b|\b(you|parents?|carers?)( and carers| or carers)? (can|may) (give )?(consent|permission) (to|for)\b|\bi (give|grant) (my )?(permission|consent)\b|\b(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? (give|gives|provide|provides|grant|grants) (their )?(written |signed )?(consent|permission) (on (admission|entry|joining) |when [a-z ]+ )?(for|to)\b|\bi consent to\b|\b(parents?|carers?|families|guardians?|you)( and carers| or carers| \/ carers|\/carers)? (sign|signs|complete|completes|return|returns) (a|an|the|our) ([a-z-]+ ){0,2}(forms?|slips?|letters?) (giving|granting|to give|to grant|providing) (their |your |written )?(consent|permission) (for|to)\b|\b(we|the school|the academy|the nursery|the setting|the trust)( will| shall)? [^.]{0,80}\b(request|requests|seek|seeks|obtain|obtains|ask for|asks for|gain|gains) (the )?((parents?|carers?|guardians?)('s|s'|')?( ?\/ ?| and | or | or the |, )?){1,3} ?(written |signed |express |prior )?(permission|consent)\b|\b(we|i) (are|am|would like|wish|want|write|are writing|am writing) (to )?(ask|seek|request|asking|seeking|requesting)( for)? (your|parents'?|carers'?|parental|written|signed| )+(permission|consent) (to|for)\b|\b(we|i) (would like|need|require|will need|are requesting|are seeking) (your|parents'?|carers'?|parental|written|signed| )+(permission|consent) (to|for)\b|\b(permission|consent)\b[^.]{0,60}\bmust be (sought|obtained|requested|gained|given) (before|for|to|prior)\b|\b(parental |parents'? |carers'? |written )?(consent|permission) (is|are|will be) (required|needed) (before|for|to|prior)\b[^.]*\b(photo(graph)?s?|images?|pictures?|videos?)\b|\b(consent|permission) (is |will be )?(obtained|sought|requested|asked for) (on each occasion|each time|every time|beforehand|in advance)\b|\b(parents?|carers?|families|guardians?)( and carers| or carers| \/ carers|\/carers|\(s\)\/guardians?\(s\)|\/guardians?)? (all )?(need|needs|have|has|are required|is required|will need|must|are asked) to (provide|give|grant|sign|complete) (their |your |written |signed )*(consent|permission)\b|^(when|where|once|provided|after|if) (parental |your |their |written )*(consent|permission) (has been|have been|is|was) (provided|given|granted|obtained|received)\b[^.]*\b(we|the school|the academy|the trust|the nursery) (will |may |can |would )?(use|uses|publish|publishes|display|displays|share|shares|include|includes)\b/;

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
  /\bunless ((the|their|your|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,3}(permission|consent) (is|are|has been|have been|was|were) (given|granted|obtained|received|provided)\b(?! by (?!(the |a |their |your |his |her |each )?(parents?|carers?|families|family|guardians?)\b))/;
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
const everyonesRule =
  /\b(consent|permission) (of|by|from) (the )?(individuals?|persons?|people|person concerned|people concerned|subjects?|those (photographed|pictured|concerned))\b|\b(must|should|may|can|are|is|will)( not|n't| never) be (posted|shared|uploaded|published|put) (on|to|onto) any\b|\b(photo(graph)?s?|images?|pictures?)( or [a-z ]+)? of (the )?(staff|adults|families|parents|other people|others|anyone),/;

/**
 * Users, parents or pupils told not to share photographs themselves ("All users will not share any photos on social media
 * unless permission is sought", "Parents must not post pictures on Facebook without permission"): their own conduct,
 * not a use the school asks carers about.
 */
const othersSharing =
  /^(all )?(users|members|parents?|carers?|families|visitors|pupils?|students?|children|you|everyone|anyone)( and [a-z]+)? (will|must|should|shall|are to|may|can|agree to)( not|n't| never| only)? (share|post|upload|publish|put|forward|send|circulate)\b/;

/**
 * "If you do not want your child to take part, you need to:" over "Complete the consent form…": the carer's way to opt
 * out, or a condition, governs the item; it asks nothing about the uses the item names.
 */
const conditionalLead = (s: Sentence) =>
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
  /\bonly with (the )?((parental|parents'?|carers'?|guardians'?|written|prior|signed|express) ){1,3}(approval|consent|permission)\b|\bonly (be )?(used|published|posted|shown|displayed|shared|uploaded|put|appears?|included|featured?)\b[^.]*\b(with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))|^((we|the (school|academy|nursery|setting|trust|pre-?school))( will| shall| would| do| does)? only (use|publish|post|show|display|share|upload|include|feature))\b[^.]*\b(with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))|\b(used|published|posted|shown|displayed|shared|uploaded|included)\b[^.]{0,50}\bonly (with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented))|^(we|the (school|academy|nursery|setting|trust|pre-?school))( will| shall| would| do| does)? (use|publish|post|show|display|share|upload|include|feature)\b[^.]{0,80}\bonly (with|where|if|once|after|when)\b[^.]{0,50}\b((consent|permission)\b|(have|has) (agreed|consented|given (their |written )?(consent|permission)))/;

/** "Parents sign a photo permission form…", "The form covers the website…" after a sentence about the consent form. */
const formCovers = (s: Sentence) =>
  !/\b(sign|signs|complete|completes|fill|return|returns|cover|covers|covering|include|includes)\b/.test(s.negated) &&
  (/\b(parents?|carers?|families|you)( and carers| or carers| \/ carers|\/carers)? (sign|complete|fill in|return)s? (a|an|the|our) ([a-z-]+ )?(photo(graph)?|image|picture|media|video|camera)s? (consent|permission) forms?\b/.test(
    s.lower,
  ) ||
    (/\b(the|this|our|each) (consent |permission |photo(graph)? |image |media )?(forms?|slips?) (covers?|covering|includes?|asks? (about|for))\b|\b(consent|permission) (forms?|slips?)( [a-z]+){0,4} (covers?|covering|includes?|asks? (about|for))\b/.test(
      s.lower,
    ) &&
      /\b(consent|permission)\b/.test(`${s.lower} ${s.previous ?? ''}`)) ||
    // "Your consent … covers the website, the newsletter and displays", on a page or in a sentence about images.
    (/\b(your|this|the|parental|their|such|that) (consent|permission)\b[^.]{0,60}\b(covers?|covering|includes?|applies to|extends to)\b/.test(s.lower) &&
      /\b(photo(graph)?s?|images?|pictures?|videos?)\b/.test(`${s.lower} ${s.heading ?? ''} ${s.title ?? ''}`)) ||
    // "…we send home a permission slip. It covers photos on the website…": "it" is the form the sentence before names.
    (/^(it|this|this (form|slip)) (covers?|includes?|asks? (about|for))\b/.test(s.lower) &&
      /\b(consent|permission) (forms?|slips?|letters?)\b/.test(s.previous ?? '')));

/** "…without permission from the Headteacher", "the consent of the DSL": a member of staff's approval, not carers' consent. */
export function staffPermission(lower: string): boolean {
  for (const m of lower.matchAll(/\b(permission|consent|approval) (of|from) ([^.,;]{0,40})/g)) if (rolesIn(m[3]).length) return true;
  return /\b(head ?teacher|head|principal|dsl|head of school)'s (permission|consent|approval)\b/.test(lower);
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

export function asksConsent(sentence: Sentence): boolean {
  const s = /\bagreement\b/.test(sentence.lower) ? { ...sentence, lower: agreementAsConsent(sentence.lower) } : sentence;
  if (staffPermission(s.lower)) return false;
  const doubleNegative = (notWithoutConsent.test(s.lower) || notUnlessConsent.test(s.lower)) && !othersConduct.test(s.lower);
  const onlyWith = onlyWithConsent.test(s.lower) && !othersConduct.test(s.lower) && !/\b(not|never)\b/.test(s.lower);
  // "Pictures of students may be taken upon consent for the yearbook": consent is what each use named there rests on.
  const upon =
    /\b(photo(graph)?s?|pictures?|images?)\b[^.;]{0,40}\b(taken|take|used|published)?\b[^.;]{0,30}\b(upon|subject to) ((parental|parents'?|written|prior|signed) )*consent (for|in)\b/.test(
      s.lower,
    ) && !/\b(not|never|unless|if)\b/.test(s.lower);
  return (
    (schoolAsks.test(s.lower) || moreAsksImages(s) || doubleNegative || onlyWith || upon || usedAfterPermission(s) || formCovers(s)) &&
    !s.negated.match(/\b(sought|asked|seek|seeks|request|requests|required|needed|need|needs|require|requires|ask|asks)\b/)
  );
}

/** A sentence that says the uses it names are the school's uses without consent, or unless carers object (the basis pattern reads it). */
export const basisStated = (s: Sentence) => basis.read(s).map((f) => f.setting.split('.')[2]);

/**
 * "We will not:" then the bullet "publish photographs of children without the written consent of parents": the lead's
 * negation and the bullet's "without consent" are the double negative, so consent is asked. The school's own lead only.
 */
const negatedLead = (s: Sentence) =>
  !!s.item &&
  /^(we|the (school|academy|nursery|trust|setting)|our (school|academy|nursery)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery))( staff)? (will|shall|do|does|must|should|would) (not|never)( ever)?\b[^.]{0,40}:$/.test(
    s.lead ?? '',
  ) &&
  !/^[^:]*\bstaff\b/.test(s.lead ?? '') &&
  /^(use|post|publish|share|upload|put|display|show|include|tweet|print|feature)\b[^.;]*\b(photo(graph)?s?|images?|pictures?|videos?)\b[^.;]*\bwithout ((the|their|your|such|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b/.test(
    s.lower,
  );

/** The one channel a list's lead, the heading over it or the page's title names; none when it names several or none. */
function oneChannel(s: Sentence): string[] {
  for (const text of [s.lead, s.heading, s.title]) {
    const named = text ? purposes.filter(([, pattern]) => pattern.test(text)).map(([key]) => key) : [];
    if (named.length) return named.length === 1 ? named : [];
  }
  return [];
}

/** A list's lead that is the school's undertakings ("Oakwood Primary will:", "As a school we shall:"); not staff's. */
const undertakingLead =
  /^((as a (school|nursery|setting|academy),? )?(we|the (school|academy|nursery|setting|trust|pre-?school)|our (school|academy|nursery|setting)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery|pre-?school)))( will| shall| aim to| undertakes? to| commits? to| promises? to)( always)?:$/;

/** An item under the school's undertakings, read with its subject: "Use images of children, but only with…" → "we will use…". */
function withUndertaking(s: Sentence): Sentence {
  if (!s.item || !undertakingLead.test(s.lead ?? '') || /^(we|the|our|staff|pupils?|parents?)\b/.test(s.lower)) return s;
  return { ...s, lower: `we will ${s.lower}` };
}

const asked: SentencePattern = {
  name: 'the school asks carers about uses of photographs',
  readsLists: true,
  read: (item) => {
    if (conditionalLead(item) || everyonesRule.test(item.lower) || othersSharing.test(item.lower)) return [];
    const s = withUndertaking(item);
    if (negatedLead(s)) {
      const own = namedUses(s.lower);
      return (own.length ? own : oneChannel(s)).map((key) => ({ setting: `consent.purposes.${key}.active`, value: true }));
    }
    if (!asksConsent(s)) return [];
    // "Should a newspaper wish to photograph your child, we will ask your permission separately": a use the school may ask
    // about one day, on its own occasion; not one this page asks about.
    if (/^(should|in the event|were|if)\b/.test(s.lower) && /\b(separately|again|individually|at the time|first)\b/.test(s.lower)) return [];
    // "…images must not be posted on social media": a use under a negation is none, unless the negation is the
    // consent's own ("not … without consent", "never … unless permission has been granted").
    const doubleNegative = /\b(without|unless)\b/.test(s.lower);
    let found = namedUses(s.lower, doubleNegative || offeredChoice.test(s.lower) ? '' : s.negated);
    // "The nursery has a Facebook page. No photos will be posted without consent.": posted where the sentence before says.
    if (!found.length && /\b(post(ed|ing)?|upload(ed|ing)?|published)\b/.test(s.lower) && s.previous)
      found = purposes.filter(([, pattern]) => pattern.test(s.previous!)).map(([key]) => key);
    // "…may want to post photographs on the website or social media. Permission to do so is granted only with…": the uses
    // of the sentence before, with the sentence's own.
    else if (/^(permission|consent|approval) (to do so|to do this|for this|for these uses|for (this|such) use)\b/.test(s.lower) && s.previous)
      found = [...new Set([...found, ...namedUses(s.previous)])];
    // "School Website" then "We will seek consent for images on the internet": the one use the heading names.
    if (!found.length && s.heading) {
      const underHeading = purposes.filter(([, pattern]) => pattern.test(s.heading!)).map(([key]) => key);
      if (underHeading.length === 1) found = underHeading;
    }
    // "Social Media" over "Ourtown School will:" and "Use images of children, but only with parents' permission": the
    // one channel the page's title names, for a sentence about images that names none.
    // A title listing the media a policy covers ("Photographs, Videos, Websites and Webcams Policy") names its subjects,
    // not one channel the page's images go to.
    if (!found.length && s.title && /\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower) && !/,[^,]+\b(and|&)\b/i.test(s.title)) {
      const titled = purposes.filter(([, pattern]) => pattern.test(s.title!)).map(([key]) => key);
      if (titled.length === 1) found = titled;
    }
    return found.map((key) => ({ setting: `consent.purposes.${key}.active`, value: true }));
  },
};

const noSocialMedia: SentencePattern = {
  name: 'the school does not use social media',
  read: (s) => {
    for (const clause of s.lower.split(/[;:]/)) {
      const m =
        /^(.*?)\b(does not|doesn't|do not|don't|has no|have no)( currently| yet)?( use| have| run| operate)?( any)?( official| its own| school)? (social media|social networking)\b/.exec(
          clause
            .trim()
            .replace(
              /\b(a |an )?(facebook|twitter|instagram|tiktok|youtube)(,? (or|and) (a |an )?(facebook|twitter|instagram|tiktok|youtube)|, (a |an )?(facebook|twitter|instagram|tiktok|youtube))*( pages?| accounts?| channels?)\b/,
              'social media',
            ),
        );
      if (!m) continue;
      const subject = m[1].trim();
      if (/^(if|where|when|should|unless|although|even)\b/.test(subject)) continue;
      if (
        !/^((currently|at present|at the moment),? )?(the school|we|our school|this school|[a-z.']+( [a-z.']+){0,3} (school|academy)|[a-z.']+( [a-z.']+)?)( currently| at present)?$/.test(
          subject,
        )
      )
        continue;
      if (/^(he|she|they|it|who|one|someone|anyone|everyone|nobody|i|you)$/.test(subject)) continue;
      if (/\b(staff|pupils?|children|parents?|carers?|governors?|visitors?|employees?|teachers?|members|users|sites?)\b/.test(subject)) continue;
      return [{ setting: 'consent.purposes.social-media.active', value: false }];
    }
    return [];
  },
};

const socialMedia = purposes.find(([key]) => key === 'social-media')![1];
/** "The nursery has a social network page…", "We run a Facebook page": the school's own page, named the sentence before. */
const ownPage =
  /\b(the (school|nursery|academy|setting|trust|pre-?school|playgroup|college|federation)|we|our (school|nursery|academy|setting|pre-?school|playgroup)|[a-z.']+ (primary|school|academy|nursery|pre-?school))( now| also| currently)? (has|have|runs?|operates?|uses?|manages?|is (now )?(active|on)|are (now )?(active|on)) (a |an |its own |our own |its |our )?(social network(ing)?|social media|facebook|twitter|instagram|x)\b/;

/**
 * The school's own social media on which it never publishes pupils' photographs: "The nursery has a social network page
 * which is for information only. Photographs of children are never posted."; "We will not be using Facebook for the
 * following:" over "To publish photographs or children's names". That channel is no use carers are asked about
 * (active: false); with names in the same refusal, pupils are not named there. Never with "without consent", "unless",
 * "only", a condition, someone's own account, or names alone ("never posted with their names" is a naming rule).
 */
const noPhotosOnOwnPage: SentencePattern = {
  name: 'the school never publishes photographs on its own social media',
  readsLists: true,
  read: (s) => {
    if (/\b(without|unless|until|except|consent|permission|if|only|when|where|personal|own|private)\b/.test(s.lower)) return [];
    const channels = (text: string) => purposes.filter(([, pattern]) => pattern.test(text)).map(([key]) => key);
    const lead = s.item ? (s.lead ?? '') : '';
    const leadRefuses =
      /^(we|the (school|academy|nursery|setting)|our (school|academy|nursery))( will| shall| do| does)( not|n't| never)( be)? (using|use|post|posting|publish|publishing)\b[^:]*:$/.test(
        lead,
      ) &&
      channels(lead).length === 1 &&
      channels(lead)[0] === 'social-media';
    const publishes = /^(to )?(publish|post|share|upload|put|show|display|tweet)\b[^.;]*\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower);
    if (leadRefuses && publishes && !channels(s.lower).some((key) => key !== 'social-media')) {
      const found: Found[] = [{ setting: 'consent.purposes.social-media.active', value: false }];
      if (/\b(children's|pupils'|students'|their|full) names\b|\bnames of (children|pupils|students)\b/.test(s.lower))
        found.push({ setting: 'photos.channels.social-media.naming', value: 'none' });
      return found;
    }
    if (/\bnames?\b/.test(s.lower)) return [];
    const refusal =
      /^(photo(graph)?s?|images?|pictures?)( of (the |our )?(children|pupils|students))? (are|will be|will|is|shall be|must|should) (never|not)( be)? (posted|published|shared|uploaded|put|shown|used|placed)\b/.test(
        s.lower,
      ) ||
      /^(we|the (school|nursery|academy|setting)) (will |do |does |shall )?(never|not) (post|publish|share|upload|put|use) (any )?(photo(graph)?s?|images?|pictures?)( of (the |our )?(children|pupils|students))?\b/.test(
        s.lower,
      );
    if (!refusal) return [];
    const named = channels(s.lower);
    // "…a social network page" is social media too, though the purposes' words are for the channels carers are asked about.
    const previous = s.previous ?? '';
    const ownChannels = ownPage.test(previous)
      ? [...new Set([...channels(previous), ...(/\bsocial network(ing)?\b/.test(previous) ? ['social-media'] : [])])]
      : [];
    const there = named.length ? named : ownChannels;
    return there.length === 1 && there[0] === 'social-media' && (named.length ? socialMedia.test(s.lower) : true)
      ? [{ setting: 'consent.purposes.social-media.active', value: false }]
      : [];
  },
};

/**
 * The school never puts pupils' photographs on the internet at all: "Photographs will not be used on the internet", "We do
 * not post images of the children online". Neither the website nor social media is a use carers are asked about (both
 * active: false). Never with a condition or consent ("…without permission", "unless"), "only", someone's own photographs
 * or accounts, or a list of parents' or visitors' rules.
 */
const notOnline: SentencePattern = {
  name: 'the school never puts photographs on the internet',
  read: (s) => {
    if (/\b(without|unless|until|except|consent|permission|if|only|when|where|personal|own|private|parents?|carers?|visitors?|staff)\b/.test(s.lower))
      return [];
    if (s.item && /\b(parents?|carers?|visitors?|families|staff|pupils?|students?)\b/.test(s.lead ?? '')) return [];
    const photos = String.raw`(any )?(photo(graph)?s?|images?|pictures?)( of (the |your |our )?(children|child|pupils?|students?))?`;
    const online = String.raw`(on|onto) (the internet|the web)\b|online\b`;
    const refused =
      new RegExp(String.raw`^${photos} (will|shall|are|is)( never| not) (be )?(used|posted|published|shared|uploaded|put|placed|shown) (${online})`).test(
        s.lower,
      ) ||
      new RegExp(
        String.raw`^(we|the (school|nursery|academy|setting)|our (school|nursery|academy|setting)) (will |do |does |shall )?(never|not) (use|post|publish|share|upload|put|show) ${photos} (${online})`,
      ).test(s.lower);
    return refused
      ? [
          { setting: 'consent.purposes.website.active', value: false },
          { setting: 'consent.purposes.social-media.active', value: false },
        ]
      : [];
  },
};

export const consentPatterns: SentencePattern[] = [asked, noSocialMedia, noPhotosOnOwnPage, notOnline, lapse];

/** The uses a consent sentence names itself (or by the sentence before, or its heading). */
export const askedUses = (s: Sentence) => asked.read(s).map((f) => f.setting);

/**
 * The carers' word against a default use, said with "otherwise": "unless the pupil or his or her parent has requested
 * otherwise", "unless you tell us otherwise", "unless we are informed otherwise", "unless otherwise requested by a
 * parent". Only the carers' (or the pupil's) word, or the school's hearing of it: "unless the Headteacher agrees
 * otherwise" is a member of staff's discretion, "unless otherwise stated" the document's own caveat.
 */
export function optsOutOtherwise(lower: string): boolean {
  if (
    /\bunless otherwise (requested|instructed|indicated|advised|notified|specified|stated|agreed|directed) by (the |a |any |their |your )?(child's |pupil's )?(parents?|carers?|guardians?|famil(y|ies)|you|pupils?|students?)\b/.test(
      lower,
    )
  )
    return true;
  const m =
    /\bunless ([^.;:]{0,80}?)\b(request|requests|requested|ask|asks|asked|indicate|indicates|indicated|state|states|stated|specify|specifies|specified|tell|tells|told|inform|informs|informed|notify|notifies|notified|advise|advises|advised|instruct|instructs|instructed|express|expresses|expressed|wish|wishes|wished|direct|directs|directed|hear|hears|heard|say|says|said|let us know)\b[^.;:]{0,24}?\botherwise\b/.exec(
      lower,
    );
  if (!m) return false;
  const who = m[1];
  return (
    /\b(parents?|carers?|guardians?|famil(y|ies)|you|pupils?|students?|child|we|us|the (school|academy|nursery|setting|office))\b/.test(who) &&
    !/\b(head|headteacher|head teacher|principal|staff|teachers?|dsl|governors?|managers?|officers?|leads?|leaders?|coordinators?|team)\b/.test(who)
  );
}

/** Uses that need no consent (the school's public task), and uses where carers opt out (consent.purposes.KEY.basis). */
/** Images used unless a carer objects, opts out or says otherwise. */
export const optsOut = (lower: string) =>
  optsOutOtherwise(lower) ||
  noActionOptOut.test(lower) ||
  /\bunless (a |the )?(parents?|carers?)( or carers?)? (object|objects|has objected|have objected|tell us|have told us|ask us not|opt out|raises? an objection|has raised an objection)|\bunless (specific |an |any )?objections? (is |are |has been |have been )?(raised|made|received|lodged)\b|(?<!\bopt[- ]in,? (or|and) (to )?|\bopt[- ]in ?\/ ?)\b(opt|opted) out\b|\botherwise (the|your|their) (child|pupil)(ren)?s? will be (included|photographed|shown)\b/.test(
    lower,
  ) ||
  // "If you do not wish photographs of your child to be used for these purposes, please contact the school": used unless
  // the carer speaks up (not "…please tick the box on the consent form": that is the form's answer).
  (/\bif you (do not|don't|would not|would prefer not|prefer not|would rather not|(would )?(prefer|rather)(?= (that )?your (child|son|daughter|children)('s)? (photo(graph)?s? |images? |pictures? )?(is |are |was |were )?(did |does |do |would |should )?(not|never)\b))( wish| want| like)?( for| that)? (your|photo(graph)?s? of your|images? of your|pictures? of your) (child|son|daughter|children)\b[^.]*\b(please |then |simply |just )*(contact|tell|inform|notify|let|speak to|write to|email|e-mail|see)\b/.test(
    lower,
  ) &&
    !/\b(forms?|slips?|boxe?s?|tick|indicate)\b/.test(lower));

const basis: SentencePattern = {
  name: 'a use needs no consent, or carers opt out',
  read: (s) => {
    // "Unless a parent has asked otherwise, we use pupils' images in these ways:" over the item "on displays around the
    // school": the lead's opt-out is the item's (a use inside school only; one outside it cannot be opt-out).
    const lead = s.item ? (s.lead ?? '') : '';
    if (/:$/.test(lead) && /\b(photo(graph)?s?|photography|images?|pictures?)\b/.test(lead) && optsOut(lead))
      return namedUses(s.lower, s.negated)
        .filter((key) => key === 'displays' || key === 'class-photo')
        .map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
    // "We take photographs … for the prospectus, the website and school displays. This is part of our public task…":
    // "this" is the sentence before and its uses.
    // "…are processed under the school's public duty. Therefore, consent is not required.": so is "therefore".
    const pointsBack =
      /^(this|these|such (use|uses|photographs|images)|all of this|all of these|therefore|thus|as such|for (this|these) (reasons?|purposes|uses))\b|\bfor (these|such)( uses| purposes| images| photographs| pictures)?\.?$|\b(for|in) (these|such|those|the above) (uses|purposes|ways)\b/.test(
        s.lower,
      ) && s.previous;
    const found = pointsBack ? [...new Set([...namedUses(s.lower), ...namedUses(s.previous!)])] : namedUses(s.lower);
    // "Photographs matter to us. We use them on displays…": the images may be named in the sentence before.
    if (!found.length || !/\b(photo(graph)?s?|photography|images?|pictures?)\b/.test(`${s.lower} ${s.previous ?? ''}`)) return [];
    if (
      /\b(consent|permission) (is|will) (therefore |thus |also )?not (be )?(needed|required|sought|asked)\b|\b(needs?|requires?) no (parental |separate )?(consent|permission)\b|\bno (parental )?(consent|permission) (is|will be) (needed|required|sought|asked)\b|\b(part of|under) (our|the school's|the academy's|its) public task\b|\bdo(es)? not (need|require) (parental )?(consent|permission)\b|\b(we|the school|the academy) (do|does|will) not (ask|seek) (for )?(parental |your )?(consent|permission)\b|\bwithout (the need for )?(parental )?(consent|permission)\b[^.]*\b(public task|legitimate|educational purposes)\b|\b(processed|used|taken|held|kept) (on the (lawful )?basis of|under|as part of) (the |our |its |a )?(school's |academy's |trust's |nursery's )?public (task|duty)\b|\bon the (lawful )?basis of (the |our |its )?([a-z']+ ){0,2}public (task|duty)\b[^.]*\b(consent|permission) is (therefore |thus )?not (needed|required)\b/.test(
        s.lower,
      )
    )
      return found.filter((key) => key === 'displays').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'public-task' }));
    if (optsOut(s.lower))
      return found.filter((key) => key === 'displays' || key === 'class-photo').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
    return [];
  },
};

consentPatterns.push(basis);
