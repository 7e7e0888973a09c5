/**
 * The words a naming rule is said in (photos.channels.KEY.naming): whose rule it is, where it applies, the family's say
 * over a name, and the value a clause's words give (none, first names, full names with permission). Read by the naming
 * patterns (naming.table.ts) and the page readers (names.page.ts, photos.table.ts).
 */
import { withoutAbbreviationStops } from './text.ts';

/** A rule for parents, visitors or pupils themselves ("Parents may take photographs…"), not the school's. */
// "Children's photographs…" is about the school's photographs: only the people themselves as the subject count.
export const othersRule = /^(parents?|carers?|visitors?|pupils?|children|families|guests?|members of the public|spectators)\b(?!')/;

/** A clause banning any name beside a photograph: "photographs are never published alongside a pupil's name". */
export const photoNeverBesideName =
  /\b(photo(graph)?s?|images?|pictures?) (are|is|will|will be) (never|not) (be )?(published|used|shown|posted|displayed|printed|put) (alongside|with|beside|next to) (a|the|their|any) (pupil's|child's|student's|pupils'|children's|students') names?\b/;

/** A consent form's box named by its channel: "the website/Facebook box", "the press box has been ticked". */
export const formBox = /\b(the |a |that )?[a-z]+(\/[a-z]+)*( [a-z]+)? (box|boxes|tick ?box|tick ?boxes|checkbox|checkboxes)\b/g;

/** A rule for every channel: "anywhere", "on any platform", "in anything published outside school". */
export const everyChannel =
  /\b(any|every|all) ([a-z]+ )?(channels?|platforms?|media|outlets?)\b|\banywhere\b|\b(any|every|all) (published|public) (photo(graph)?s?|images?|pictures?)\b|\b(photo(graph)?s?|images?|pictures?) (leaving|that (leaves?|goes (out of|outside)|go (out of|outside)))( the)? (school|academy|nursery|setting|service)\b(?! by (e-?mail|post|letter))|\b(any|all) (material|materials|publications?|thing|things)( (we )?(publish|published|produced))? (outside|beyond) (the )?(school|academy|nursery|setting)\b/;
/** The setting a rule for every channel is found under, until the page's channels are known (engine.ts). */
export const everyChannelNaming = 'photos.channels.*.naming';

/** "…if the parent has consented to newsletter photographs", "and only if you tick that box": the family's say, as a condition. */
export const familyAgrees =
  /\b(and )?(only )?(if|where|once|when) (the |a |their |his or her )?(parents?|carers?|you|famil(y|ies)|pupils?|students?)( or (carers?|guardians?|the pupil|the student))? (have |has )?(consented|agreed|agree|given (their |your )?(consent|permission|agreement)|ticked|tick|said yes|say yes)\b(?! (no|the no)\b)[^,;.]*/g;

/** "…unless you have said no on the form": the family's say again, as a refusal that wins. */
export const familyRefuses =
  /,? ?\bunless (the |a |their |his or her )?(parents?|carers?|you|famil(y|ies))( or (carers?|guardians?))? (have |has )?(said no|say no|objected|object|refused|opted out|ticked no|asked us not to)\b[^,;.]*/g;

/** A word for a pupil's name: "first names", "surname", "named", "naming". */
export const nameWord = /\b(fore|first|given|sur)?names?\b|\bnam(ed|ing)\b/;

/** The child's name asked about with the use: "(and use of their name)", "including publication of your child's name". */
export const nameAsked =
  /\b(and|including|with|together with|as well as) (the )?(use|publication|printing|inclusion|naming) (of )?((their|your|the|his or her|a) ((child|pupil|student|son|daughter)('s|s') )?|(pupils'?|children's|students'?) )(full )?names?\b/;

/** A pupil is not to be named… */
export const avoidNaming =
  /\b(avoid|avoiding|not|never|no)\b (identifying|identify|identification of|naming|name|using the names? of) (a |any |an individual |individual |the )?(pupils?|children|child|students?)\b|\b(avoid|avoiding) (using |giving |publishing )?(pupils'? |children'?s? |their )?names\b|\b(pupils?|children|students?|a child|a pupil)\b (will|should|must|are|is|shall) (not|never) (be )?(named|identified by (their )?names?)\b|\bno (child|pupil|student)s? (will|should|must|is|are|shall) be (named|identified by (their )?names?)\b/;
/** …unless for a reason, and then by first name only: the exception allows first names and no more. */
export const exceptFirstNames =
  /\b(unless|except)\b[^.;]*\b(only (using |use |give |giving |with |by )?(a |their |the |his or her )?(first|christian|given|fore) ?names?|(first|christian|given|fore) ?names? only)\b[^.;]*/;

/** "If a pupil is named, their photograph is not used; if their photograph is used, they are not named": never a name beside a photograph. */
const nameOrPhoto =
  /\b(not|never) (print|use|give|include|publish|add|put|show|state|display)s? (a|the|any|their) (child's|pupil's|student's|children's|pupils'|students') names? (if|when|where|whenever) (it is|they are|it's|this is) (accompanied by|next to|beside|alongside|shown with|used with|placed with|with) (a|an|their|the|any) (photo(graph)?|image|picture)\b|\b(if|where|when|whenever) (a |an |the )?(photo(graph)?|image|picture)s? (is|are) (used|published|shown|displayed|posted)\b[^.;]*\bno (pupil's |child's |student's )?names? (is|are|will be) (displayed|given|used|shown|published|included|attached|printed|added)\b|\b(if|where|when|whenever) (a |an |the )?(individual )?(pupil|child|student) is (named|identified by name)\b[^.;]*\bno (photo(graph)?|image|picture)s? (of (that|the|this) (pupil|child|student) )?(is|are|will be) (displayed|used|shown|published|included)\b|\b(if|where|when) (a |an |the )?(individual )?(pupil|child|student)('s name)? is (named|identified by name)\b[^.;]*\b(photo(graph)?s?|images?|pictures?)\b[^.;]*\b((will|should|must|is|are) (not be (used|shown|published|included)|be (omitted|left out|removed))|(avoid|do not|don't|will not|won't) (use|using|include|including|publish|publishing))\b|\b(if|where|when) (their|a|the|his or her|(a|the) (pupil|child|student)'s) (photo(graph)?|image|picture) is (used|published|shown)\b[^.;]*\b(name (will|should|must|is) (not be (used|given|included|published)|be (omitted|left out|removed))|(avoid|do not|don't|will not|won't) (naming|name|use (their|the|his or her) name))\b/;

/** The name-or-photograph rule ("if a pupil is named, no photograph; if a photograph is used, no name"), in a sentence. */
export const nameOrPhotoRule = (lower: string) => nameOrPhoto.test(lower) && !othersRule.test(lower) && !/\b(unless|except)\b/.test(lower);

/** Places names are used that are none of the channels: letters, reports, registers, learning journals, the classroom. */
export const otherMedium =
  /\b(e-?mails?|letters?|reports?|registers?|text messages?|messages|class ?dojo|tapestry|seesaw|learning (journals?|journeys?)|classrooms?|lanyards?|badges?|pegs|trays|in (the )?(school|class|nursery|setting)|around (the )?(school|nursery|setting)|comments?|commenting)\b/;

/**
 * Names withheld unless the carers give express (written, specific) permission; or unless the carer gives their
 * permission, an act of its own for the name ("…will not be released with the child's name unless the parent gives their
 * permission for this"): express too. ("Unless their parents agree" stays a condition.)
 */
export const namesUnlessExpress =
  /\b(not|never|no)\b[^.;]*\b(names?|named|naming)\b[^.;]*\b((unless|without|except with)\b[^.;]*\b(express|written|specific|explicit|signed)( written)? (parental |parents'? |carers'? )?(permission|consent)|unless (the |a |their |his or her |the child's |the pupil's )?(parents?|carers?|guardians?|famil(y|ies))( or (carers?|guardians?))? (gives?|grants?|has given|have given|provides?|has provided|have provided) (their |his or her |her |his |its )?(permission|consent))\b/;

/**
 * A surname (or full name) kept back unless the family or pupil agrees: "Surnames are only used with the student's
 * agreement", "Surnames are not used unless the student and the parent have agreed in writing for a specific item",
 * "…not used, save in the case of national selection and then only with the specific agreement of the boy and his parents",
 * "…not used on the website, except for results … where a parent has given specific consent". Full names with permission.
 * (A plain "unless their parents agree" with neither "only" nor the agreement made specific stays a condition.)
 */
const surnameKeptBack =
  /\b(full names?|surnames?|last names?|family names?)\b[^.;]*\b(only\b[^.;]*\b(with|where|if|when)\b|(unless|except|save)\b(?=[^.;]*\b(specific|specifically|particular|in writing|written|express|explicit)\b))/;

/**
 * The family's or pupil's own agreement: "the student's agreement", "the agreement of the boy and his parents", "a parent
 * has given specific consent", "the family … specifically asks for it in writing".
 */
const familysAgreement =
  /\b(parents?|carers?|famil(?:y|ies)|pupils?|students?|learners?|boy|girl|you)(?:'s|s'|')?(?: [a-z]+){0,2} (?:specific |express |written |explicit |own )?(?:agreement|consent|permission)\b|\b(?:agreement|consent|permission) of (?:the |a |their |his |her )?(?:[a-z]+ )?(?:parents?|carers?|famil(?:y|ies)|pupils?|students?|learners?|boy|girl)\b|\b(?:parents?|carers?|famil(?:y|ies)|pupils?|students?|learners?|boy|girl|you)\b[^.;]{0,40}\b(?:ha(?:s|ve) (?:given|agreed)|agrees?|agreed|consented|consents?|asks? for (?:it|them|this)|requests? (?:it|them|this))\b/;

/** Whether one clause of the sentence keeps a surname back until the family or pupil agrees (not "…, and photographs are only published with consent"). */
export const surnameOnlyWithAgreement = (lower: string) =>
  lower.split(/;|,\s*and\b/).some((clause) => surnameKeptBack.test(clause) && familysAgreement.test(clause));

/** "first name only, unless the parent has agreed otherwise", "first name and grades only unless the student asks otherwise". */
export const firstNameUnlessAgreed =
  /\bfirst names?( and [a-z ]{1,20})? only,? unless\b(?=[^.;]{0,80}\b(parents?|carers?|famil(y|ies)|pupils?|students?|learners?|you)\b)[^.;]{0,60}\b(agrees?|agreed|asks?|asked|consents?|consented|permission)\b/;

/** "If (pupils') photographs are used (on the website)," opening a naming rule: its scope, not a condition on it. */
export const usedScope =
  /^if (any |the )?((pupils'?|students'?|children's|pupil|student|child) )?(photo(graph)?s?|images?|pictures?|videos?)( of (pupils|students|children))? (are|is) (used|published|posted|shown|displayed|included)\b[^,]{0,60},\s*/;

export const permittedFirstNames =
  /\b(named|identified|referred to) by (their )?(first|given|fore) ?names?( and (class|year group|year|form|tutor group|course|house))?\b(?! and (surnames?|last names?|family names?))|\b(first|given|fore) ?names?( and (class|year group|year|form|tutor group|class\/tutor group|course|house|school))? (may|will|can|are|is) (also )?(be )?(used|printed|given|included|shown|added)\b|\b(may |will |can )?(use|uses|print|prints|give|gives|include|includes) (a |their |the |pupils'? |children's |your child's |my child's |a child's |the child's |your )?(first|given|fore) ?names?\b(?! and (surnames?|last names?|family names?|an? initials?|the initials?|initials?))|\b(photo(graph)?s?|images?|pictures?)\b[^.;]*,? with (their|his or her|my child's|your child's|the child's) (first|given) ?names?\b(?! and (surnames?|last names?|family names?|an? initials?|the initials?|initials?))/;

/**
 * The value a clause's words give a channel: first names at most, full names only with the family's express permission,
 * no names, or null when they give none.
 */
export function valueSaid(said: string): 'first-names' | 'full-with-permission' | 'none' | null {
  // ("…in press releases (e.g. results day) but only where…": an abbreviation's full stops end no clause.)
  const lower = withoutAbbreviationStops(said);
  return (
    // ("Newsletter: first name and class.": a list's label, then the most it gives.)
    /:\s*(the |their |a )?(first|given) ?names?( and (their )?(class|year group|year|form|tutor group|house|course|subject))?( only)?\.?$/.test(lower) ||
      // (Also with an example in brackets taken out: "…first name and class (for example, …), but never their surname".)
      [lower, lower.replace(/\s*\([^()]*\)/g, '')].some((said) =>
        /\b((first|christian|fore|given) ?names?( and (course|class|year group|year|form|tutor group|subject))? (only|at (the )?most)|(beyond|other than|more than) (a |their |the )?(first|christian|fore|given) ?names?|(first|given) ?names?\b[^.;]{0,30},? (but|and) (never|not)( (use|give|include|publish|print|with))?( (their|a|the|his or her|any))? (surnames?|full names?|last names?|family names?)|(first|given) ?names? (may|can|will) (also )?be used\b[^.;]{0,60},? (but|and) (their |a |the )?(surnames?|full names?|last names?|family names?) (will|must|should|are|is|may)( not| never| not ever)\b|(identified|referred to|known|named|(mentions?|names|identif(y|ies)|refers? to) (children|pupils|students|them)) by (their )?(first|christian|fore|given) ?names?\b(?! and (surnames?|last names?|family names?))|only (ever )?(use |give |print |publish |include )?(their |the |a |pupils' |children's |a child's |the child's |a pupil's |the pupil's |a student's |the student's |students' )?(first|christian|fore|given) ?names?)\b/.test(
          said,
        ),
      )
      ? 'first-names'
      : /\bfull names?\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\b(express|written|specific|explicit) (written )?(permission|consent)\b.*\b(include|use|give|publish)s? (a |their |the )?(full )?names?\b|\b(include|use|give|publish|add)s? (a |their |the )?(full )?names? (with|beside|alongside|under)\b.*\b(express|written|specific|explicit) (written )?(permission|consent)\b|\bonly (carry|include|show|print|publish|use|give)s? (their |the |a |pupils'? |children'?s? )?(full )?names? (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b|\bnames? (are |is |will be )?(printed|published|given|used|included) only (with|after|once)\b[^.]*\b(express|written|specific|explicit|signed) (written )?(permission|consent)\b|\bfull names? (may|can|will) (only )?be (used|given|printed|published)\b[^.;]{0,120}\b(only )?(where|if) (a |the |their )?(parents?|carers?|you|pupils?|students?|learners?|families|family)\b( \([^()]*\))?( or (a |the |their )?[a-z]+( \([^()]*\))?)?[^.;]{0,20}\b(has|have) (consented|agreed|given (their |your )?(consent|permission|agreement))\b|\bfull names? (may|can|will) (only )?be (used|given|printed|published)\b[^.;]{0,120}\b(only )?(where|if) ((the |a )?"?[a-z ]{1,30}"? (box|option)|(box|option|part) \(?[a-z0-9]\)?) (has been|is|was) ticked\b|\bmay use full names? where (a |the |their )?(parents?|carers?) (has|have) (consented|agreed)\b/.test(
            lower,
          )
        ? 'full-with-permission'
        : /\bno (pupils?'? |students?'? |learners?'? |children'?s? |(child|pupil|student|learner)'s |individual )?(full |sur|last |family )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify (any |individual |the )?(children|pupils?|students?|a child|any child|them) by (their )?names?\b|\b(will|do|does|must|should|shall|may)( not|n't| never) identify by (their )?names? ((any|the|individual|a|our|all) )?((of )?(the |our )?)?(children|pupils?|students?|child|boys|girls)\b|\b(sur|full |last |family )?names? (of [a-z ]+ )?(will|must|should|are|is|do|does) (not|never) (be )?(given|used|published|included|shown|printed|displayed|appear|attached|added|stated|disclosed|put|placed|posted)\b|\b(sur|full |last |family )?names? (of [a-z ]+ )?never (appears?|features?|accompan(y|ies))\b|\b(under no circumstances|in no circumstances|at no time) (should|will|must|may|shall|are|is|can) (any |a |the )?(child|children|pupils?|students?|child\/children)( or [a-z]+)? (be )?(named|identified by (their )?names?)\b|\b(cannot|can not|can never) be (named|identified by (their )?(full |sur|last |family )?names?)\b|\b(will|must|should|shall|are|may) (not|never) be (named|identified by (their )?(full |sur|last |family )?names?|captioned with (their |the |pupils'? |children'?s? )?names?)\b|\b(are|is) (not|never) (named|identified by (their )?(full |sur|last |family )?names?|(captioned|labelled|labeled) with (their |the |pupils'? |children'?s? )?names?)\b|\bwithout (their |any )?names?\b|\b(will|must|should|shall|are|is)( not|n't| never) be (used|published|shown|printed|posted|shared|displayed) (with|alongside|beside|next to) (their|a|the|any|his or her) (full |sur|last |family )?names?\b|\b(are|is)( not| never) (used|published|shown|printed|posted|shared|displayed) (with|alongside|beside|next to) (their|a|any|his or her|the( (pupil|child|student)'s)?|(pupils|children|students)') (full |sur|last |family )?names?\b|\b(do|does|will|shall|must|should)( not|n't| never) (use|publish|post|put|show|display|print|share)\b[^.;,]{0,80}\bwith (their|a|the|any|his or her) (full |sur|last |family )?names? (attached|added)\b|\bno (child|pupil|student)s? (will|should|must|is|are|shall) (be )?(named|identified by name)\b|\b(do|does|will|shall|must|should|won't|don't|doesn't) (not |never )?(use|give|include|publish|print|add|put|carry|show|display|attach|state|post) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\bnever (carry|carries|show|shows|include|includes|give|gives|use|uses|display|displays|print|prints|publish|publishes|state|states|put|puts|add|adds|attach|attaches|post|posts) (any |a |the |their |your |our |his or her )?(pupils'? |children'?s? |child's |pupil's |students'? |student's )?(full |last |family |sur)?names?\b|\b(will|shall|must|should|are|is)( not|n't| never) (be )?accompanied by (any |a |the |their )?(pupils'? |children'?s? |child's |pupil's )?(full |sur|last |family )?names?\b|\b(do|does|will|shall|must|should) (not|never) (tag (or|and) )?name (any |the |individual )?(pupils?|children|students?|a child|a pupil|any child|them)\b|\bnever (to )?(tag or |tag and )?name (or tag |and tag )?(any |the |individual )?(pupils?|children|students?|a child|a pupil|any child)\b|\b(will|must|should|shall|do|does)( not|n't| never) (have|carry|include|bear) (any |their |the )?(pupils'? |children'?s? )?names? (attached|added|on them|with them)\b/.test(
              lower,
            )
          ? 'none'
          : null
  );
}

/**
 * A naming rule's clause without the conditions that only narrow a first name further, which leave it first names: "first
 * name only (plus year group if you like)", a newspaper's visit "if one comes", "If a local newspaper asks for names, we will
 * only give first names…", "first name only, if at all".
 */
export function withoutNarrowing(ruled: string): string {
  return (
    ruled
      .replace(/^if (a|the|any) (local )?(newspapers?|press|journalists?|reporters?|media)\b(?![^,]*\b(full|sur|last|family) ?names?\b)[^,]*,\s*/, '')
      // (Not the form's own "(If No, only the first name may be used)": what a refusal leaves.)
      // (Nor one that lets a fuller name through or is the form's own choice: "(unless a parent has asked for the full name)",
      // "(if you tick No, …)".)
      .replace(
        /\((?!if (you )?((tick|say|answer|choose|mark) )?(no|yes)\b)(?![^()]*\b((full|sur|last|family) ?names?|consent|permission|agree[sd]?)\b)[^()]*\b(if|unless|when)\b[^()]*\)/g,
        ' ',
      )
      .replace(/\bif (one|they|it|a [a-z]+) (comes?|visits?|attends?)\b/g, ' ')
      .replace(/,? if at all(?! possible),?/g, ' ')
  );
}
