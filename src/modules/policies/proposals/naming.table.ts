/**
 * Naming and tagging (photos.channels.KEY.naming / .tagging): how pupils are named beside their photographs on each
 * channel the school publishes on, and whether children are tagged on social media. Each clause is read on its own; a
 * rule for parents, visitors, staff's own accounts or a condition is not the channel's.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { withUndertaking } from './consent.table.ts';
import { channelsIn, scopeChannel, scopeChannels } from './naming.channels.ts';
import { namedWithConsent } from './naming.consent.ts';
import { pressNamingPattern } from './naming.press.ts';
import { tagging } from './naming.tagging.ts';
import { type Sentence } from './text.ts';
import { aboutSchoolsOwnName } from './roles.ts';
import type { Found, SentencePattern } from './types.ts';

/** A rule for parents, visitors or pupils themselves ("Parents may take photographs…"), not the school's. */
// "Children's photographs…" is about the school's photographs: only the people themselves as the subject count.
export const othersRule = /^(parents?|carers?|visitors?|pupils?|children|families|guests?|members of the public|spectators)\b(?!')/;

/** "Pupils are referred to by first name…": the pupils are who is named, not who names. */
const namedSubject = /^(pupils?|children|students?)\b[^,;]*\b(are|is|will be|be)( not| never)? (referred to|identified|known|named|called|shown)\b/;

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
  // ("We do not use students' names in image file names or in the alt text of images on the website": a rule for files,
  // not how pupils are named beside their photographs.)
  if (
    /\bnames?\b[^.;]{0,30}\b(in|as|within) (the |image |photo |their |its )*(file ?names?|alt(ernative)?[- ]text|metadata|image descriptions?)\b/.test(s.lower)
  )
    return [];
  // A request to the reader ("Please do not use children's full names when you comment") is theirs, not the channel's rule.
  if (/^please (do not|never|avoid|only|use|refrain|make sure)\b/.test(s.lower)) return [];
  // Particular pupils ("Pupils on the No Photo / No Name list are not named at all", "…posts that do not match the No Name
  // list"): a rule for them, not the channel's.
  if (
    /\bno (photo(graph)?s?|images?|pictures?)?( ?\/ ?| or | and )?no[- ]names?\b[^.;]{0,10}\b(list|register|pupils?|children|students?)\b|\bon the (no[- ](photos?|photographs?|images?|names?|publish)|do not (photograph|publish|name)|dnp|restricted|red|vulnerable|protection|sg|safeguarding)\b[a-z/ -]{0,20}\blist\b/.test(
      s.lower,
    )
  )
    return [];
  // A first name and initial allowed on a channel: what the sentence before said of it ("…will not include full names")
  // is not the whole rule, so no naming rule is proposed there.
  // ("…will not be named on Facebook in any form, including first names and initials": the names "including" lists are
  // the ones the clause before refuses.)
  if (
    firstAndInitial.test(s.lower) &&
    !/\b(not|never|no)\b/.test(
      s.lower
        .split(firstAndInitial)[0]
        .replace(/,\s*((?:not )?even|including|or)\s*$/, ' $1 ')
        .split(/[,;]/)
        .pop() ?? '',
    )
  ) {
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
  return s.lower
    .split(/;\s*/)
    .flatMap(channelRules)
    .flatMap((clause) => namingIn(clause, inScope, scoped));
}

/** A clause banning any name beside a photograph: "photographs are never published alongside a pupil's name". */
const photoNeverBesideName =
  /\b(photo(graph)?s?|images?|pictures?) (are|is|will|will be) (never|not) (be )?(published|used|shown|posted|displayed|printed|put) (alongside|with|beside|next to) (a|the|their|any) (pupil's|child's|student's|pupils'|children's|students') names?\b/;

/** A consent form's box named by its channel: "the website/Facebook box", "the press box has been ticked". */
const formBox = /\b(the |a |that )?[a-z]+(\/[a-z]+)*( [a-z]+)? (box|boxes|tick ?box|tick ?boxes|checkbox|checkboxes)\b/g;

/** A rule for every channel: "anywhere", "on any platform", "in anything published outside school". */
const everyChannel =
  /\b(any|every|all) ([a-z]+ )?(channels?|platforms?|media|outlets?)\b|\banywhere\b|\b(any|every|all) (published|public) (photo(graph)?s?|images?|pictures?)\b|\b(photo(graph)?s?|images?|pictures?) (leaving|that (leaves?|goes (out of|outside)|go (out of|outside)))( the)? (school|academy|nursery|setting|service)\b(?! by (e-?mail|post|letter))|\b(any|all) (material|materials|publications?|thing|things)( (we )?(publish|published|produced))? (outside|beyond) (the )?(school|academy|nursery|setting)\b/;
/** The setting a rule for every channel is found under, until the page's channels are known (engine.ts). */
export const everyChannelNaming = 'photos.channels.*.naming';

/** "…if the parent has consented to newsletter photographs", "and only if you tick that box": the family's say, as a condition. */
const familyAgrees =
  /\b(and )?(only )?(if|where|once|when) (the |a |their |his or her )?(parents?|carers?|you|famil(y|ies)|pupils?|students?)( or (carers?|guardians?|the pupil|the student))? (have |has )?(consented|agreed|agree|given (their |your )?(consent|permission|agreement)|ticked|tick|said yes|say yes)\b(?! (no|the no)\b)[^,;.]*/g;

/** "…unless you have said no on the form": the family's say again, as a refusal that wins. */
const familyRefuses =
  /,? ?\bunless (the |a |their |his or her )?(parents?|carers?|you|famil(y|ies))( or (carers?|guardians?))? (have |has )?(said no|say no|objected|object|refused|opted out|ticked no|asked us not to)\b[^,;.]*/g;

/** A word for a pupil's name: "first names", "surname", "named", "naming". */
const nameWord = /\b(fore|first|given|sur)?names?\b|\bnam(ed|ing)\b/;

/**
 * "First names only on the website and newsletter, and no names at all on social media": one rule for each channel,
 * joined by "and" or "but". Parted only when each part names both a channel and names; else the clause is one rule.
 */
function channelRules(clause: string): string[] {
  const parts = clause.split(/,? (?:and|but|while|whereas) (?=(?:no|not|never|only|first|full|pupils?|children|students?|we|the school|names?)\b)/);
  return parts.length > 1 && parts.every((part) => nameWord.test(part) && channelsIn(part).length) ? parts : [clause];
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

const permittedFirstNames =
  /\b(named|identified|referred to) by (their )?(first|given|fore) ?names?( and (class|year group|year|form|tutor group|course|house))?\b(?! and (surnames?|last names?|family names?))|\b(first|given|fore) ?names?( and (class|year group|year|form|tutor group|class\/tutor group|course|house|school))? (may|will|can|are|is) (also )?(be )?(used|printed|given|included|shown|added)\b|\b(may |will |can )?(use|uses|print|prints|give|gives|include|includes) (a |their |the |pupils'? |children's |your child's |my child's |a child's |the child's |your )?(first|given|fore) ?names?\b(?! and (surnames?|last names?|family names?|an? initials?|the initials?|initials?))|\b(photo(graph)?s?|images?|pictures?)\b[^.;]*,? with (their|his or her|my child's|your child's|the child's) (first|given) ?names?\b(?! and (surnames?|last names?|family names?|an? initials?|the initials?|initials?))/;

/**
 * "In the newsletter we sometimes use a child's first name", "The printed newsletter sometimes names children by first
 * name": how often the school names, not whether; what it gives is a first name. (A newspaper's wishes, "the press
 * sometimes want full names", and any negation stay as they were.)
 */
function oftenFirstNames(clause: string): string {
  const often = /\bsometimes (we )?(may )?(?=[^.;]{0,40}\b(first|given|christian) ?names?\b)/;
  // (Nor what is done "at the moment", before a change, nor in an app: "teachers sometimes use first names in the app gallery".)
  if (
    !often.test(clause) ||
    /\b(not|never|no|without)\b|n't\b|\b(newspapers?|papers?|press|journalists?|reporters?|(?<!social )media|apps?|at the moment|at present|currently|until now|used to|(wants?|wish(es)?|likes?|asks?) to)\b/.test(
      clause.replace(familyRefuses, ''),
    )
  )
    return clause;
  return clause.replace(often, '');
}

function namingIn(clause: string, inScope: string | null, governed: string[]): Found[] {
  {
    // "first name only for newspapers, or when the child wrote the article": the rule is the main clause's; an
    // alternative occasion ("or when…", "or if…") adds cases the rule does not settle per channel.
    const [main] = clause.split(/,? (?:or|and) (?:when|if)\b/);
    const lower = oftenFirstNames(nameWord.test(main) ? main : clause);
    if (!nameWord.test(lower)) return [];
    // Names in clothes or on belongings ("navy fleeces with no names in"), and conduct that names no one ("never discuss
    // pupils online, even without names"): no rule for how photographs are captioned.
    if (
      /\b(fleeces?|jumpers?|cardigans?|clothing|clothes|coats?|bags?|lunch ?boxes?|water bottles?|(lost )?property)\b|\beven without (their |any )?names?\b/.test(
        lower,
      ) ||
      // A report's names ("a summary (with no names) goes to the full governing body"): a record kept, not a caption.
      /\b(summar(y|ies)|reports?|logs?|records?|minutes|figures|statistics|numbers)\b[^.;]{0,10}\(?(with no|without) (pupils'? |children's |any )?names?\b/.test(
        lower,
      )
    )
      return [];
    if (nameOrPhoto.test(lower) && !othersRule.test(lower) && !/\b(unless|except)\b/.test(lower)) {
      const named = channelsIn(lower);
      if (!named.length && inScope === 'ambiguous') return [];
      return (named.length ? named : inScope ? [inScope] : []).map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'none' }));
    }
    if (othersRule.test(lower) && !namedSubject.test(lower)) return [];
    // "Pupils' work may be shown with a first name only": their work's label, not their photographs'.
    // (So is "Where a child's work is shown we may use a first name only".)
    if (
      /^((pupils'?|children'?s?|students'?|their|a pupil's|a child's|the child's) )?(work|artwork|writing|drawings?|paintings?)\b/.test(lower) ||
      /^(where|when|if) (a |the )?(pupils'?|children'?s?|students'?|their|pupil's|child's|student's) (work|artwork|writing|drawings?|paintings?) (is|are) (shown|displayed|published|used|shared)\b/.test(
        lower,
      )
    )
      return [];
    // "When commenting, parents should use first names only": after an opening clause, the subject is who the rule is for.
    const afterOpening = lower.replace(/^(when|whenever|while|if|on|in|before|after|during|for)\b[^,]{0,80},\s*/, '');
    if (afterOpening !== lower && othersRule.test(afterOpening) && !namedSubject.test(afterOpening)) return [];
    // "Generally no names will be attached": a hedge is no rule.
    // ("We try never to name pupils", "we aim not to…": an aim.)
    if (
      /\b(generally|usually|normally|typically|in most cases|where possible|wherever possible|as a rule|often|sometimes)\b|\b(try|tries|aim|aims|strive|strives) (never|not) to\b/.test(
        lower,
      )
    )
      return [];
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
      : // ("Newsletter: first name and class.": a list's label, then the most it gives.)
        /:\s*(the |their |a )?(first|given) ?names?( and (their )?(class|year group|year|form|tutor group|house|course|subject))?( only)?\.?$/.test(lower) ||
          // (Also with an example in brackets taken out: "…first name and class (for example, …), but never their surname".)
          [lower, lower.replace(/\s*\([^()]*\)/g, '')].some((said) =>
            /\b((first|christian|fore|given) ?names?( and (course|class|year group|year|form|tutor group|subject))? (only|at (the )?most)|(beyond|other than|more than) (a |their |the )?(first|christian|fore|given) ?names?|(first|given) ?names?\b[^.;]{0,30},? (but|and) (never|not)( (use|give|include|publish|print|with))?( (their|a|the|his or her|any))? (surnames?|full names?|last names?|family names?)|(first|given) ?names? (may|can|will) (also )?be used\b[^.;]{0,60},? (but|and) (their |a |the )?(surnames?|full names?|last names?|family names?) (will|must|should|are|is|may)( not| never| not ever)\b|(identified|referred to|known|named|(mentions?|names|identif(y|ies)|refers? to) (children|pupils|students|them)) by (their )?(first|christian|fore|given) ?names?\b(?! and (surnames?|last names?|family names?))|only (ever )?(use |give |print |publish |include )?(their |the |a |pupils' |children's |a child's |the child's |a pupil's |the pupil's |a student's |the student's |students' )?(first|christian|fore|given) ?names?)\b/.test(
              said,
            ),
          )
        ? 'first-names'
        : /\bfull names?\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\b(express|written|specific|explicit) (written )?(permission|consent)\b.*\b(include|use|give|publish)s? (a |their |the )?(full )?names?\b|\b(include|use|give|publish|add)s? (a |their |the )?(full )?names? (with|beside|alongside|under)\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\bonly (carry|include|show|print|publish|use|give)s? (their |the |a |pupils'? |children'?s? )?(full )?names? (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b|\bnames? (are |is |will be )?(printed|published|given|used|included) only (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b|\bfull names? (may|can|will) (only )?be (used|given|printed|published)\b[^.;]{0,120}\b(only )?(where|if) (a |the |their )?(parents?|carers?|you|pupils?|students?|families|family)\b( \([^()]*\))?( or (a |the |their )?[a-z]+( \([^()]*\))?)?[^.;]{0,20}\b(has|have) (consented|agreed|given (their |your )?(consent|permission|agreement))\b|\bfull names? (may|can|will) (only )?be (used|given|printed|published)\b[^.;]{0,120}\b(only )?(where|if) (the |a )?"?[a-z ]{1,30}"? (box|option) (has been|is|was) ticked\b|\bmay use full names? where (a |the |their )?(parents?|carers?) (has|have) (consented|agreed)\b/.test(
              lower,
            )
          ? 'full-with-permission'
          : /\bno (pupils?'? |students?'? |children'?s? |child's |individual )?(full |sur|last |family )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify (any |individual |the )?(children|pupils?|students?|a child|any child|them) by (their )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify by (their )?names? ((any|the|individual|a|our|all) )?((of )?(the |our )?)?(children|pupils?|students?|child|boys|girls)\b|\b(sur|full |last |family )?names? (of [a-z ]+ )?(will|must|should|are|is|do|does) (not|never) (be )?(given|used|published|included|shown|printed|displayed|appear|attached|added|stated|disclosed|put|placed|posted)\b|\b(sur|full |last |family )?names? (of [a-z ]+ )?never (appears?|features?|accompan(y|ies))\b|\b(under no circumstances|in no circumstances|at no time) (should|will|must|may|shall|are|is|can) (any |a |the )?(child|children|pupils?|students?|child\/children)( or [a-z]+)? (be )?(named|identified by (their )?names?)\b|\b(cannot|can not|can never) be (named|identified by (their )?(full |sur|last |family )?names?)\b|\b(will|must|should|shall|are|may) (not|never) be (named|identified by (their )?(full |sur|last |family )?names?|captioned with (their |the |pupils'? |children'?s? )?names?)\b|\b(are|is) (not|never) (named|identified by (their )?(full |sur|last |family )?names?|(captioned|labelled|labeled) with (their |the |pupils'? |children'?s? )?names?)\b|\bwithout (their |any )?names?\b|\b(will|must|should|shall|are|is)( not|n't| never) be (used|published|shown|printed|posted|shared|displayed) (with|alongside|beside|next to) (their|a|the|any|his or her) (full |sur|last |family )?names?\b|\b(are|is)( not| never) (used|published|shown|printed|posted|shared|displayed) (with|alongside|beside|next to) (their|a|any|his or her|the( (pupil|child|student)'s)?|(pupils|children|students)') (full |sur|last |family )?names?\b|\b(do|does|will|shall|must|should)( not|n't| never) (use|publish|post|put|show|display|print|share)\b[^.;,]{0,80}\bwith (their|a|the|any|his or her) (full |sur|last |family )?names? (attached|added)\b|\bno (child|pupil|student)s? (will|should|must|is|are|shall) (be )?(named|identified by name)\b|\b(do|does|will|shall|must|should|won't|don't|doesn't) (not |never )?(use|give|include|publish|print|add|put|carry|show|display|attach|state|post) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\bnever (carry|carries|show|shows|include|includes|give|gives|use|uses|display|displays|print|prints|publish|publishes|state|states|put|puts|add|adds|attach|attaches|post|posts) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\b(will|shall|must|should|are|is)( not|n't| never) (be )?accompanied by (any |a |the |their )?(pupils'? |children'?s? |child's |pupil's )?(full |sur|last |family )?names?\b|\b(do|does|will|shall|must|should) (not|never) (tag (or|and) )?name (any |the |individual )?(pupils?|children|students?|a child|a pupil|any child|them)\b|\bnever (to )?(tag or |tag and )?name (or tag |and tag )?(any |the |individual )?(pupils?|children|students?|a child|a pupil|any child)\b|\b(will|must|should|shall|do|does)( not|n't| never) (have|carry|include|bear) (any |their |the )?(pupils'? |children'?s? )?names? (attached|added|on them|with them)\b/.test(
                lower,
              )
            ? 'none'
            : null;
    // "First names may be used in the printed newsletter", "In the newsletter we use first names and year group", "We may
    // use a first name here": first names are what the channel gives, with no negation in the clause.
    // (Not "might", nor names with a pupil's work rather than a photograph: "first names may be used with their work on displays".)
    const value0 =
      rule ??
      (permittedFirstNames.test(lower) &&
      !/\b(not|never|no|without|might|occasionally)\b|n't\b/.test(lower.replace(familyRefuses, '')) &&
      // (A question to the carers, "May we use your child's first name…?", and what a newspaper "may want to print".)
      !/\?\s*$|^(question \d+\.? )?(may|can) we\b|\b(may|might|will|would) (want|wish|like|ask) to\b/.test(lower) &&
      !/\b(with|beside|on|next to) (their|the|a|his or her) (work|artwork|writing|drawings?|paintings?)\b/.test(lower)
        ? 'first-names'
        : null);
    if (!value0) return [];
    // "Full names are never published on the website", "We never give a pupil's surname": a first name at most, the
    // rule the product calls first names only (the keying guide). With first names in the same clause ("neither first
    // names nor surnames") it is left: which way the clause goes is not plain.
    // ("…a child's name, first name or surname", "…including first names", "not even first names", "– no first names, no
    // surnames, no initials": every name, so no names.)
    const everyName =
      /\b(including|not even|or even|even) (their |a |the )?first names?\b|\bfirst names? or (sur|last |family )names?\b|\b(sur|last |family )names? or (their |a )?first names?\b|\bin any (form|way)\b|\bno first names?,? (and |or |nor )?no (sur|last |family )names?\b/.test(
        lower,
      );
    // (So is a pupil never "named in full": "We never name pupils in full on Facebook".)
    const partNames =
      value0 === 'none' &&
      !everyName &&
      (/\b(full names?|surnames?|last names?|family names?)\b/.test(lower) ||
        /\b(named?|naming) (any |the |our |individual )?((pupils?|children|students?|them) )?in full\b(?! or in part)/.test(lower));
    // Left alone too: a clause that also bans every name somewhere ("…, and no names are used on social media": which
    // channel has which rule is not plain) or lets full names through with consent ("…without parental consent").
    const otherNames = lower
      .replace(/\b(full|last|family) names?\b|\bsurnames?\b/g, 'part')
      .replace(/\b(named?|naming) (any |the |our |individual )?((pupils?|children|students?|them) )?in full\b(?! or in part)/g, 'part');
    // ("Full names are never used on the website, and photographs are never published alongside a pupil's name": the
    // second clause bans every name beside a photograph, so no names.)
    if (partNames && !/\b(first|christian|fore|given) ?names?\b|\bwithout\b/.test(lower) && photoNeverBesideName.test(otherNames)) {
      const named = channelsIn(lower);
      return (named.length ? named : inScope && inScope !== 'ambiguous' ? [inScope] : governed).map((key) => ({
        setting: `photos.channels.${key}.naming`,
        value: 'none',
      }));
    }
    if (partNames && (/\b(first|christian|fore|given) ?names?\b/.test(lower) || /\bnames?\b|\bnamed\b/.test(otherNames) || /\bwithout\b/.test(lower)))
      return [];
    const value = partNames ? 'first-names' : value0;
    // "In school, we use first names only for captions on photographs", "photographs displayed around the nursery are
    // labelled with first names": captions or labels on photographs inside school are the display's.
    const captionsInSchool =
      /\b(captions?|captioned|labels?|labelled|labeled)\b/.test(lower) &&
      /\b(photo(graph)?s?|images?|pictures?)\b/.test(lower) &&
      /\b(in|within|around|inside|throughout) (the )?(school|nursery|setting|academy|classrooms?|corridors?|building)\b/.test(lower) &&
      !/\b(outside|beyond|external|externally|online|internet)\b/.test(lower);
    // ("…only if the website/Facebook box has been ticked": a box on the consent form, not where the rule applies.)
    // ("Because it is published on the website, pupils are referred to by first name": why, not where, the rule applies.)
    // (What "it" is, is then not plain: nothing.)
    const places = lower.replace(formBox, ' ');
    const where = places.replace(
      // (Not "Because they are posted on our Facebook page, photographs carry no names": the photographs' own channel.)
      /\b(because|as|since) it is (also )?(published|posted|shown|put|placed|shared|uploaded)\b[^,;]*,/g,
      ' ',
    );
    if (where !== places && !channelsIn(where).length) return [];
    const named = channelsIn(where).length ? channelsIn(where) : captionsInSchool ? ['display'] : [];
    // "…on any channel", "anywhere", "in any material published outside the school": every channel the school has, which
    // the page's own uses say (engine.ts reads them); here the rule is kept for all of them at once.
    if (!named.length && everyChannel.test(lower))
      return conditional && !withExpressPermission ? [] : [{ setting: everyChannelNaming, value, ...(partNames ? { combine: 'at-most' as const } : {}) }];
    // "In emails and letters, pupils are referred to by first name only": another medium than the channels, so the
    // channel in scope (a heading, the page's title) is not the rule's.
    if (!named.length && otherMedium.test(lower)) return [];
    // ("…first names, and only if the parent has agreed": the family's say over a first name at most keeps it first names.)
    // (So does a condition that only narrows a first name further: "first name only (plus year group if you like)", a newspaper's visit "if one comes", "If a local newspaper asks for names, we will only
    // give first names…".)
    const narrowed = ruled
      .replace(/^if (a|the|any) (local )?(newspapers?|press|journalists?|reporters?|media)\b(?![^,]*\b(full|sur|last|family) ?names?\b)[^,]*,\s*/, '')
      // (Not the form's own "(If No, only the first name may be used)": what a refusal leaves.)
      // (Nor one that lets a fuller name through or is the form's own choice: "(unless a parent has asked for the full name)",
      // "(if you tick No, …)".)
      .replace(
        /\((?!if (you )?((tick|say|answer|choose|mark) )?(no|yes)\b)(?![^()]*\b((full|sur|last|family) ?names?|consent|permission|agree[sd]?)\b)[^()]*\b(if|unless|when)\b[^()]*\)/g,
        ' ',
      )
      .replace(/\bif (one|they|it|a [a-z]+) (comes?|visits?|attends?)\b/g, ' ')
      .replace(/,? if at all(?! possible),?/g, ' ');
    const consentOnly =
      value === 'first-names' &&
      !/^(if|where|when|once)\b/.test(narrowed) &&
      !/\b(unless|except|if)\b/.test(narrowed.replace(familyAgrees, '').replace(familyRefuses, ''));
    if (conditional && !withExpressPermission && !consentOnly) return named.map((key) => ({ setting: `photos.channels.${key}.naming`, value: null }));
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

export const namingPatterns: SentencePattern[] = [naming, tagging, pressNamingPattern];
