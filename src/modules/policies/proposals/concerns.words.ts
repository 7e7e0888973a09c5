/**
 * Words the concern readers share (concerns.table.ts, concerns.tell.ts): families or pupils told what to do, which is
 * advice and no route; a negation just before a verb; a check before publishing, which is no concern; a telling besides
 * the route, when a pupil saw what was reported.
 */
import type { Sentence } from './text.ts';

/**
 * A member of staff as the sentence's subject, doing something: "The adult will calm and reassure your child…", "The class
 * teacher will let you know…". On a page to families, such a sentence says what staff do, not whom a parent should tell.
 */
export const staffActs =
  /^(the|an?|our) (adult|member of staff|staff member|teacher|class teacher|key person)( in the room| with them)? (will|must|should|shall)\b/;

/** Parents or pupils told what to do ("Parents who have concerns … should inform the school as soon as possible") is advice, not a route. */
export const familyAdvice = /^(parents?|carers?|families|family members|pupils?|children|learners|students|young people|any (pupil|child|parent))\b/;

/**
 * Families, pupils or visitors told what to do in the middle of a sentence: "The school has a policy and parents, children
 * and other adults who know of abuse should report it at once to the Principal". No staff between them and the verb.
 */
export const familyReports =
  /(?:^|[,;]\s|\b(?:and|but|so|also)\s)(?:all |any |our )?(parents?|carers?|guardians?|families|pupils?|children|students?|learners|visitors?|other adults)\b(?:(?!\b(?:staff|teachers?|employees?|colleagues?|the adult|an adult|the school|we|head ?teacher|principal|dsl|leads?|members?)\b)[^.;:]){0,200}?\b(?:should|must|are asked to|are encouraged to|need to|are to|can|may)(?: (?:always|immediately|then|also))? (?:report|tell|inform|contact|speak|talk|let|raise|share|pass|alert)\b/;

/** Everyone who might know, staff first among them: "Anyone – staff, students, volunteers or parents – who…". */
export const staffAmongThem =
  /^(anyone|everyone|any adult|all adults)\s*[-–(,:]\s*(staff|members of staff|employees|teachers)\b[^.;]{0,60}\b(parents?|carers?|pupils?|students?|visitors?|volunteers?)\b/;

/**
 * Whether the words just before `at`, back to the clause's start, negate it: "must not report" is, "must not view
 * the image and must refer it" is not (wink-nlp's negation runs on past "and must").
 */
export function negatedAt(lower: string, at: number): boolean {
  // (A bracket's negation is its own: "close the screen (do not switch off) and tell the Online Safety Lead".)
  const clause =
    lower
      .slice(0, at)
      .replace(/\([^()]*\)/g, ' ')
      // (So is a dash's aside, and a person described as unknown: "– including contact from an adult they do not know –".)
      .replace(/\s[–—-]\s[^–—]*?\s[–—-]\s/g, ' ')
      .replace(/\b(they|he|she|the (child|pupil|student)|you|we) (do|does|did) not know\b/g, ' ')
      // (And what not to do first, then what to do: "do not reply and inform the Headteacher".)
      .replace(
        // (Normalised text has no "don't". Not "do not investigate and report it", which some read as both forbidden.)
        /\b(?:do not|never|must not|should not) (?:reply|respond|engage)(?: (?:to|with) (?:it|them|the [a-z]+))? and\b/g,
        ' ',
      )
      .split(/[,;:]|\band (must|should|will|shall|then)\b|\bbut\b/)
      .pop() ?? '';
  // (A relative clause's negation, "online bullying which does not raise a child protection concern is reported…", is
  // its own: the reporting stays a rule.)
  return /\b(not|never|no)\b|n't\b/.test(
    clause.replace(/\b(which|that|who) (do|does|did|will|would) not \w+( \w+){0,5}? (concerns?|matters?|issues?|risks?|harm|threshold)\b/g, ''),
  );
}

/**
 * What may be published about an incident, a rule for posts and no route for the concern: "Any post concerning a
 * safeguarding incident … may be published only with the Headteacher's approval", "Anything touching on … a safeguarding
 * matter goes to the Head and must not be issued by Marketing alone". (Not content to be reported: "Content about a pupil
 * that should not be posted must be reported to the DSL".)
 */
export const publishingRule = (lower: string) =>
  /^(any|all|every)? ?(posts?|press releases?|statements?|announcements?|news (items?|stories)|anything|content)\b[^.;]{0,30}\b(concerning|about|touching on|relating to|mentioning)\b/.test(
    lower,
  ) &&
  /\b(may|must|can|will|should|shall)( not| only| never)? (be )?(published|issued|released|posted)\b/.test(lower) &&
  !/\b(must|should|will|shall) (be )?(reported|passed|referred|escalated)\b/.test(lower);

/** "The DSL must be told before any image is posted of a pupil who is looked after": a check before publishing, not a concern. */
export const beforePublishing =
  /\bbefore (any |an? |the |their )?(named )?(images?|photo(graph)?s?|pictures?|posts?|videos?|articles?|stor(y|ies)|press releases?)\b[^.;]{0,30}\b(is|are) (posted|published|shared|used|uploaded)\b/;

const pupilHasSeen = String.raw`\b(if|where|when|once) (a|the|any) (pupil|child|student|learner|young person)s? (has|have|had) (already |actually )?(seen|viewed|been shown|watched) `;
const whatWasReported = String.raw`(it|this|that|them|the (content|material|site|page|images?|videos?|website))\b`;

/**
 * A condition that a pupil saw what the sentence before was about: "If a pupil has seen it, also tell the designated
 * person", "The DSL must be told if a child has seen the content".
 */
const pupilSawIt = new RegExp(pupilHasSeen + whatWasReported);

/** The same condition, or one that names what was seen: "Where a student has seen harmful content, the DSL must also be told". */
export const pupilSawSomething = new RegExp(
  pupilHasSeen +
    String.raw`(${whatWasReported}|(harmful|inappropriate|unsuitable|upsetting) (content|material)\b|(something|anything) (upsetting|harmful|inappropriate|unsuitable)\b)`,
);

/**
 * A telling that replaces or rules out another, not one more: "…tell the DSL instead", "only the DSL should be told", "the
 * DSL rather than the network manager", "there is no need to tell the DSL".
 */
export const tellingInstead =
  /\b(instead|rather than|in place of|only (the|a|your)|no need|not need|need not|needn't|do not need|don't need|does not need|doesn't need|not necessary|unnecessary)\b/;

/** A sentence pointing back to what was reported, on the condition that a pupil saw it, that tells someone besides. */
export const sawWhatWasReported = (lower: string) => pupilSawIt.test(lower) && !tellingInstead.test(lower);

/**
 * A telling besides the one the sentence before names, in the same paragraph, on the condition that a pupil saw what it
 * was about: pointing back to it ("If a pupil has seen it, also tell the designated person", "The DSL must be told if a
 * child has seen the content"), or saying "also" of a thing named ("Where a student has seen harmful content, the DSL
 * must also be told"). Such a list is joined to the one before (merge.ts, withAdditions), or dropped if there is none.
 */
export const besides = (s: Sentence) =>
  Boolean(s.earlier) &&
  (sawWhatWasReported(s.lower) || (pupilSawSomething.test(s.lower) && !tellingInstead.test(s.lower) && /\b(also|as well|too)\b/.test(s.lower)));
