/**
 * Who hears about which concern, and how fast (concerns.routes.TYPE.notify / .immediate).
 * A sentence proposes only when it names the kind of concern, a reporting verb and who is told —
 * never "in the first instance" (that names the first recipient, not the list), never negated,
 * and for restricted records only people who may see them.
 */
import type { Found, SentencePattern } from './types.ts';
import { type Sentence } from './text.ts';
import { rolesIn, unkeyedFirst, type RoleKey } from './roles.ts';
import { concernKind, exampleKinds, happensBack, kindBefore, kindOf } from './concerns.kinds.ts';
import { atOnce, deadlineAt, deadlineIn } from './concerns.times.ts';

const pupilAdvice =
  /^(pupils?|children|learners|students|young people|any (pupil|child))\b|\b(we )?(encourage|teach|remind|tell|ask) (pupils|children|learners|students) to\b/;
/** Parents or pupils told what to do ("Parents who have concerns … should inform the school as soon as possible") is advice, not a route. */
const familyAdvice = /^(parents?|carers?|families|family members|pupils?|children|learners|students|young people|any (pupil|child|parent))\b/;
/**
 * Families, pupils or visitors told what to do in the middle of a sentence: "The school has a policy and parents, children
 * and other adults who know of abuse should report it at once to the Principal". No staff between them and the verb.
 */
const familyReports =
  /(?:^|[,;]\s|\b(?:and|but|so|also)\s)(?:all |any |our )?(parents?|carers?|guardians?|families|pupils?|children|students?|learners|visitors?|other adults)\b(?:(?!\b(?:staff|teachers?|employees?|colleagues?|the adult|an adult|the school|we|head ?teacher|principal|dsl|leads?|members?)\b)[^.;:]){0,200}?\b(?:should|must|are asked to|are encouraged to|need to|are to|can|may)(?: (?:always|immediately|then|also))? (?:report|tell|inform|contact|speak|talk|let|raise|share|pass|alert)\b/;
/** Staff route it: "…will be reported to the Head" after a sentence that starts with the children. */
const staffRoute = /\b(will|must|should|is|are|shall) (always |then |immediately )?(be )?(reported|referred|passed|escalated|recorded)\b/;
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

const tellVerb =
  // ("The annual safeguarding report", "a written report": the noun, not the telling.)
  /\b((?<!\b(?:annual|termly|yearly|safeguarding|monitoring|written|full|a|an|the|this|that|their|our|his|her|its|each|every) )report(s|ed|ing)?|refer(s|red|ring)?|direct(ed)?|pass(ed)? on|passed|pass(es)?(?= (it|them|this|that|these|those|the [a-z]+|any [a-z]+|on)( on)? to\b| (the|any|a) [a-z' ]{1,80}? to (the|a|your|their|our|any)\b)|inform(ed)?|tell|told|notif(y|ied)|contact|escalat(e|ed)|raise(d)? (it |them )?with|speak to|speak with|talk to|discuss(ed)? (it |this |them |the matter |the concern |your concerns? )?with|share(d)? (it |this |them )?with|alert(ed)?|brought to the attention of|(sent|forwarded|handed|passed) (directly |straight |personally |immediately )?to|sends? (it |them |this |a screenshot |the screenshot |the details )?(directly |straight )?to|go(es)? to|let(?= (the|a|your|their|our) [a-z' ()-]{1,40} know\b)|(handled|dealt with|managed|answered|responded to) (only |solely )?by)\b/;
