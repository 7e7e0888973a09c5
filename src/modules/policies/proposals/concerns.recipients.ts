/**
 * Who a sentence says is told of a concern (recipients), by its verb of telling (tellVerb) or a passive "must be made
 * aware" (madeAware); the posts a route may name (recipientRoles) and who may hear of the restricted kinds. Read by the
 * sentence patterns (concerns.table.ts) and the incident tables (concerns.tables.ts).
 */
import { type Sentence } from './text.ts';
import { rolesIn, unkeyedFirst, withoutStandIns, type RoleKey } from './roles.ts';
import { negatedAt } from './concerns.words.ts';
import { outsiders } from './concerns.tell.ts';

export const restricted = new Set(['safeguarding', 'staff-misuse']);
export const mayBeToldRestricted: RoleKey[] = ['dsl', 'headteacher'];
export const recipientRoles = new Set<RoleKey>([
  'headteacher',
  'deputy-headteacher',
  'senior-leader',
  'dsl',
  'ict-lead',
  'class-teacher',
  'line-manager',
  'office',
]);

export const tellVerb =
  // ("The annual safeguarding report", "a written report": the noun, not the telling.)
  /\b((?<!\b(?:annual|termly|yearly|safeguarding|monitoring|written|full|a|an|the|this|that|their|our|his|her|its|each|every) )report(s|ed|ing)?|refer(s|red|ring)?|direct(ed)?|pass(ed)? on|passed|pass(es)?(?= (it|them|this|that|these|those|the [a-z]+|any [a-z]+|on)( on)? to\b| (the|any|a) [a-z' ]{1,80}? to (the|a|your|their|our|any)\b| (all |such |these )?[a-z' ]{0,40}?\b(concerns?|worries|incidents?|disclosures?) (on )?to (the|a|your|their|our|any)\b)|inform(ed)?|tells?|told|notif(y|ied)|contact(?<!\b(?:tries|try|tried|trying|attempts?|attempted|attempting) to contact(?= (?:a |an |the |any |our )?(?:pupils?|child(?:ren)?|students?|learners?|young (?:person|people)|members? of staff|staff|teachers?|you|them|him|her|me)\b))|escalat(e|ed)|raise(d)? (it |them )?with|speak to|speak with|talk to|discuss(ed)? (it |this |them |the matter |the concern |your concerns? )?with|share(d)? (it |this |them )?with|alert(ed)?|brought to the attention of|(sent|forwarded|handed|passed) (directly |straight |personally |immediately )?to|forwards? (it|them|this|that|the (post|message|screenshot|email|comment)s?) (directly |straight |on )?to|sends? (it |them |this |a screenshot |the screenshot |the details )?(directly |straight )?to|go(es)? to|(?<!\b(?:i|we|you|he|she|pupils?|children|students?|parents?|carers?|visitors?|families) (?:will |may |can |should |must |often |sometimes )?)(?<!\bwhen it )come(s)? (straight |directly )?to(?! (the |a |an |our )?([a-z]+ ){0,3}(meetings?|panels?|committees?|reviews?|school|class|lessons?|agreements?|decisions?|conclusions?|terms|light|harm|attention)\b)|show(s|n|ed)? (it |them |this |that |the [a-z]+ |any [a-z]+ )?to|let(?= (the|a|your|their|our) [a-z' ()-]{1,40} know\b)|(handled|dealt with|managed|answered|responded to) (only |solely )?by)\b/;
export const madeAware = /\b(must|should|will|shall|is|are) (be |then be |immediately be )?(made aware|informed|told|notified|alerted)\b/;

/**
 * "…reported to the Headteacher, not the DSL, the same day", "(not the DSL)", "rather than the class teacher", "…come to me
 * and not to the DSL": someone named only to be passed over is not told.
 */
export const passedOver = (text: string) =>
  text.replace(
    /\((?:but )?(?:not|never|rather than|instead of)\b[^()]*\)|(?:,|\s[-–—])\s*(?:and |but )?(?:not|never|rather than|instead of)\s[^,;.]*|\s(?:and|but) not (?:to |with )(?:the |a |an |your )?(?:(?!\b(?:but|and|or)\b)[^,;.])*/g,
    ' ',
  );

/** "…reported to the police by the Headteacher": the one who reports to an outside body taken out, the body left. */
const byTeller = (text: string) =>
  text.replace(
    /\bto (?:the )?([a-z' -]{2,60}?) by (?:the |a |an |our )?[a-z' -]{1,40}?(?=$|[,;.]| and | or | within\b| the same\b| immediately\b| at once\b| straight away\b)/g,
    (all: string, body: string) => (outsiders.some(([, pattern]) => pattern.test(body)) ? `to ${body}` : all),
  );

/**
 * A setting's manager marked as the DSL ("the Nursery Manager (DSL)", "the Manager (DSP)"): told as the DSL. (Not "the
 * Headteacher (DSL)", which keyers read as both posts.)
 */
const alsoTheDsl = (text: string) =>
  text.replace(
    // (Not another post's manager or leader, "the Network Manager (DSL)", "the Online Safety Leader (DSL)": both posts.)
    /(?:\b(?:nursery|centre|setting|pre-?school|playgroup) (?:manager|leader)|(?<=\b(?:the|our|a) )manager)\s*\((?:dsl|dsp|designated safeguarding (?:lead|person|officer))\)/g,
    'the dsl',
  );

/** Who a sentence says is told: the roles after the reporting verb, or before "must be made aware"; null if it does not say. */
export function recipients(s: Sentence): RoleKey[] | null {
  // "…in the first instance to the Head, who will consider what action to take": the first one told is the one who
  // decides, so the route is theirs (the keying guide); otherwise the first recipient only, not the route.
  const decides = /,? (?:[-–—] )?who (?:will|shall|then) (?:then )?(?:consider|decide|determine) (?:what|the|how|whether|any)\b/.test(s.lower);
  if (/\bin the first instance\b|\binitially\b|\bfirst of all\b/.test(s.lower) && !decides) return null;
  // A bracketed alternative on a condition is someone else's route: "(or the Chair of Governors if it concerns the Head)".
  const lower = s.lower.replace(/\((?:or|and) [^()]*\b(?:if|when|where|unless)\b[^()]*\)/g, '');
  if (lower !== s.lower) return recipients({ ...s, lower });
  const passive = madeAware.exec(s.lower);
  if (passive) {
    const before = rolesIn(s.lower.slice(Math.max(0, passive.index - 60), passive.index));
    if (before.length) return before;
  }
  const verb = tellVerb.exec(s.lower);
  if (!verb) return null;
  if (negatedAt(s.lower, verb.index)) return null;
  // Up to a clause that names someone else on a condition: "…raised with the Principal; if the concern is about the Principal, …".
  // (So is an alternative on a condition: "…to the Headteacher, or to the Chair of Governors if the concern is about the Headteacher".)
  // (And a clause where the one told passes it on: "…to the class teacher; the class teacher will inform the DSL".)
  const after = s.lower
    .slice(verb.index)
    .split(
      /;\s*(?:if|unless|where|when)\b|;\s*(?:the|they|he|she|who)\b[a-z' ]{0,30}\b(?:will|then|must|should|shall) (?:then )?(?:inform|tell|pass|let|notify|contact|alert|refer)\b|,\s*(?:if|unless)\b|,\s*or (?:to |with )?(?:the |a |our )?[a-z' ]{1,40}\b(?:if|where|when|unless|should)\b/,
    )[0];
  // ("Tell the class teacher, who logs it on CPOMS and lets the DSL know": whoever they tell is told next. Not "report it
  // to the Network Manager, who will block the site, and to the DSL", nor "tell any member of staff, who will pass it to
  // the DSL": no one in particular is told first.)
  const told = after.replace(/,\s*who\b[^,;]*,\s*(?=and (?:to |with )?(?:the|a|an|our|your)\b)/g, ', ').split(/,\s*(?:[-–—]\s*)?who\b/)[0];
  // ("…to the DSL (or, in her absence, the Headteacher)": whoever stands in is not told first.)
  // ("…reported to the police by the Headteacher": the one who reports to an outside body is no one told.)
  const first = alsoTheDsl(withoutStandIns(passedOver(byTeller(rolesIn(passedOver(told)).length ? told : after))));
  // "…referred to the Marketing Manager, who will inform the Head": a post no key names is told first, and the list of
  // those told first cannot be written (the Head is told next). So is "the Head of Year and the Network Manager".
  if (unkeyedFirst(first)) return null;
  const roles = rolesIn(first);
  return roles.length ? roles : null;
}
