/**
 * Photographs: occasions never photographed (photos.prohibitedContexts) and how long photographs
 * are kept (retention.deletePhotosAfterYears). A prohibition needs a photograph, a negation on
 * taking or using it, and an occasion; a rule for parents or visitors, or one with "unless", is not the school's.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { withUndertaking } from './consent.table.ts';
import { aboutSchoolsOwnName, numberFrom, type Sentence } from './text.ts';
import { pressNamingPattern } from './naming.press.ts';
import type { Found, SentencePattern } from './types.ts';

/** Occasions (the default photos.contexts keys) by the words schools use for them. */
export const occasions: [string, RegExp][] = [
  ['swimming', /\bswim(ming)?\b|swimwear|swimsuits?|costumes? for swimming|in the pool\b|swimming pool/],
  ['sports-day', /\bsports? days?\b/],
  ['assembly', /\bassembl(y|ies)\b/],
  ['performance', /\b(performances?|plays?|concerts?|nativity)\b/],
  ['trip', /\b(school trips?|educational visits?|residentials?|outings?)\b/],
];

const photo = /\b(photo(graph)?s?|photography|photographed|photographing|images?|pictures?|cameras?|film(ed|ing)?|video(ed|s)?|recorded)\b/;
const refusal =
  /\b(no (photo(graph)?s?|photography|images?|pictures?|filming|cameras?)|not (be )?(permitted|allowed)|prohibited|forbidden|never|(may|must|will|should|shall|can|are|is)( not|n't) be (taken|used|published|shared|displayed|filmed|recorded)|cannot be (taken|used))\b/;
/** A rule about the device ("mobile phones must not be used to photograph…") prohibits no occasion. */
const device = /\b(personal|own|mobile|private|staff) (phones?|devices?|cameras?|equipment)\b|\bmobile phones?\b/;
/** A place narrower than an occasion (bedrooms, toilets): in the same part of the sentence as the occasion, it narrows it. */
const place = /\b(bedrooms?|dormitor\w*|toilets?|showers?|washrooms?|changing (rooms?|areas?|facilities|cubicles?)|undress(ed)?|state of undress)\b/;
// "Children's photographs…" is about the school's photographs: only the people themselves as the subject count.
const othersRule = /^(parents?|carers?|visitors?|pupils?|children|families|guests?|members of the public|spectators)\b(?!')/;
/** "Children will never be photographed…": the children are what is photographed, not who photographs. */
const photographedSubject = /^(pupils?|children|students?)\b[^,;]*\b(be|being|are|is|get) (photographed|filmed|recorded|pictured)\b/;

/**
 * A moment narrower than an occasion is no prohibition of it: "dressed after swimming", "trips at night",
 * "residential visits overnight" are taken out before the occasions are read.
 */
const narrowed = (text: string) =>
  text
    // "…may withdraw their child from a performance": taking a child out of an occasion bans no photographs at it.
    .replace(
      /\b(withdraw\w*|excus\w*|remov\w*|(take|takes|taken|taking|kept|keep|keeps|opt|opts|opted) (them |their child |the child |him or her |pupils? |children )?out|(not|choose not to) (take|taking) part|sit(s|ting)? out)\b[^.;,]*/g,
      ' ',
    )
    .replace(/\b(changed|changing|getting dressed|dressed|dressing|undress\w*|shower\w*) (after|before|for|at) (the |their )?[\w-]+/g, ' ')
    .replace(/\b[\w-]+ (?:[\w-]+ )?(at night|overnight|at bedtime|in (their |the )?(bedrooms?|dormitor\w+|tents?))\b/g, ' ');

/** A carer who does not agree, allow or wish something, or may withdraw a child: the carer's decision, not the school's rule. */
const carersChoice =
  /\b(parents?|carers?|families|guardians?|they|you)\b[^.;]{0,200}\b(not|n't|never) (agree|allow|wish|want|consent|permit|give (their |your )?(consent|permission))\b|\b(parents?|carers?|families|guardians?|they|you) (may|might|can|could) (wish|decide|choose|prefer) (to|not to)\b/;

const prohibited: SentencePattern = {
  name: 'photographs are not taken on an occasion',
  readsLists: true,
  read: (s) => {
    // (Each clause has its own subject: "Pupils will be appropriately dressed…; photographs of swimming lessons will not be
    // taken" is the school's rule in its second clause.)
    const refusing = s.lower.split(/;\s*/).filter((clause) => refusal.test(clause));
    const othersOnly =
      othersRule.test(s.lower) && (!/^(pupils?|children|students?)\b/.test(s.lower) || !refusing.length || refusing.some((clause) => othersRule.test(clause)));
    if (!photo.test(s.lower) || (othersOnly && !photographedSubject.test(s.lower))) return [];
    // A condition ("if a parent has asked us not to", "unless…") prohibits nothing outright.
    if (/\b(unless|except|without|if|until)\b/.test(s.lower) || device.test(s.lower)) return [];
    // A carer's own choice ("parents … would not agree to allow their child to take part in a performance where…") bans nothing.
    if (carersChoice.test(s.lower)) return [];
    // Families asked not to photograph ("we ask parents not to take photographs during performances"), the reader doing
    // something ("…when you are helping in class"), or the school keeping a choice ("may ask that no photography takes
    // place during a particular performance"): no occasion the school never photographs.
    if (
      /\b(ask|asks|asked|request|requests|remind|reminds|require|requires)( that)? (all )?(parents?|carers?|families|visitors?|you|the audience|audiences?|guests?|spectators)\b/.test(
        s.lower,
      ) ||
      /\byou (are|were|come|visit|attend|help|take|bring|film|record)\b/.test(s.lower) ||
      /\b(may|might|can|could|reserves? the right to) (ask|request|decide|choose|stop|prevent)\b|\b(a particular|certain|some|specific|individual) (performances?|events?|occasions?|concerts?|productions?)\b/.test(
        s.lower,
      )
    )
      return [];
    const negatedPhoto = photo.test(s.negated) || /\b(taken|take|used|use|published|shared|displayed)\b/.test(s.negated);
    if (!negatedPhoto && !refusal.test(s.lower)) {
      // "Children are photographed only in suitable dress (i.e. not during swimming)": the occasion after "not during".
      const except = /\b(?:not|never) (?:during|at|in|on|while|when)\b([^.;,)]*)/.exec(s.lower);
      const named = except ? occasions.filter(([, pattern]) => pattern.test(narrowed(except[1]))).map(([key]) => key) : [];
      return named.length && !place.test(except![1]) ? [{ setting: 'photos.prohibitedContexts', value: named, combine: 'union' }] : [];
    }
    // The whole sentence: only its clauses that refuse ("Photography is not permitted by parents; parents may…").
    const scope = narrowed(
      s.negated && negatedPhoto
        ? s.negated
        : s.lower
            .split(/;\s*/)
            .filter((clause) => refusal.test(clause))
            .join('; '),
    );
    // A place in the same part as the occasion narrows it ("trips … in their bedrooms"); listed apart
    // ("in the swimming baths, in the toilets or…") it is a rule of its own.
    const parts = scope.split(/,|;| or | and /).filter((part) => !place.test(part));
    // "The school does not post photographs of children in swimwear": what is not published is a state of dress, not an
    // occasion never photographed (taking them is another matter: "no photographs of children in swimsuits are taken").
    const publishingOnly =
      /\b(post|posts|posted|publish|publishes|published|share|shares|shared|upload|uploads|uploaded|display|displays|displayed)\b/.test(s.lower) &&
      !/\b(take|takes|taken|taking|photograph|photographed|photographing|film|filmed|filming)\b/.test(s.lower);
    const dressOnly = (part: string) =>
      /\b(swimwear|swimsuits?|swimming costumes?|costumes? for swimming)\b/.test(part) &&
      !/\bswim(ming)? (lessons?|galas?|sessions?|pools?|baths|trips?)\b|\bswimming\b(?! costumes?)/.test(part);
    // "…photographs of swimming lessons or changing will not be taken": the occasion is the subject, before the negation.
    const subject =
      negatedPhoto && s.negated && /\b(taken|take|filmed|photographed|recorded)\b/.test(s.negated)
        ? (/(?:^|[;,]\s*)(?:[a-z' ]{0,30}\b)?(?:photo(?:graph)?s|images|pictures|videos|photography|filming) (?:of|at|during|in) ([^,;]{3,60}?) (?:will|must|should|shall|may|are|is|can)(?: not|n't| never)\b/.exec(
            s.lower,
          )?.[1] ?? '')
        : '';
    const subjectParts = narrowed(subject)
      .split(/ or | and /)
      .filter((part) => part && !place.test(part));
    const found = occasions
      .filter(([key, pattern]) => [...parts, ...subjectParts].some((part) => pattern.test(part) && !(key === 'swimming' && publishingOnly && dressOnly(part))))
      .map(([key]) => key);
    return found.length ? [{ setting: 'photos.prohibitedContexts', value: found, combine: 'union' }] : [];
  },
};

const deleted: SentencePattern = {
  name: 'photographs are deleted after a time',
  read: (s) => {
    if (!/\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower)) return [];
    // "held for no longer than three years": the limit says they go after it.
    const limit =
      /\b(?:held|kept|retained|stored) (?:for )?(?:no (?:longer|more) than|a maximum of|at most) (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?\b/.exec(
        s.lower,
      );
    if (limit && !s.negated.match(/held|kept|retained|stored/) && !/\bleav(e|es|ing)\b/.test(s.lower)) {
      const years = numberFrom(limit[1]);
      return years !== null && years <= 10 ? [{ setting: 'retention.deletePhotosAfterYears', value: years }] : [];
    }
    if (!/\b(delet|destroy|eras|remov)/.test(s.lower)) return [];
    if (/\b(delet|destroy|eras|remov)\w*/.test(s.negated)) return [];
    // "…removed or archived within two years": kept in an archive, not deleted.
    if (/\bor (be )?(archived|archive|moved|transferred|kept)\b/.test(s.lower)) return [];
    // "Photographs on the website … removed": taken off a channel, which is not deleting them.
    if (
      !/\b(delet|destroy|eras)/.test(s.lower) &&
      /\b(websites?|web ?pages?|social media|displays?|noticeboards?|walls?|apps?|class ?dojo|seesaw|tapestry|newsletters?)\b/.test(s.lower)
    )
      return [];
    // Counted from when the pupil leaves, not from the year the photograph was taken: another rule.
    if (/\bleav(e|es|ing)\b|\bhas left\b/.test(s.lower)) return [];
    if (/\bthe (following|next) (academic |school )?year\b/.test(s.lower)) return [{ setting: 'retention.deletePhotosAfterYears', value: 1 }];
    const span =
      /\b(?:after|for|within|kept for|retained for|up to) (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?\b/.exec(
        s.lower,
      );
    // "deleted two years after they were taken".
    const before = /\b(a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years? (?:after|from|following)\b/.exec(s.lower);
    const years = span ? numberFrom(span[1]) : before ? numberFrom(before[1]) : null;
    return years !== null && years <= 10 ? [{ setting: 'retention.deletePhotosAfterYears', value: years }] : [];
  },
};

/**
 * Places the default occasions do not have, where schools forbid photographs: proposed as an addition
 * (photos.contexts+, the new key) with its prohibition. One place a sentence: "toilets or changing rooms"
 * would be two additions on one path, so it proposes nothing (the head adds them in the editor).
 */
export const newPlaces: [string, RegExp][] = [
  ['changing-rooms', /\bchanging (rooms?|areas?|facilities|cubicles?)\b/],
  ['toilets', /\btoilets?\b|\bwashrooms?\b|\blavatories\b/],
];

const placeProhibited: SentencePattern = {
  name: 'photographs are never taken in a place the occasions do not list',
  read: (s) => {
    if (!photo.test(s.lower) || (othersRule.test(s.lower) && !photographedSubject.test(s.lower))) return [];
    if (/\b(unless|except|without|if)\b/.test(s.lower) || device.test(s.lower)) return [];
    const negatedPhoto = photo.test(s.negated) || /\b(taken|take|used|use)\b/.test(s.negated);
    if (!negatedPhoto && !refusal.test(s.lower)) return [];
    const found = newPlaces.filter(([, pattern]) => pattern.test(s.lower)).map(([key]) => key);
    // "…in the toilets or in any place where children are changing": a second private place, not one addition.
    const others = s.lower.replace(/\bchanging (rooms?|areas?|facilities|cubicles?)\b/g, '');
    if (found.length !== 1 || /\b(chang(ing|ed)|dress(ing|ed)|showers?|bedrooms?)\b/.test(others)) return [];
    return [
      { setting: 'photos.contexts+', value: found[0] },
      { setting: 'photos.prohibitedContexts', value: found, combine: 'union' },
    ];
  },
};

export const photoPatterns: SentencePattern[] = [prohibited, placeProhibited, deleted];

/** Where photographs are published (the default photos.channels keys) by the words schools use. */
export const channels: [string, RegExp][] = [
  ['website', /\bweb ?(sites?|pages?)\b/],
  [
    'social-media',
    /\bsocial (media|networking)\b|\bfacebook\b|\btwitter\b|\binstagram\b|\byoutube\b|\btiktok\b|\b(school|academy|our|its|the school's)('s)? x (account|feed|page)\b|\b(on|via|to) x\b(?![-'])|\bx \(formerly twitter\)|\b(re)?tweet(s|ed|ing)?\b/,
  ],
  // Displays in school: a naming rule for captions on a wall is the display's, not an online channel's.
  [
    'display',
    /\b(classroom|corridor|wall|school|class|learning|celebration) displays?\b|\bdisplays\b|\bon display\b|\bdisplay (boards?|areas?)\b|\b(displayed|put up) (in|within|around|on the walls of|on the walls in) (the )?(school|classrooms?|corridors?|nursery|setting|building|hall)\b/,
  ],
  ['newsletter', /\bnewsletters?\b|\b(school|printed) publications?\b/],
  ['prospectus', /\bprospectus(es)?\b|\b(school|printed) publications?\b/],
  [
    'press',
    /\bnewspapers?\b|\b(local|national|regional) (news)?papers?\b|\bpress releases?\b|\b(the|local) (local )?press\b|\b(the|local|national|news|public|mainstream|wider) media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club))/,
  ],
];

/** "Pupils are referred to by first name…": the pupils are who is named, not who names. */
const namedSubject = /^(pupils?|children|students?)\b[^,;]*\b(are|is|will be|be)( not| never)? (referred to|identified|known|named|called|shown)\b/;

/**
 * A name given on a channel only with the carers' consent: "Learners' full names may appear in the local newspaper with
 * parental consent", a form's "(names may be printed if you agree)", "Newspapers may wish to print pupils' full names; the
 * school will ask parents for specific consent before any name is given".
 */
const namesWithConsent = new RegExp(
  [
    String.raw`\bnames?\b[^.;()]{0,50}\b(may|can|will|would|could|are|is)( only)? (be )?(printed|given|published|used|shown|included|added|disclosed|released|appear)\b[^.;()]{0,60}\b(with|if|where|once|after|when)\b[^.;()]{0,40}\b(consent|permission|agree|agrees|agreed|consented|consents)\b`,
    String.raw`\b(ask|asks|seek|seeks|obtain|obtains|request|requests|get|gets)\b[^.;()]{0,40}\b(consent|permission)\b[^.;()]{0,30}\bbefore (any |a |their |the |the child's |pupils'? )?(full )?names? (is |are |will be |can be )?(given|printed|published|used|released|disclosed)\b`,
    String.raw`\bnames? (only )?(if|with|where|once) (i|you|we|parents?|carers?|the parents?|families) (agree|consent|give (consent|permission)|have (agreed|consented))\b`,
  ].join('|'),
);
/** "Names will not be printed in the newspaper without consent": the same rule, said twice negated. */
const namesNotWithoutConsent =
  /\bnames?\b[^.;()]{0,50}\b(will|must|should|are|is|may|can|shall)( not|n't| never) (be )?(printed|given|published|used|shown|included|released|disclosed|appear)\b[^.;()]{0,60}\bwithout\b[^.;()]{0,40}\b(consent|permission|agreement)\b/;

/** The channels a name given with consent is for: those of its clause, or the sentence's one channel. */
function namedWithConsent(s: Sentence): string[] {
  const lower = s.lower.replace(/[()]/g, (c) => (c === '(' ? '; ' : ' '));
  const clauses = lower.split(/;\s*/);
  const at = clauses.findIndex((clause) => namesWithConsent.test(clause) || namesNotWithoutConsent.test(clause));
  if (at < 0) return [];
  const clause = clauses[at];
  // A first name, an initial, staff's names or a member of staff's say are other rules.
  if (
    /\b(first|christian|fore|given) ?names?\b|\binitials?\b/.test(clause) ||
    staffPermission(clause) ||
    /\b(staff|teachers?|governors?)('s?)? names?\b/.test(clause)
  )
    return [];
  // The school's own name ("The school's name or logo must not be used … without written permission"), or the school's say.
  if (
    /\b(school|academy|trust|college|company)('s)? (own )?names?\b|\bnames? (or|and) logos?\b|\bpermission (from|of) the (school|academy|headteacher|head|principal|trust)\b/.test(
      lower,
    )
  )
    return [];
  // Any other negation ("names may not be printed, even if you agree") is not this rule; a form's "Yes / No" is no negation.
  if (!namesNotWithoutConsent.test(clause) && /\b(not|never|no)\b/.test(clause.replace(/\bno names?\b|\byes\s*\/\s*no\b/g, ''))) return [];
  const own = channelsIn(clause);
  if (own.length) return own;
  const all = channelsIn(lower);
  return all.length === 1 ? all : [];
}

const naming: SentencePattern = {
  name: 'how pupils are named beside their photographs on a channel',
  // Each clause on its own: "first names only on social media; full names on the website with permission" is two rules.
  read: (item) => {
    // An item under the school's undertakings ("We will:" then "not publish a pupil's full name…") is read with its subject.
    const s = withUndertaking(item);
    // A channel named with consent takes that rule; the sentence's other clauses are read for the other channels.
    const withConsent = namedWithConsent(s);
    const rest = namingRules(s).filter((f) => !withConsent.some((key) => f.setting === `photos.channels.${key}.naming`));
    return [...withConsent.map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'full-with-permission' })), ...rest];
  },
};

/** "First name and initial may be used", "a first name and the initial of the surname": neither first names only nor none. */
const firstAndInitial =
  /\b(first|given|fore) ?names? (and|plus|with) (an? |the |their )?(surname |last name |family name )?initials?\b|\binitials? of (the |their )?(surname|last name|family name)\b/;

function namingRules(s: Sentence): Found[] {
  if (aboutSchoolsOwnName(s.lower)) return [];
  // A request to the reader ("Please do not use children's full names when you comment") is theirs, not the channel's rule.
  if (/^please (do not|never|avoid|only|use|refrain|make sure)\b/.test(s.lower)) return [];
  // A first name and initial allowed on a channel: what the sentence before said of it ("…will not include full names")
  // is not the whole rule, so no naming rule is proposed there.
  if (firstAndInitial.test(s.lower) && !/\b(not|never|no)\b/.test(s.lower.split(firstAndInitial)[0].split(/[,;]/).pop() ?? '')) {
    const own = channelsIn(s.lower);
    const near = own.length ? own : channelsIn(s.previous ?? '').length ? channelsIn(s.previous ?? '') : scopeChannels(s);
    return near.map((key) => ({ setting: `photos.channels.${key}.naming`, value: null }));
  }
  // "Consent will be obtained … for publication in a newspaper (and use of their name)": a name there needs the
  // carers' express permission, on the one channel the name's clause follows.
  const askedName = nameAsked.exec(s.lower);
  if (askedName && asksConsent(s) && !/\b(unless|except|generally|usually|normally)\b/.test(s.lower)) {
    const before = channelsIn(
      s.lower
        .slice(0, askedName.index)
        .split(/[,;:]/)
        .filter((part) => part.trim())
        .pop() ?? '',
    );
    // "…the photographing of their children (and use of their name) for publication in a newspaper": the channel after
    // the name's clause, in the same clause, when none stands before it.
    const after = before.length ? [] : channelsIn(s.lower.slice(askedName.index + askedName[0].length).split(/[,;:]|\. /)[0] ?? '');
    const named = before.length ? before : after;
    return named.length === 1 ? [{ setting: `photos.channels.${named[0]}.naming`, value: 'full-with-permission' }] : [];
  }
  const inScope = scopeChannel(s);
  // A list item under a lead that sets guidelines for several channels ("…the following guidelines when using images on
  // the website, newsletters and displays:") is a rule for each of them.
  // So is one under "When publishing images on the website or social media:", "On all websites and official social media:".
  const governed =
    s.item &&
    s.lead &&
    (/\b(following|guidelines|rules|principles|conditions)\b/.test(s.lead) ||
      /^([0-9.]+ )?([a-z ]{0,30}\. )?((when|whenever|before) (publishing|posting|sharing|using|uploading)\b|on (all |the |our |any )?([a-z']+ )?(websites?|social media|facebook|twitter|instagram|newsletters?)\b)/.test(
        s.lead,
      ))
      ? channelsIn(s.lead)
      : [];
  if (avoidNaming.test(s.lower) && exceptFirstNames.test(s.lower)) {
    // "To avoid identifying a pupil by name (unless for an award, and then only using a first name)": first names at
    // most, on the channel the sentence names or the one its list's lead ties it to ("On the school website we will:").
    const named = channelsIn(s.lower.replace(exceptFirstNames, ''));
    const led = s.item && s.lead ? channelsIn(s.lead) : [];
    const found = named.length ? named : led.length === 1 ? led : [];
    return othersRule.test(s.lower) && !namedSubject.test(s.lower)
      ? []
      : found.map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'first-names' }));
  }
  // Several channels in scope (a paragraph about "our website and Facebook page", a section on both): the rule is each one's.
  const scoped = governed.length ? governed : inScope === 'ambiguous' ? scopeChannels(s) : [];
  return s.lower.split(/;\s*/).flatMap((clause) => namingIn(clause, inScope, scoped));
}

/** The child's name asked about with the use: "(and use of their name)", "including publication of your child's name". */
const nameAsked =
  /\b(and|including|with|together with|as well as) (the )?(use|publication|printing|inclusion|naming) (of )?((their|your|the|his or her|a) ((child|pupil|student|son|daughter)('s|s') )?|(pupils'?|children's|students'?) )(full )?names?\b/;

/** A pupil is not to be named… */
const avoidNaming =
  /\b(avoid|avoiding|not|never|no)\b (identifying|identify|identification of|naming|name|using the names? of) (a |any |an individual |individual |the )?(pupils?|children|child|students?)\b|\b(avoid|avoiding) (using |giving |publishing )?(pupils'? |children'?s? |their )?names\b|\b(pupils?|children|students?|a child|a pupil)\b (will|should|must|are|is|shall) (not|never) (be )?(named|identified by (their )?names?)\b|\bno (child|pupil|student)s? (will|should|must|is|are|shall) be (named|identified by (their )?names?)\b/;
/** …unless for a reason, and then by first name only: the exception allows first names and no more. */
const exceptFirstNames =
  /\b(unless|except)\b[^.;]*\b(only (using |use |give |giving |with |by )?(a |their |the |his or her )?(first|christian|given|fore) ?names?|(first|christian|given|fore) ?names? only)\b[^.;]*/;

const channelsIn = (text: string) => channels.filter(([, pattern]) => pattern.test(text)).map(([key]) => key);

/** An earlier sentence that is about publishing photographs on a channel ("Our Twitter feed shares pictures of class activities."). */
const aboutPublishing = /\b(photo(graph)?s?|images?|pictures?|videos?|post(s|ed|ing)?|publish(es|ed|ing)?|shares?|shared|tweets?|feed|uploaded)\b/;

/**
 * The channel a rule that names none is about: the one channel its heading, the lead of its list ("On our
 * Facebook page we:") and the earlier sentences of its paragraph name, together. Two channels in scope: 'ambiguous'
 * (no rule is proposed); none: null.
 */
export function scopeChannel(s: Sentence): string | null {
  const named = scopeChannels(s);
  return named.length === 1 ? named[0] : named.length > 1 ? 'ambiguous' : null;
}

/** Every channel a rule that names none is about: its heading's, its list's lead's, its paragraph's, or else its page title's. */
function scopeChannels(s: Sentence): string[] {
  // A sentence or heading about parents' or staff's own photographs ("Parents must not post pictures on social
  // media") says nothing of where the school publishes: its channel is no scope for the school's naming rule.
  const earlier = (s.earlier ?? '')
    .split(/(?<=[.!?]) /)
    .filter(
      (t) =>
        aboutPublishing.test(t) &&
        !othersOwn.test(t) &&
        !/\b(do|does|will) not (post|publish|use|have|share)\b|\bno (facebook|twitter|instagram|social media)\b/.test(t),
    )
    .join(' ');
  const heading = othersHeading.test(s.heading ?? '') ? '' : (s.heading ?? '');
  // The list's own lead is nearest: "In the termly newsletter:" under "School Website" is the newsletter's rule.
  const led = s.item ? channelsIn(s.lead ?? '') : [];
  if (led.length) return led;
  const sources = [heading, earlier];
  const named = new Set(sources.flatMap(channelsIn));
  // Nothing nearer names a channel: the page's own title ("Facebook Guidelines") may.
  if (!named.size && s.title && !othersHeading.test(s.title)) return channelsIn(s.title);
  return [...named];
}

const othersOwn =
  /^(parents?|carers?|visitors?|families|relatives|grandparents|guests?|staff|members of staff|employees?|pupils?|students?|children)\b(?!')[^.]*\b(take|takes|taking|post|posts|posting|share|shares|sharing|upload|uploads|film|films|record|records|photograph|use|using)\b|\b(their|your|his|her) own\b|\bpersonal (social media|accounts?|devices?|phones?|pages?|profiles?)\b/;
const othersHeading = /\b(parents?|carers?|visitors?|families|staff|employees?|personal)\b/;

/** "If a pupil is named, their photograph is not used; if their photograph is used, they are not named": never a name beside a photograph. */
const nameOrPhoto =
  /\b(not|never) (print|use|give|include|publish|add|put|show|state|display)s? (a|the|any|their) (child's|pupil's|student's|children's|pupils'|students') names? (if|when|where|whenever) (it is|they are|it's|this is) (accompanied by|next to|beside|alongside|shown with|used with|placed with|with) (a|an|their|the|any) (photo(graph)?|image|picture)\b|\b(if|where|when|whenever) (a |an |the )?(photo(graph)?|image|picture)s? (is|are) (used|published|shown|displayed|posted)\b[^.;]*\bno (pupil's |child's |student's )?names? (is|are|will be) (displayed|given|used|shown|published|included|attached|printed|added)\b|\b(if|where|when|whenever) (a |an |the )?(individual )?(pupil|child|student) is (named|identified by name)\b[^.;]*\bno (photo(graph)?|image|picture)s? (of (that|the|this) (pupil|child|student) )?(is|are|will be) (displayed|used|shown|published|included)\b|\b(if|where|when) (a |an |the )?(individual )?(pupil|child|student)('s name)? is (named|identified by name)\b[^.;]*\b(photo(graph)?s?|images?|pictures?)\b[^.;]*\b((will|should|must|is|are) (not be (used|shown|published|included)|be (omitted|left out|removed))|(avoid|do not|don't|will not|won't) (use|using|include|including|publish|publishing))\b|\b(if|where|when) (their|a|the|his or her|(a|the) (pupil|child|student)'s) (photo(graph)?|image|picture) is (used|published|shown)\b[^.;]*\b(name (will|should|must|is) (not be (used|given|included|published)|be (omitted|left out|removed))|(avoid|do not|don't|will not|won't) (naming|name|use (their|the|his or her) name))\b/;

/** The name-or-photograph rule ("if a pupil is named, no photograph; if a photograph is used, no name"), in a sentence. */
export const nameOrPhotoRule = (lower: string) => nameOrPhoto.test(lower) && !othersRule.test(lower) && !/\b(unless|except)\b/.test(lower);

/** Places names are used that are none of the channels: letters, reports, registers, learning journals, the classroom. */
const otherMedium =
  /\b(e-?mails?|letters?|reports?|registers?|text messages?|messages|class ?dojo|tapestry|seesaw|learning (journals?|journeys?)|classrooms?|lanyards?|badges?|pegs|trays|in (the )?(school|class|nursery|setting)|around (the )?(school|nursery|setting)|comments?|commenting)\b/;

/**
 * Names withheld unless the carers give express (written, specific) permission; or unless the carer gives their
 * permission, an act of its own for the name ("…will not be released with the child's name unless the parent gives their
 * permission for this"): express too. ("Unless their parents agree" stays a condition.)
 */
const namesUnlessExpress =
  /\b(not|never|no)\b[^.;]*\b(names?|named|naming)\b[^.;]*\b((unless|without|except with)\b[^.;]*\b(express|written|specific|explicit|signed)( written)? (parental |parents'? |carers'? )?(permission|consent)|unless (the |a |their |his or her |the child's |the pupil's )?(parents?|carers?|guardians?|famil(y|ies))( or (carers?|guardians?))? (gives?|grants?|has given|have given|provides?|has provided|have provided) (their |his or her |her |his |its )?(permission|consent))\b/;

/** "If (pupils') photographs are used (on the website)," opening a naming rule: its scope, not a condition on it. */
const usedScope =
  /^if (any |the )?((pupils'?|students'?|children's|pupil|student|child) )?(photo(graph)?s?|images?|pictures?|videos?)( of (pupils|students|children))? (are|is) (used|published|posted|shown|displayed|included)\b[^,]{0,60},\s*/;

function namingIn(clause: string, inScope: string | null, governed: string[]): Found[] {
  {
    // "first name only for newspapers, or when the child wrote the article": the rule is the main clause's; an
    // alternative occasion ("or when…", "or if…") adds cases the rule does not settle per channel.
    const [main] = clause.split(/,? (?:or|and) (?:when|if)\b/);
    const nameWord = /\b(fore|first|given|sur)?names?\b|\bnam(ed|ing)\b/;
    const lower = nameWord.test(main) ? main : clause;
    if (!nameWord.test(lower)) return [];
    if (nameOrPhoto.test(lower) && !othersRule.test(lower) && !/\b(unless|except)\b/.test(lower)) {
      const named = channelsIn(lower);
      if (!named.length && inScope === 'ambiguous') return [];
      return (named.length ? named : inScope ? [inScope] : []).map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'none' }));
    }
    if (othersRule.test(lower) && !namedSubject.test(lower)) return [];
    // "When commenting, parents should use first names only": after an opening clause, the subject is who the rule is for.
    const afterOpening = lower.replace(/^(when|whenever|while|if|on|in|before|after|during|for)\b[^,]{0,80},\s*/, '');
    if (afterOpening !== lower && othersRule.test(afterOpening) && !namedSubject.test(afterOpening)) return [];
    // "Generally no names will be attached": a hedge is no rule.
    if (/\b(generally|usually|normally|typically|in most cases|where possible|wherever possible|as a rule|often|sometimes)\b/.test(lower)) return [];
    // "only first names … on the website unless prior consent is received": a condition; it settles no rule for the
    // channels it names, and another sentence's plain rule for them is not proposed either (merge drops a null).
    // (So is "without the Headteacher's permission": a member of staff's exception, not the carers'.)
    // ("If pupils' photographs are used on the website, only first names…" opens with the rule's scope, as "When…" does.)
    const ruled = lower.replace(usedScope, '');
    const conditional = /\b(unless|except|if)\b/.test(ruled) || (/\bwithout\b/.test(lower) && staffPermission(lower));
    // Staff's own accounts: conduct, not how the school's channel names pupils.
    if (/\b(personal|own|private) (social media|accounts?|profiles?|pages?|devices?|phones?)\b/.test(lower)) return [];
    // Staff's or governors' names are not pupils' naming ("Staff who appear on our page are not named" too).
    if (
      /^(staff|members of staff|teachers?|adults?|employees?|governors?|volunteers?|colleagues?)\b(?!')[^,;]*\b(are|is|will be|be)( not| never)? (referred to|identified|known|named|called)\b/.test(
        lower,
      ) ||
      /\b(staff|teachers?|employees?|governors?|adults?|colleagues?)('s?)? (full |first )?names?\b|\bnames? of (the )?(staff|teachers|employees|governors|adults|colleagues)\b/.test(
        lower,
      )
    )
      return [];
    // "…will not be released with the child's name unless the parent gives express permission": named only with express
    // permission ("unless parents agree", with no express or written permission, stays a condition).
    const withExpressPermission = namesUnlessExpress.test(lower) && !staffPermission(lower);
    const rule = withExpressPermission
      ? 'full-with-permission'
      : /\b((first|christian|fore|given) ?names? only|(identified|referred to|known|named) by (their )?(first|christian|fore|given) ?names?\b(?! and (surnames?|last names?|family names?))|only (ever )?(use |give |print |publish |include )?(their |the |a |pupils' |children's |a child's |the child's |a pupil's |the pupil's |a student's |the student's |students' )?(first|christian|fore|given) ?names?)\b/.test(
            lower,
          )
        ? 'first-names'
        : /\bfull names?\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\b(express|written|specific|explicit) (written )?(permission|consent)\b.*\b(include|use|give|publish)s? (a |their |the )?(full )?names?\b|\b(include|use|give|publish|add)s? (a |their |the )?(full )?names? (with|beside|alongside|under)\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\bonly (carry|include|show|print|publish|use|give)s? (their |the |a |pupils'? |children'?s? )?(full )?names? (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b|\bnames? (are |is |will be )?(printed|published|given|used|included) only (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b/.test(
              lower,
            )
          ? 'full-with-permission'
          : /\bno (pupils'? |children'?s? |child's |individual )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify (any |individual |the )?(children|pupils?|students?|a child|any child|them) by (their )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify by (their )?names? ((any|the|individual|a|our|all) )?((of )?(the |our )?)?(children|pupils?|students?|child|boys|girls)\b|\b(sur|full |last |family )?names? (of [a-z ]+ )?(will|must|should|are|is|do|does) (not|never) (be )?(given|used|published|included|shown|printed|displayed|appear|attached|added|stated|disclosed)\b|\b(under no circumstances|in no circumstances|at no time) (should|will|must|may|shall|are|is|can) (any |a |the )?(child|children|pupils?|students?|child\/children)( or [a-z]+)? (be )?(named|identified by (their )?names?)\b|\b(will|must|should|are) (not|never) be (named|identified by (their )?(full |sur|last |family )?names?|captioned with (their |the |pupils'? |children'?s? )?names?)\b|\b(are|is) (not|never) (named|identified by (their )?(full |sur|last |family )?names?|(captioned|labelled|labeled) with (their |the |pupils'? |children'?s? )?names?)\b|\bwithout (their |any )?names?\b|\bno (child|pupil|student)s? (will|should|must|is|are|shall) (be )?(named|identified by name)\b|\b(do|does|will|shall|must|should|won't|don't|doesn't) (not |never )?(use|give|include|publish|print|add|put|carry|show|display|attach|state|post) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\bnever (carry|carries|show|shows|include|includes|give|gives|use|uses|display|displays|print|prints|publish|publishes|state|states|put|puts|add|adds|attach|attaches|post|posts) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\b(will|shall|must|should|are|is)( not|n't| never) (be )?accompanied by (any |a |the |their )?(pupils'? |children'?s? |child's |pupil's )?names?\b|\b(do|does|will|shall|must|should) (not|never) name (any |the |individual )?(pupils?|children|students?|a child|a pupil|any child|them)\b/.test(
                lower,
              )
            ? 'none'
            : null;
    if (!rule) return [];
    // "Full names are never published on the website", "We never give a pupil's surname": a first name at most, the
    // rule the product calls first names only (the keying guide). With first names in the same clause ("neither first
    // names nor surnames") it is left: which way the clause goes is not plain.
    const partNames = rule === 'none' && /\b(full names?|surnames?|last names?|family names?)\b/.test(lower);
    // Left alone too: a clause that also bans every name somewhere ("…, and no names are used on social media": which
    // channel has which rule is not plain) or lets full names through with consent ("…without parental consent").
    const otherNames = lower.replace(/\b(full|last|family) names?\b|\bsurnames?\b/g, 'part');
    if (partNames && (/\b(first|christian|fore|given) ?names?\b/.test(lower) || /\bnames?\b|\bnamed\b/.test(otherNames) || /\bwithout\b/.test(lower)))
      return [];
    const value = partNames ? 'first-names' : rule;
    // "In school, we use first names only for captions on photographs", "photographs displayed around the nursery are
    // labelled with first names": captions or labels on photographs inside school are the display's.
    const captionsInSchool =
      /\b(captions?|captioned|labels?|labelled|labeled)\b/.test(lower) &&
      /\b(photo(graph)?s?|images?|pictures?)\b/.test(lower) &&
      /\b(in|within|around|inside|throughout) (the )?(school|nursery|setting|academy|classrooms?|corridors?|building)\b/.test(lower) &&
      !/\b(outside|beyond|external|externally|online|internet)\b/.test(lower);
    const named = channelsIn(lower).length ? channelsIn(lower) : captionsInSchool ? ['display'] : [];
    // "…on any channel", "anywhere": every channel, which is no one channel in scope; which ones the school has is not said.
    if (!named.length && /\b(any|every|all) ([a-z]+ )?(channels?|platforms?|media|outlets?)\b|\banywhere\b/.test(lower)) return [];
    // "In emails and letters, pupils are referred to by first name only": another medium than the channels, so the
    // channel in scope (a heading, the page's title) is not the rule's.
    if (!named.length && otherMedium.test(lower)) return [];
    if (conditional && !withExpressPermission) return named.map((key) => ({ setting: `photos.channels.${key}.naming`, value: null }));
    // "online" with no channel named: the one channel in scope, or else every channel that is online; no place at
    // all: the one channel in scope (its heading, its list's lead, the sentences before it); two in scope: no rule.
    const single = inScope === 'ambiguous' ? null : inScope;
    const found = named.length
      ? named
      : /\bonline\b|\bon the internet\b/.test(lower)
        ? single
          ? [single]
          : ['website', 'social-media']
        : governed.length > 1
          ? governed
          : single
            ? [single]
            : [];
    // "No full names on the website" sets a ceiling (a first name at most): a stricter rule for the channel elsewhere ("No
    // names") is the same rule said more narrowly (the keying guide).
    return found.map((key) => ({ setting: `photos.channels.${key}.naming`, value, ...(partNames ? { combine: 'at-most' as const } : {}) }));
  }
}

const tagging: SentencePattern = {
  name: 'children are never tagged on social media',
  read: (s) => {
    // ("We do not tag anyone": the school's own rule; "I will not tag other people", "Please do not tag…": a pupil's pledge, a
    // request to the reader.)
    if (!/\btag(s|ged|ging)?\b/.test(s.lower)) return [];
    if (!/\b(pupils?|children|child|students?)\b/.test(s.lower) && !/^(we|the school|our school|the academy)\b[^.]*\b(anyone|anybody|people)\b/.test(s.lower))
      return [];
    if (
      /^(i|please|you)\b/.test(s.lower) ||
      /\b(personal|own|private) (accounts?|social media|profiles?|pages?)\b/.test(`${s.lower} ${s.heading ?? ''} ${s.lead ?? ''}`)
    )
      return [];
    // An item under a lead that forbids ("Staff must not:" then "tag children … on social media") is negated by its lead.
    const forbiddingLead = Boolean(s.item && s.lead && /\b(must|should|will|shall|do|does|may|can)( not|never)\b[^:]*:$|\bnever\b[^:]*:$/.test(s.lead));
    if ((!/\b(not|never|no)\b[^.]*\btag/.test(s.lower) && !(forbiddingLead && /^tag/.test(s.lower))) || /\b(unless|except|without)\b/.test(s.lower)) return [];
    if (/^(parents?|carers?|visitors?|families)\b/.test(s.lower) || (s.lead && /^(parents?|carers?|visitors?|families)\b/.test(s.lead))) return [];
    return [{ setting: 'photos.channels.social-media.tagging', value: false }];
  },
};

photoPatterns.push(naming, tagging, pressNamingPattern);

/**
 * The sentences that are someone else's rules for their own photographs: what follows a lead that sets parents' or
 * visitors' guidelines ("…allows parents to photograph and film providing they follow these guidelines, which are:"),
 * in its section, up to eight sentences on. "Photographs or video may not be taken at swimming events" there is a
 * guideline for parents, not an occasion the school never photographs. Orders of the sentences (indices).
 */
export function othersGuidelines(sentences: Sentence[]): Set<number> {
  const out = new Set<number>();
  // A section headed for families' or visitors' own pictures ("9. Parents and visitors taking images", "Photography by
  // parents at events"): its rules are theirs.
  const othersHeading =
    /\b(parents?|carers?|families|visitors?|spectators|audiences?|guests?)\b[^.]{0,40}\b(taking|take|photograph\w*|filming|film|images?|cameras?|videos?|recording)\b|\b(photograph\w*|filming|images?|videos?|cameras?)\b[^.]{0,30}\bby (parents|carers|families|visitors|spectators)\b|\b(guidance|guidelines|advice|code of conduct|rules|information) for (parents|carers|families|visitors|spectators)\b/;
  sentences.forEach((s, at) => {
    if (!s.isHeading && s.heading && othersHeading.test(s.heading)) out.add(at);
  });
  sentences.forEach((lead, at) => {
    if (!/:$/.test(lead.text) || lead.isHeading) return;
    const others = /\b(parents?|carers?|visitors?|families|relatives|spectators|guests?|members of the public)\b/;
    const theirPhotos =
      /\b(parents?|carers?|visitors?|families|relatives|spectators|guests?|members of the public)\b[^:]{0,80}\b(photograph|photographs|photographing|film|filming|take (photo(graph)?s|pictures|images|videos?)|taking (photo(graph)?s|pictures|images|videos?)|record|recording|cameras?)\b/;
    const guidance = /\b(guidelines?|rules?|conditions?|code|following|below|providing|provided|as long as|asked to|expected to|must|should)\b/;
    if (!others.test(lead.lower) || !theirPhotos.test(lead.lower) || !guidance.test(lead.lower)) return;
    for (let i = at + 1; i < sentences.length && i <= at + 8; i++) {
      const s = sentences[i];
      if (s.isHeading || s.section !== lead.section) break;
      out.add(i);
    }
  });
  return out;
}