const madeAware = /\b(must|should|will|shall|is|are) (be |then be |immediately be )?(made aware|informed|told|notified|alerted)\b/;

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
      .split(/[,;:]|\band (must|should|will|shall|then)\b|\bbut\b/)
      .pop() ?? '';
  // (A relative clause's negation, "online bullying which does not raise a child protection concern is reported…", is
  // its own: the reporting stays a rule.)
  return /\b(not|never|no)\b|n't\b/.test(
    clause.replace(/\b(which|that|who) (do|does|did|will|would) not \w+( \w+){0,5}? (concerns?|matters?|issues?|risks?|harm|threshold)\b/g, ''),
  );
}

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
  const after = s.lower
    .slice(verb.index)
    .split(/;\s*(?:if|unless|where|when)\b|,\s*(?:if|unless)\b|,\s*or (?:to |with )?(?:the |a |our )?[a-z' ]{1,40}\b(?:if|where|when|unless|should)\b/)[0];
  // ("Tell the class teacher, who logs it on CPOMS and lets the DSL know": whoever they tell is told next. Not "report it
  // to the Network Manager, who will block the site, and to the DSL", nor "tell any member of staff, who will pass it to
  // the DSL": no one in particular is told first.)
  const told = after.replace(/,\s*who\b[^,;]*,\s*(?=and (?:to |with )?(?:the|a|an|our|your)\b)/g, ', ').split(/,\s*(?:[-–—]\s*)?who\b/)[0];
  const first = rolesIn(told).length ? told : after;
  // "…referred to the Marketing Manager, who will inform the Head": a post no key names is told first, and the list of
  // those told first cannot be written (the Head is told next). So is "the Head of Year and the Network Manager".
  if (unkeyedFirst(first)) return null;
  const roles = rolesIn(first);
  return roles.length ? roles : null;
}

/**
 * An acceptable use policy's own rule for what pupils (or pupils and staff) do when they come across unsuitable material
 * online ("Pupils will immediately tell their class teacher or the Principal"): for that kind, the route is the pupil's
 * telling. Only a rule (must, will, should, are to), never "we encourage / teach / remind pupils to", nor a negated one.
 */
export function pupilsContentRule(s: Sentence, kind: string | null): boolean {
  return (
    kind === 'inappropriate-content' &&
    /^(pupils?|children|students?|learners|young people|any (pupil|child|student|learner))\b[^.;]*?\b(must|will|shall|should|are to|is to|are required to|need to)\b/.test(
      s.lower,
    ) &&
    !/\b(must|will|shall|should|are to|is to|need to) (not|never)\b|n't\b/.test(s.lower) &&
    !/\b(encourage|encouraged|teach|taught|remind|reminded|learn|advised|advise)\b/.test(s.lower)
  );
}

/**
 * "Staff should not attempt to bypass the filtering and must report any site that should be blocked … to the DSL": the
 * kind is named only in a prohibition before the report, whose own object is something else. No route for that kind.
 */
function kindOnlyForbidden(lower: string, verbAt: number): boolean {
  const clauses = lower.slice(0, verbAt).split(/\band (?:must|should|will|shall|always|then|also)\b|;/);
  if (clauses.length < 2) return false;
  const earlier = clauses.slice(0, -1).join(' ');
  // The prohibition governs the kind ("not attempt to bypass the filtering", not "discovers unsuitable material…, they must
  // not investigate it"), and the report has an object of its own ("report any site…", not "report it").
  // ("…an adult they do not know, this is a safeguarding concern and must go to the DSL": a stranger, not a prohibition.)
  const negation = /\b(not|never|no)\b|n't\b/.exec(earlier.replace(/\b(do|does|did) not know\b|\bnot known\b/g, (m) => ' '.repeat(m.length)));
  return (
    negation !== null &&
    concernKind(earlier.slice(negation.index)) !== null &&
    concernKind(clauses[clauses.length - 1]) === null &&
    concernKind(lower.slice(verbAt)) === null &&
    !/^\S+ (it|this|them|these|that|such|so)\b/.test(lower.slice(verbAt))
  );
}

/** "The DSL must be told before any image is posted of a pupil who is looked after": a check before publishing, not a concern. */
const beforePublishing =
  /\bbefore (any |an? |the |their )?(named )?(images?|photo(graph)?s?|pictures?|posts?|videos?|articles?|stor(y|ies)|press releases?)\b[^.;]{0,30}\b(is|are) (posted|published|shared|used|uploaded)\b/;

const notify: SentencePattern = {
  name: 'a kind of concern is reported to named people',
  read: (s) => {
    const kind = kindOf(s);
    if (!kind || beforePublishing.test(s.lower)) return [];
    if (/^(if|where|when)\b.*\b(the )?(head|principal|dsl)\b[^,]* (is|are) (absent|unavailable|involved|the subject)/.test(s.lower)) return [];
    // Pupils told whom to tell ("pupils should tell their class teacher") is advice, not how staff route a record; so is an
    // item of a list that asks parents ("We ask parents to:" then "… if you have a concern, please speak to the class teacher").
    if ((pupilAdvice.test(s.lower) || familyAdvice.test(s.lower)) && !staffRoute.test(s.lower) && !pupilsContentRule(s, kind)) return [];
    if (
      s.item &&
      s.lead &&
      (familyAdvice.test(s.lead) || /\b(ask|asks|expect|expects|remind|reminds|encourage|encourages) (all )?(parents|carers|families)\b/.test(s.lead))
    )
      return [];
    if (familyReports.test(s.lower) && !staffRoute.test(s.lower) && !pupilsContentRule(s, kind)) return [];
    // A parent's worry is a route only as staff pass it on ("…raised by a parent are passed to the DSL"), not a family
    // asked whom to speak to ("If a parent has a concern, we ask that they speak to the class teacher").
    if (kind === 'raised-by-carer' && !/\b(is|are|be) (passed|referred|reported|forwarded|sent|dealt with|handled|escalated)\b/.test(s.lower)) return [];
    const who = recipients(s);
    if (!who) return [];
    // A discretion, not a route: "may be discussed with the class teacher", "can be passed to the DSL".
    const verb = tellVerb.exec(s.lower);
    if (verb && /\b(may|might|could|can)( (also|then|only|choose to|wish to|decide to|be))* $/.test(s.lower.slice(0, verb.index))) return [];
    if (verb && kindOnlyForbidden(s.lower, verb.index)) return [];
    // "report to the head and the police": the police are not on a notify list (the route's "tell"); the head still is.
    // (The office, named beside a restricted kind, is read as no one: "a data breach must be reported to the Bursar" beside a
    // safeguarding sentence is the breach's route, and the office is no recipient the product would give such a record.)
    const roles = who.filter((r) => recipientRoles.has(r) && !(r === 'office' && restricted.has(kind)));
    if (!roles.length) return [];
    if (restricted.has(kind) && roles.some((r) => !mayBeToldRestricted.includes(r))) return [{ setting: `concerns.routes.${kind}.notify`, value: null }];
    return [{ setting: `concerns.routes.${kind}.notify`, value: roles, combine: 'union' }];
  },
};

const immediate: SentencePattern = {
  name: 'a kind of concern is reported at once',
  read: (s) => {
    const kind = kindOf(s);
    if (!kind || !atOnce.test(s.lower)) return [];
    // "as soon as possible the same day", "ASAP and within 24 hours": the stated time is the deadline, not "at once".
    if (/^as soon as possible$/.test(atOnce.exec(s.lower)![0]) && deadlineIn(s.lower)) return [];
    if ((familyAdvice.test(s.lower) || pupilAdvice.test(s.lower) || familyReports.test(s.lower)) && !staffRoute.test(s.lower) && !pupilsContentRule(s, kind))
      return [];
    // A page telling a family what to do about their own child ("If you think your child is being bullied online, call
    // Mr Patel straight away") sets no route's urgency unless it names a role who is told.
    if (/\byour (child|children|son|daughter)\b/.test(s.lower) && !staffRoute.test(s.lower) && !recipients(s)?.length) return [];
    const verb = tellVerb.exec(s.lower) ?? madeAware.exec(s.lower);
    if (!verb || negatedAt(s.lower, verb.index) || kindOnlyForbidden(s.lower, verb.index)) return [];
    // A pledge in the first person to tell "a member of staff" or "an adult" names no one: its haste sets no route's.
    if (
      /^i (will|must|should|shall|promise to)\b|^(if|when|whenever) i\b[^.;]*\bi (will|must|should|shall|promise to)\b/.test(s.lower) &&
      !(recipients(s) ?? []).some((r) => recipientRoles.has(r))
    )
      return [];
    // Only those outside the staff told at once ("the appropriate authorities must be informed immediately", "parents will
    // be contacted straight away"): a time for the route's "tell", not for the route itself (as for deadlines).
    const staff = (recipients(s) ?? []).filter((r) => recipientRoles.has(r));
    if (
      !staff.length &&
      (outsiders.some(([, pattern]) => pattern.test(s.lower)) || /\b(authorit(y|ies)|agenc(y|ies)|external (bodies|services|organisations))\b/.test(s.lower))
    )
      return [];
    return [{ setting: `concerns.routes.${kind}.immediate`, value: true }];
  },
};

/** People outside the staff a route can require to be told (the setting `concerns.routes.TYPE.tell`). */
const outsiders: [string, RegExp][] = [
  ['carers', /\b(parents?|carers?|parent ?\/ ?carers?|families|family)\b/],
  ['police', /\bpolice\b/],
  ['lado', /\blado\b|local authority designated officer|designated officer (at|for|of) the local authority/],
  [
    'social-care',
    /children'?s social care|social services|children'?s services|\bmash\b|multi-agency safeguarding hub|\bsocial care (department|team|services?)\b|\b(local authority|council)('s)? social care\b/,
  ],
];

/**
 * A condition after the telling ("…will be informed if the material was particularly distressing"), not the concern itself:
 * "if this happens", or a clause that names the kind ("Informing the carers if a pupil sends them a follow request").
 */
function conditionIn(rest: string): boolean {
  const m =
    /\b(if|where|unless|provided( that)?|in cases where|in the event that|should (the|a|an|any))\b(?! (this|that|it|such a thing) (happens|occurs|has happened|has occurred)\b)/.exec(
      rest,
    );
  return m !== null && concernKind(rest.slice(m.index)) === null;
}

/**
 * Families told, as the subject of a passive: "Parents of the children involved will be told", "Both families are
 * contacted". Not told of something else ("Parents will be informed of school trips by letter").
 */
const familyTold =
  /\b(parents?|carers?|families|parent ?\/ ?carers?)\b(?: (?:and|or) (?:parents?|carers?))?(?: of [a-z ,'-]{1,60}?)? ((?:will|must|shall|are to)(?: always| then| also)? be|are(?: always)?) (informed|told|notified|contacted)\b(?! (?:of|about) (?!(?:this|it|the (?:incident|concern|matter|outcome|allegation|report|bullying))\b))/;

/** A lead that makes the items under it duties: "requirements include:", "staff must:"; never "avoid:" or "do not:". */
const requiringLead = (lead: string | undefined) =>
  Boolean(lead) &&
  /\b(must|should|shall|will|required|requirements?|expected|expectations|duties|responsibilities|are to|always)\b/.test(lead!) &&
  !/\b(not|never|avoid|don't|no)\b/.test(lead!);

/** Telling left to someone's judgement ("the DSL will decide whether the police must be contacted", "unless this would put the pupil at risk"). */
const leftToJudgement = (lower: string) =>
  /\b(decide|decides|consider|considers|judge|judges) (whether|if)\b/.test(lower) || /\bunless\b[^.;]{0,100}\b(risk|danger|harm)\b/.test(lower);

const tell: SentencePattern = {
  name: 'a kind of concern is always told to people outside the staff',
  read: (s) => {
    // "Incidents of cyberbullying will be dealt with… The parents of the pupils involved will be informed.": the kind is the sentence before's.
    // ("Parents of the children involved will be told." after "Online bullying between learners: tell the class teacher".)
    const toldAfter = familyTold.exec(s.lower);
    const kind =
      concernKind(s.lower) ??
      (/^(the|their|his|her|its|this|these|in (this|that|such|these) cases?)\b/.test(s.lower) && s.previous ? kindBefore(s) : null) ??
      ((happensBack.test(s.lower) || toldAfter) && s.previous ? kindBefore(s) : null);
    if (!kind || beforePublishing.test(s.lower)) return [];
    // A requirement, not a discretion: "will be reported to the police", never "may be", "could be", "reserve the right".
    // Or a duty listed under a lead that requires it: "Staff are required to:" then "• Notifying the parents if…".
    const must =
      /\b(must|will|shall|should|are to|is to|needs? to|ha(?:s|ve) to)( always| automatically| immediately| then)? (be )?(reported|referred|informed|told|notified|contacted|passed)\b/.exec(
        s.lower,
      ) ??
      (s.item && requiringLead(s.lead) ? /^(notifying|informing|telling|contacting|alerting)\b/.exec(s.lower) : null) ??
      // ("Both families are contacted by the key workers": a present passive of those told.)
      (toldAfter && /^(are|is)/.test(toldAfter[2]) ? /\b(informed|told|notified|contacted)$/.exec(toldAfter[0]) : null);
    // The school or its staff as the subject, those outside as the object: "The DSL will then contact the LADO", "the
    // Head must inform the police". Not a family or a pupil told whom to call ("Parents should contact the police").
    // ("The Head will consult the LADO within one working day", "The Principal contacts the LADO about any allegation".)
    const active = must
      ? null
      : (/\b(must|will|shall|should|are to|is to|needs? to|ha(?:s|ve) to)( always| automatically| immediately| then| also)? (contact|inform|notify|tell|alert|consult|speak to|speak with|seek advice from|liaise with|refer (?:it|this|the matter|the incident|the allegation|the concern|the case|them) to|report (?:it|this|the matter|the incident|the allegation|the concern|them) to)\b/.exec(
          s.lower,
        ) ?? /\b(contacts|informs|notifies|consults|alerts)(?= (the )?(lado|local authority designated officer|police|parents?|carers?)\b)/.exec(s.lower));
    if (active) {
      if (familyAdvice.test(s.lower) || familyReports.test(s.lower) || /^(you|if you)\b/.test(s.lower) || negatedAt(s.lower, active.index)) return [];
      if (/\b(may|might|could|can|if necessary|where appropriate|if appropriate|as appropriate|reserve|consider)\b/.test(s.lower)) return [];
      // "The DSL will contact the police where an online incident involves a possible crime", "if the content is illegal,
      // the DSL will contact the police": on a condition of its own.
      if (
        /\b(if|unless|where|when|in the event that|in cases where)\b[^.;]{0,60}\b(crimes?|criminal|offences?|illegal|unlawful|necessary|appropriate|required|needed|deemed|decides?|considers?|thinks?|feels?|judges?|serious|severe)\b/.test(
          s.lower,
        ) ||
        leftToJudgement(s.lower)
      )
        return [];
      const rest = s.lower.slice(active.index + active[0].length);
      // "…will consult the LADO within one working day where the student is under 18": on a condition of its own.
      if (conditionIn(rest)) return [];
      const object = rest.split(/[,;:]|\b(?:and|or|who|which|if|unless|when|where)\b/)[0];
      const who = outsiders.filter(([, pattern]) => pattern.test(object)).map(([key]) => key);
      return who.length ? [{ setting: `concerns.routes.${kind}.tell`, value: who, combine: 'union' }] : [];
    }
    if (
      !must ||
      s.negated.includes(must[0].split(' ').pop()!) ||
      /\b(may|might|could|can|if necessary|where appropriate|if appropriate|as appropriate|reserve)\b/.test(s.lower)
    )
      return [];
    const after = s.lower.slice(must.index);
    // "Parents will be informed if the material was particularly distressing": told on a condition of its own.
    if (conditionIn(after.slice(must[0].length))) return [];
    // "The police will be contacted where a crime has been committed", "…if the Head considers it necessary": told on a
    // condition of its own, not always ("Carers will be contacted if this happens" names the concern itself).
    if (
      /\b(if|unless|where|when|in the event that|in cases where)\b[^.;]{0,40}\b(crimes?|criminal|offences?|illegal|unlawful|necessary|appropriate|required|needed|deemed|decides?|considers?|thinks?|feels?|judges?|serious|severe)\b/.test(
        after,
      ) ||
      leftToJudgement(s.lower)
    )
      return [];
    // "Parents will be informed of…": the people told are the subject of a passive verb.
    const before = /(informed|told|notified|contacted)$/.test(must[0])
      ? (s.lower
          .slice(0, must.index)
          .split(/[,;:]| and | then /)
          .pop() ?? '')
      : '';
    const who = outsiders.filter(([, pattern]) => pattern.test(after) || pattern.test(before)).map(([key]) => key);
    return who.length ? [{ setting: `concerns.routes.${kind}.tell`, value: who, combine: 'union' }] : [];
  },
};

/**
 * The school's duty to refer concerns outside: "Every school is required to follow procedure and refer concerns to the
 * Social Care Department", "the DSL has a statutory duty to refer child protection concerns to children's social care".
 * Concerns sent to social care are about a child's welfare, so bare "concerns" there are safeguarding ones; to anyone
 * else they must name their kind. A duty only: not "may", "where appropriate", a family told whom to call, or a negation.
 */
const referralDuty =
  /\b(must|will|shall|(?:is|are) required to|(?:has|have) (?:a )?(?:legal |statutory )?duty to)\b[^.;]{0,40}?\brefer (?:any |all |such |these |their |the )?(?:(?:safeguarding|child protection|welfare) )?(?:concerns?|cases?|worries|allegations?|disclosures?|incidents?)\b(?: (?:about|against|regarding|concerning) [^.;]{1,40}?)? to\b([^.;]*)/;

const referredOut: SentencePattern = {
  name: 'the school must refer concerns to those outside the staff',
  read: (s) => {
    const m = referralDuty.exec(s.lower);
    if (!m || familyAdvice.test(s.lower) || familyReports.test(s.lower) || /^(you|if you)\b/.test(s.lower)) return [];
    if (/\b(may|might|could|can|if necessary|where appropriate|if appropriate|as appropriate|reserve|consider|considers)\b/.test(s.lower)) return [];
    if (negatedAt(s.lower, m.index + m[0].indexOf('refer')) || /\b(not|never)\b/.test(m[0])) return [];
    // The first recipient named: "refer concerns to the DSL, who will contact social care" is the DSL's, not social care's.
    const object = m[2].split(/[,;:]|\b(?:who|which|if|unless|when|where)\b/)[0];
    const who = outsiders.filter(([, pattern]) => pattern.test(object)).map(([key]) => key);
    const kind = concernKind(s.lower) ?? (who.includes('social-care') ? 'safeguarding' : null);
    return kind && who.length ? [{ setting: `concerns.routes.${kind}.tell`, value: who, combine: 'union' }] : [];
  },
};

const deadline: SentencePattern = {
  name: 'a kind of concern has a time to act',
  read: (s) => {
    const kind = kindOf(s);
    if (!kind || !(tellVerb.test(s.lower) || madeAware.test(s.lower) || /\b(dealt with|acted on|recorded|logged)\b/.test(s.lower))) return [];
    // (Not the concern's own "may": "something which suggests they may be at risk of harm … report … before the end of the day".)
    if (/\b(may|might|could)\b/.test(s.lower.replace(/\b(may|might|could) (be|have been) (at risk|in danger|being harmed|harmed|suffering)\b/g, ''))) return [];
    const when = deadlineIn(s.lower);
    if (!when) return [];
    // "Allegations must be notified to the LADO within 24 hours": a time for telling someone outside the staff (the
    // route's "tell"), not the route's own time to act; "reported to the DSL within 24 hours, who informs the LADO" is.
    const before = s.lower.slice(0, deadlineAt.exec(s.lower)?.index ?? s.lower.length);
    if (outsiders.some(([, pattern]) => pattern.test(before)) && !rolesIn(before).some((r) => recipientRoles.has(r))) return [];
    // "…reported to the Head, who must consult the LADO within one working day": the time is the outsider's clause's.
    const clause = before.split(/[,;]|\bwho\b|\band (?:then )?(?:must|will|should|shall)\b/).pop() ?? '';
    if (outsiders.some(([, pattern]) => pattern.test(clause))) return [];
    // "…must report it to the DSL immediately, and record it on CPOMS the same day": the time is the record's.
    if (
      /\b(record|records|recorded|log|logs|logged|write|writes|written|note|notes|noted)\b/.test(before.split(/\band\b|[,;]/).pop() ?? '') &&
      // (No reporting verb, only "made aware" or "recorded": the time is still the record's when it follows the telling.)
      ((tellVerb.exec(s.lower) ?? madeAware.exec(s.lower))?.index ?? -1) < before.lastIndexOf(' and ')
    )
      return [];
    return [{ setting: `concerns.routes.${kind}.deadline`, value: when }];
  },
};

/**
 * A pupil's own rule or pledge for something upsetting or unsuitable seen online, naming their teacher: "I will always
 * tell my teacher if I see bad language or nasty pictures online", "If you see something on the blog that upsets you,
 * tell your teacher straight away", or the same said of pupils ("If pupils find anything online that upsets them, they
 * must tell their teacher"). Not "tell an adult" or "a grown-up" (no role), not a choice of people ("my teacher or
 * my parents"), not messages or people (someone contacting or bullying the pupil is another kind), not advice taught.
 */
const upsettingSeen =
  /\b(see|sees|find|finds|come across|comes across|read|watch|view)\b (anything|something|things|any [a-z]+|a [a-z]+|an? [a-z]+ or [a-z]+)?[^.;]{0,60}?\b(upsets?|upsetting|(do not|don't|doesn't|does not) like|makes? (me|you) (feel )?(uncomfortable|unhappy|worried|scared|sad|upset)|bad language|distasteful|nasty|rude|unpleasant|inappropriate|unsuitable|offensive|scary|frightening)\b/;
const pupilsOwnRule =
  /^(i will|i'll|i promise to|i agree to|if (i|you) (see|find|come across|read|watch|view)\b|tell (your|my) (class )?teacher\b|if (pupils|students|children|a pupil|a student|a child) (sees?|finds?|comes? across|reads?|watch(es)?|views?)\b|(pupils|students|children) (should|must|will|are (expected|asked|encouraged) to) (always )?(promptly |immediately )?tell\b)/;
const pupilPledge: SentencePattern = {
  name: 'a pupil tells their teacher about something upsetting seen online',
  read: (s) => {
    if (!pupilsOwnRule.test(s.lower) || !upsettingSeen.test(s.lower)) return [];
    if (/\b(someone|somebody|anyone|people|person|stranger|messages?|emails?|texts?|bull(y|ied|ying)|contacts?|asks?|meet)\b/.test(s.lower)) return [];
    if (/\b(not|never|n't)\b[^.;]{0,20}\btell\b/.test(s.lower)) return [];
    const m = /\btell (my|your|their|a|the) (class )?teacher\b( or\b)?/.exec(s.lower);
    if (!m || m[3]) return [];
    const route = 'concerns.routes.inappropriate-content';
    // "my teacher", "their teacher": the pupil's own; "a teacher": any teacher at hand (as two keyers read it, each alone).
    const found: Found[] = [{ setting: `${route}.notify`, value: [m[1] === 'a' ? 'teacher' : 'class-teacher'], combine: 'union' }];
    if (/\b(immediately|straight ?away|at once|right away)\b/.test(s.lower)) found.push({ setting: `${route}.immediate`, value: true });
    return found;
  },
};

/**
 * A safeguarding route reaches the kinds the sentence gives as its examples ("Any safeguarding concern, including … contact
 * from an unknown adult online …, must be reported to the DSL immediately"): keyers route them alike.
 */
const withExamples = (pattern: SentencePattern): SentencePattern => ({
  ...pattern,
  read: (s) => {
    const found = pattern.read(s);
    const safeguarding = found.filter((f) => f.setting.startsWith('concerns.routes.safeguarding.') && f.value !== null);
    if (!safeguarding.length) return found;
    const examples = exampleKinds(s.lower);
    return [...found, ...examples.flatMap((k) => safeguarding.map((f) => ({ ...f, setting: f.setting.replace('.safeguarding.', `.${k}.`) })))];
  },
});

export const concernPatterns: SentencePattern[] = [withExamples(notify), withExamples(immediate), tell, withExamples(deadline), referredOut, pupilPledge];

/** "Any concerns", "All concerns or worries", "Concerns must…": concerns named by no kind of their own. */
const bareConcerns =
  /(?:^|\b(?:any|all) )(?:such )?(?:concerns?|worries)(?: (?:or|and) (?:concerns?|worries))?\b(?! (?:about|regarding|over|with|relating|around|on|in relation|raised|for|of)\b)/;

/**
 * On a safeguarding policy, "Any concerns must be reported to the DSL immediately" is about safeguarding concerns: the
 * page names no other kind, and child protection in at least four sentences and a fifth of them. Not a family or pupil
 * told what to do, not "you", not questions about the policy itself.
 */
export function safeguardingPageConcerns(sentences: Sentence[]): (Found & { quote: string; line: number; order: number })[] {
  const kinds = sentences.map((s) => concernKind(s.lower));
  const named = kinds.filter((k) => k === 'safeguarding').length;
  if (kinds.some((k) => k && k !== 'safeguarding') || named < 4 || named < sentences.length / 5) return [];
  const out: (Found & { quote: string; line: number; order: number })[] = [];
  sentences.forEach((s, order) => {
    if (kindOf(s) || !bareConcerns.test(s.lower)) return;
    if (familyAdvice.test(s.lower) || /\b(you|your)\b|\b(this|the) (policy|document|procedure)\b/.test(s.lower)) return;
    // A rule ("must be reported", "staff will pass"), never a discretion ("may be discussed with the DSL").
    if (!/\b(must|will|shall|should|are to|is to|needs? to|ha(s|ve) to|always)\b/.test(s.lower) || /\b(may|might|could|can)\b/.test(s.lower)) return;
    const lower = s.lower.replace(bareConcerns, (m) => `${m} about a child's safety`);
    for (const pattern of concernPatterns) for (const f of pattern.read({ ...s, lower, previous: '' })) out.push({ ...f, quote: s.text, line: s.line, order });
  });
  return out;
}
