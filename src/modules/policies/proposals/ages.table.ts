/**
 * The social media minimum age (ageLimits.socialMediaMinimumAge): a number of years tied to social
 * media or networking sites. "Sites unsuitable for primary-aged pupils" has no age; "past pupils
 * under the age of 18" is about friendships, not the sites' age.
 */
import type { Sentence } from './text.ts';
import type { SentencePattern } from './types.ts';

const social =
  /\b(social (media|networks?|networking)|networking sites?|facebook|instagram|snapchat|tiktok|whatsapp|twitter|youtube|social apps?|these (sites|apps|platforms))\b/;
const agePatterns: RegExp[] = [
  /\brequires? (?:its |their )?(?:members|users|account holders|people|anyone|children|you|them)? ?(?:to be )?(?:at least |over |aged |older than )?(\d{1,2})(?: years)?(?: of age| years old| or over| or older|\+)?/,
  // ("WhatsApp's minimum age in the UK is 13".)
  /\b(?:minimum|lower) age (?:limit )?(?:for [a-z ]+ |in the [a-z]+ )?(?:is|of|at) (?:the age of )?(\d{1,2})\b/,
  // ("…say that users must be at least 13 years old".)
  /\b(?:users|members|account holders|anyone|people|children) (?:must|should|have to|need to) be (?:at least |over |aged )?(\d{1,2})(?: years old| years of age| or over| or older|\+)/,
  /\bno (?:pupils?|children|child|one|students?) (?:under|below|younger than) (?:the age of )?(\d{1,2})\b/,
  /\b(?:pupils?|children|students?) (?:under|below|younger than) (?:the age of )?(\d{1,2}) (?:should|must|may|are|can|will)(?: not|n't| never)\b/,
  /\b(?:age restrictions?|age limits?) of (\d{1,2})\b/,
  // "Staff will not help a pupil under 13 to set up a social media account", "…ask, encourage or help a pupil under the age of 13".
  /\b(?:help|ask|encourage|require|sign|set)\w*\b[^.;]{0,40}\b(?:a |any )?(?:pupils?|students?|children|child|learners?) (?:under|below|younger than) (?:the age of )?(\d{1,2})\b/,
  // "If we find out that a pupil under 13 has a social media account…".
  /\b(?:pupils?|students?|children|child|learners?) (?:under|below|younger than) (?:the age of )?(\d{1,2}) (?:has|have|is using|are using|holds?|is on|are on)\b/,
  // "The school does not support or condone pupils under 13 holding accounts".
  /\b(?:does|do|will) not (?:support|condone|allow|permit|encourage)\b[^.;]{0,40}\bunder (?:the age of )?(\d{1,2})\b[^.;]{0,30}\b(?:holding|having|using|with|to (?:have|hold|use|open))\b[^.;]{0,20}\b(?:accounts?|social media|profiles?)\b/,
  // "the age limit for most social media platforms is 13".
  /\bage (?:limit|restriction)s? (?:for [a-z ]+ )?(?:is|are) (?:set at )?(\d{1,2})\b/,
  /\b(?:must|should) be (?:at least |over )?(\d{1,2})(?: years)?(?: of age| years old| or over| or older)? (?:to|before they) (?:use|join|open|have|create|sign up)/,
  // "below the permitted age (13 for most sites)", "the required age, 13,".
  /\b(?:permitted|required|legal|minimum) age(?: limit)?(?: for (?:most|many|all|these|such) (?:sites|apps|platforms|services))?,? ?\(?(?:is |of |at )?(?:the age of )?(\d{1,2})\b/,
  // "the age limits for social media apps, most of which are 13".
  /\bage (?:limits?|restrictions?)\b[^.]{0,40}?\b(?:most|many|all) of which (?:are|is) (\d{1,2})\b/,
  // "users should not be under the age of 13" (the sites' own terms).
  /\b(?:users|members|account holders|anyone|people) (?:should|must|may|can)(?: not|n't) be (?:under|younger than|below) (?:the age of )?(\d{1,2})\b/,
  // "Facebook and Instagram have a recommended age of 13+", "an age rating of 13", "are rated 13+".
  /\b(?:have|has|carry|carries|with) (?:a |an )?(?:recommended |minimum |lower )?(?:age|age rating|age restriction|age limit) (?:of |at )?(\d{1,2})\+?/,
  /\b(?:are|is) (?:rated |recommended for (?:ages? |users )?)(\d{1,2})\+/,
  // "The site should only be used by those aged 13 and over", "Instagram is for users aged 13 or older", "open to 13+".
  /\b(?:used|joined|accessed) (?:only )?by (?:those|people|users|children|young people|anyone|persons|members|teenagers) (?:aged |over the age of )?(\d{1,2})(?: years)?(?: of age)?(?: (?:and|or) (?:over|above|older)|\+)/,
  /\b(?:(?:only |solely )?(?:for|open to|available to|intended for|designed for|meant for)) (?:those|people|users|young people|anyone|persons|members|teenagers|children) (?:aged |over the age of )?(\d{1,2})(?: years)?(?: of age)?(?: (?:and|or) (?:over|above|older)|\+)/,
];

/**
 * The age most sites set, said beside exceptions: "the age limits set by the platforms (13 for most …; 16 for WhatsApp)",
 * "the minimum age set by each platform (most are 13; some are 16 or 18)", "…which for almost all social media is 13",
 * "For most platforms we see in school … this is 13". The exceptions' ages are not the rule's.
 */
const mostSites = [
  /\b(\d{1,2}) for (?:most|almost all|nearly all|the majority)\b/,
  /\b(?:most|almost all|nearly all) (?:of them )?(?:are|is) (\d{1,2})\b/,
  /\bwhich for (?:most|almost all|nearly all)\b[^.;]{0,40}? is (\d{1,2})\b/,
  /^for (?:most|almost all|nearly all) [^.;]{0,100}? this is (\d{1,2})\b/,
];
/** The sentence ties the age to the platforms' own limits. */
const platformsLimit =
  /\b(age limits?|minimum ages?|age restrictions?)\b[^.;]{0,30}\b(set by|of) (the |each |every )?(platforms?|sites?|apps?|services?|providers?)\b|\bfor (most|almost all|nearly all) (platforms|sites|apps|services)\b/;

const adviceToFamilies =
  // ("I'd just remind you that WhatsApp's minimum age in the UK is 13": a letter's reminder to families.)
  /\b(i|we)('d| would)?( just)?( like to)? remind (you|parents|carers|families)\b|^(we|the school|our school)( would| wish to| want to| strongly| also| always)* (like to |wish to |want to )?(advise|recommend)s?\b|\b(parents|carers|families|you) (are|is) (strongly )?(advised|asked to (remember|note|be aware)|reminded|encouraged)\b|\b(parents|carers|families|you) (should|need to|must|may wish to) (be aware|note|remember)\b|^please (note|be aware|remember)\b/;

const minimumAge: SentencePattern = {
  name: 'social media sites need users of an age',
  read: (s) => {
    if (!social.test(s.lower) || /\b(past|former|ex-) ?pupils?\b/.test(s.lower)) return [];
    // Families advised of a site's terms ("We would like to advise that Snapchat's regulations say a person must be 13"):
    // advice, not an age the school holds pupils to (the keying guide). Pupils reminded of the terms is the school's teaching.
    // (Unless the sentence itself holds pupils to it: "Parents are reminded that many sites require members to be 13;
    // therefore children at this school are not expected to use social media".)
    if (
      adviceToFamilies.test(s.lower) &&
      !(holdsPupils.test(s.lower) && /\b(therefore|consequently|as a result|for this reason)\b|\bunder (that|this) age\b|\bsuch (sites|apps)\b/.test(s.lower))
    )
      return [];
    const most = platformsLimit.test(s.lower) ? mostSites.map((pattern) => pattern.exec(s.lower)?.[1]).find(Boolean) : undefined;
    if (most && Number(most) >= 8 && Number(most) <= 18) return [{ setting: 'ageLimits.socialMediaMinimumAge', value: Number(most) }];
    const ages = new Set<number>();
    for (const pattern of agePatterns) for (const m of s.lower.matchAll(new RegExp(pattern.source, 'g'))) ages.add(Number(m[1]));
    const [age] = [...ages];
    // "WhatsApp requires users to be 16 and most other platforms 13": any other number that could be an age settles nothing.
    // (A bracketed exception for one app, "(16 for WhatsApp in the UK)", leaves the age the sentence gives.)
    // (Nor is a year group: "a Year 7 or Year 8 student under 13".)
    const unbracketed = s.lower
      .replace(/\((\d{1,2}) for [a-z ]{1,40}\)/g, ' ')
      .replace(/\b(years?|yr|key stage|ks|primary|p|s)\s?\d{1,2}((,| and| or|-|–) ?\d{1,2})*\b/g, ' ')
      // (Nor a game's rating: "some games and apps are rated 16 or 18".)
      .replace(/\bpegi ?\d{1,2}\+?|\bgames?\b[^.;]{0,30}\brated \d{1,2}\+?((,| and| or|-|–) ?\d{1,2}\+?)*/g, ' ');
    // (Nor an aside in brackets beside an age said outside them: "…a minimum age of 13 (WhatsApp is 13 in the UK since 2024;
    // it was 16 before)".)
    const outside = unbracketed.replace(/\([^()]*\)/g, ' ');
    const counted = new RegExp(`\\b${age}\\b`).test(outside) ? outside : unbracketed;
    const others = [...counted.matchAll(/\b(\d{1,2})\b/g)].map((m) => Number(m[1])).filter((n) => n >= 8 && n <= 18 && n !== age);
    if (others.length) return [];
    return ages.size === 1 && age >= 8 && age <= 18 ? [{ setting: 'ageLimits.socialMediaMinimumAge', value: age }] : [];
  },
};

export const ageTable: SentencePattern[] = [minimumAge];

/** The sentence says only what the sites' terms are ("Most social media apps have a minimum age of 13"): no pupil, no school. */
const sitesOnly = (lower: string) =>
  // ("…are for children aged 13 or over" describes the sites' users, not this school's pupils.)
  !/\b(pupils?|children|child|students?|learners?|young people|our|we|us|school|academy|nursery|under[- ]?(13|thirteen)s?|anyone under|reminded|remind|taught|teach)\b/.test(
    lower.replace(/\b(for|by) (children|young people|users|people) aged \d{1,2}( or over| and over| or older|\+)?/g, ' '),
  );

/** The school holding pupils to it: "Consequently, no such websites are used with children", "Pupils must not…". */
const holdsPupils =
  /\bnone of (our|the) (pupils|children|learners|students) (should|is expected|are expected)\b|\b(we|the (school|academy|trust))( still)? expects? (pupils?|students?|learners?|children|them|you|these age limits|the age limits)\b[^.;]{0,30}\b(follow|respect|keep to|stick to|be respected)\b|^(consequently|therefore|as a result|for this reason|this means|so|because of this)\b[^.]*\b(no|not|never)\b|\b(pupils?|children|students?|learners?)\b[^.;]{0,60}\b(should not|must not|are not (allowed|permitted|expected)|may not|cannot|will not|do not|are too young)\b|\b(we|the school|the academy|the trust)( therefore| also| still)? (do|does|will) (not|never) (allow|permit|support|expect|encourage|create|set up|open|ask|recommend|help|use|teach with)\b/;
/**
 * The pupils said to be under the age: "All of our pupils are under this age", "None of our children is old enough". Held to
 * it, unless advice to families follows ("…and we would rather they were not on these sites", "We strongly advise…"): three
 * keyers settled the first and left the second unsettled.
 */
const pupilsTooYoung =
  /\b(our|all|all of our|almost all of our|the school's) (pupils|children|students|learners)\b[^.;]{0,30}\b(are|is) (all |almost all |therefore )?(under|below|younger than) (this|that|these|the( minimum| required)?) ages?\b|\b(pupils|children|students|learners) (at|in) (?!(?:a|an|any)\b)[a-z' ]{2,30}? (are|is) (all |almost all |therefore )?(under|below|younger than) (this|that|these|the( minimum| required)?) ages?\b|\b(all|almost all|most|nearly all) (of )?(our|the) (pupils|children|students|learners) (are|is) (under|below|younger than) (\d{1,2}|this|that|these)\b|\b(none|no one|nobody|no (pupil|child|learner|student))\b[^.;]{0,40}\b(is|are) old enough\b/;

/** "…but many already have accounts, so we teach them…": the pupils' ages described beside what they do anyway, no rule. */
const yetTheyDo = /\b(but|yet|although|though|however)\b[^.;]*\b(have|has|hold|holds|use|uses|using|already|anyway)\b/;

/** Advice to families, which holds no pupil to anything. */
const advises = (lower: string) =>
  adviceToFamilies.test(lower) ||
  /\b(the school|we|our school|the academy)( would| strongly| also)* ((advises?|recommends?|ask|asks)( that)? (you|parents|carers|families|primary)|would rather (they|pupils|children))\b/.test(
    lower,
  );

/** …and says it of the age or the sites: "pupils under that age", "such sites", "them" (not "social media in school"). */
const ofTheAge =
  /\bold enough\b|\bunder (these|those) ages\b|\b(follow|respect|keep to|stick to)\b[^.;]{0,40}\b(terms|age limits?|minimum ages?|age settings|these|them)\b|\bage limits to be respected\b|\b(having|hold(ing)?|have|open(ing)?|set(ting)? up|create|creating) (a |an |any |their own |social media )?(social media )?accounts?\b|\b(having|using|to use|use|hold(ing)?) (any )?social (media|networking)\b(?!( accounts?)? ((with|for) (pupils|children|students|learners) )?(in|at|during) (school|lessons?))|^(consequently|therefore|as a result|for this reason|this means|so|because of this)\b|\b(under|below|younger than) (that|this|the|its|their|the minimum|the required|its minimum|their minimum) age\b|\bunder[- ]?(13|thirteen)s?\b|\b(too young|not old enough)\b|\b(such|these|those) (sites|apps|platforms|services|websites)\b|\b(use|using|join|joining|have|having|access|accessing|hold|holding) (them|these|such)\b/;

/**
 * A site's terms stated as a fact, with nothing in the sentences beside it that holds pupils to them (four keyers, each
 * alone, left "Most social media platforms have a minimum age of 13. We advise parents to check privacy settings"
 * unsettled): the school's rule is not said. Advice to families beside it ("The school advises parents…") is no rule.
 */
/** The clause before advice that follows it ("…, and we advise parents not to allow…"): the school's own words. */
const ruleClause = (lower: string) => lower.split(/,? and (?=we (?:also )?(?:advise|recommend|ask)\b)|;\s*/)[0];

export function siteTermsOnly(sentences: Sentence[], order: number): boolean {
  const s = sentences[order];
  if (!sitesOnly(s.lower)) return false;
  const next = sentences[order + 1];
  const after = next && next.previous === s.lower ? next.lower : '';
  const then = sentences[order + 2]?.previous === after ? sentences[order + 2].lower : '';
  // ("We do not allow pupils to access social media in school and we advise parents that…": advice about home.)
  // (Advice after the school's own rule, in a clause of its own, leaves the rule: "The school will not use any social media
  // service with learners below the age set by that service, and we advise parents not to allow…".)
  const holds = (b: string) => Boolean(b) && [b, ruleClause(b)].some((said) => holdsPupils.test(said) && ofTheAge.test(said) && !advises(said));
  // (Or the sentence after another site's terms: "WhatsApp's minimum age in the UK is 13. We therefore do not expect…".)
  return !(
    holds(s.previous ?? '') ||
    holds(after) ||
    (after && pupilsTooYoung.test(after) && !yetTheyDo.test(after) && !advises(after) && !advises(then)) ||
    (after && sitesOnly(after) && holds(then))
  );
}
