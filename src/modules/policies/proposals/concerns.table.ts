/**
 * Who hears about which concern, and how fast (concerns.routes.TYPE.notify / .immediate).
 * A sentence proposes only when it names the kind of concern, a reporting verb and who is told —
 * never "in the first instance" (that names the first recipient, not the list), never negated,
 * and for restricted records only people who may see them.
 */
import type { Found, SentencePattern } from './types.ts';
import { type Sentence } from './text.ts';
import { rolesIn } from './roles.ts';
import { kindOf } from './concerns.context.ts';
import { concernKind, oneSortOf } from './concerns.kinds.ts';
import { atOnce, deadlineAt, deadlineIn } from './concerns.times.ts';
import { aboutTheHead, outsiders, referredOut, tell } from './concerns.tell.ts';
import { eachKindListed } from './concerns.lists.ts';
import { beforePublishing, besides, familyAdvice, negatedAt, publishingRule } from './concerns.words.ts';
import { advisedNotRouted, staffRoute } from './concerns.advice.ts';
import { madeAware, mayBeToldRestricted, passedOver, recipientRoles, recipients, restricted, tellVerb } from './concerns.recipients.ts';
import { pressHandler } from './concerns.press.ts';
import { pupilPledge } from './concerns.pledge.ts';
import { examplesAfter, examplesListed, withExamples } from './concerns.examples.ts';

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
    // ("Staff must not investigate allegations against colleagues; these must be reported to the Headteacher": "these" are
    // the allegations the prohibition named.)
    !/^\s*(it|this|these|they|such [a-z]+)\b/.test(clauses[clauses.length - 1]) &&
    concernKind(lower.slice(verbAt)) === null &&
    !/^\S+ (it|this|them|these|that|such|so)\b/.test(lower.slice(verbAt))
  );
}

/** A sentence that opens with a condition about the head: "If the concern is about the Headteacher, …". */
const headAlone = new RegExp(`^${aboutTheHead.source.replace(/^\\b/, '')}`);

/** A count given to a board or in a head's report: "…the number and type of child protection reports … to each meeting of the Board". */
const countsToABoard = (lower: string) =>
  /\b(how many|the (number|numbers)( and (type|types|nature|kind|kinds))? of)\b[^.;]{0,60}\b(reports?|concerns?|incidents?|referrals?|cases?)\b/.test(lower) &&
  /\b(governors|governing (body|board)|board|trustees|committee|(head ?teacher|principal|head)'s report|each meeting|termly report|annual report)\b/.test(
    lower,
  );

const notify: SentencePattern = {
  name: 'a kind of concern is reported to named people',
  read: (s) => {
    const kind = kindOf(s);
    if (!kind || beforePublishing.test(s.lower)) return [];
    // (Not an aside that passes someone over: "…reported to the Headteacher (not the DSL if the DSL is the subject)".)
    if (/^(if|where|when)\b.*\b(the )?(head|principal|dsl)\b[^,]* (is|are) (absent|unavailable|involved|the subject)/.test(passedOver(s.lower))) return [];
    // ("If the concern is about the Headteacher, report it to the Chair…": the route for concerns about the head alone, not
    // the route for staff.)
    if (headAlone.test(s.lower)) return [];
    // Where the monitoring system's alerts go ("…; monitoring alerts are sent to the DSL and the Online Safety Lead") is the
    // system's set-up, not whom staff tell.
    if (
      /^(?:[^.;]*;\s*)?(?:the |all )?(?:monitoring |filtering |filter |system )?alerts? (?:are |is |will be )?(?:sent|go|goes|emailed|routed)\b/.test(s.lower)
    )
      return [];
    // A summary on a timetable is no route: "The Network Manager reports filtering failures to the DSL each week".
    // (The timetable is the report's, after its verb: not "Every term, staff are reminded that … must be reported to the DSL".)
    if (
      /\b(reports?|reported|inform(s|ed)?|told|updated|pass(es|ed)?|sends?|sent|shares?|shared|summari[sz]\w*)\b[^.;]*\b((each|every) (week|month|term|half[- ]term|fortnight)|weekly|monthly|termly|fortnightly|half-termly)\b/.test(
        s.lower,
      )
    )
      return [];
    // What may be published about an incident is a rule for posts, not a route for the concern.
    if (publishingRule(s.lower)) return [];
    // Counts given to a board are oversight, not a route: "The Principal will include the number and type of child protection
    // reports (without names) in the Principal's Report to each meeting of the Board of Management".
    if (countsToABoard(s.lower)) return [];
    // Pupils or families told whom to tell is advice, not how staff route a record (concerns.advice.ts); so is an item of a
    // list that asks parents ("We ask parents to:" then "… if you have a concern, please speak to the class teacher").
    if (advisedNotRouted(s, kind)) return [];
    if (
      s.item &&
      s.lead &&
      (familyAdvice.test(s.lead) || /\b(ask|asks|expect|expects|remind|reminds|encourage|encourages) (all )?(parents|carers|families)\b/.test(s.lead))
    )
      return [];
    // A parent's worry is a route only as staff pass it on ("…raised by a parent are passed to the DSL"), not a family
    // asked whom to speak to ("If a parent has a concern, we ask that they speak to the class teacher").
    if (kind === 'raised-by-carer' && !carersWorryPassedOn.test(s.lower)) return [];
    // Staff's own conduct over friend requests ("Staff must not accept friend requests from parents; where a member of staff
    // is already friends with a family, they tell the Head"): a declaration of a relationship, not a concern reported.
    if (kind === 'contact-attempt' && staffOwnRequests.test(s.lower)) return [];
    if (kind === 'cyber-bullying' && severeBullyingOnly.test(s.lower)) return [];
    // What happened, told as a report ("All 23 cases were passed to the DSL", "…was reported to the Head in March"): no
    // rule for the next one. (Not a rule about such a thing: "If nude images were sent to a pupil, staff must tell the DSL",
    // "Any concern that was reported to a member of staff must be passed to the DSL".)
    if (
      /\b(was|were) (then |all |immediately |promptly )?(passed|reported|referred|sent|forwarded|escalated|shared|logged and passed) (on )?to\b/.test(
        s.lower,
      ) &&
      !/\b(if|where|when|whenever|any|must|should|will|shall|may|can|needs? to|have to|has to)\b/.test(s.lower)
    )
      return [];
    // ("If a pupil has seen the content, the DSL must also be told": told besides the list of the sentence before, in the same
    // paragraph. Not "…the DSL must also be told" on any other condition, "If the breach has a safeguarding element…", an
    // escalation keyers leave out; nor a telling in place of the one before, "…tell the DSL instead".)
    const adds = besides(s);
    const who = recipients(adds ? { ...s, lower: s.lower.replace(/\b(must|should|will|shall) also be\b/, '$1 be') } : s);
    if (!who) return [];
    // A choice with the pupil's own family ("tell their teacher or their parents") is no route the school keeps.
    if (choiceWithFamily.test(s.lower)) return [];
    // A discretion, not a route: "may be discussed with the class teacher", "can be passed to the DSL".
    const verb = tellVerb.exec(s.lower);
    if (verb && /\b(may|might|could|can)( (also|then|only|choose to|wish to|decide to|be))* $/.test(s.lower.slice(0, verb.index))) return [];
    if (verb && tellsInTurn(s, verb.index)) return [];
    if (verb && kindOnlyForbidden(s.lower, verb.index)) return [];
    // Someone told as well on a condition after the telling ("Tell the DSL as well if the bullying is severe, repeated…")
    // is an escalation, not the route.
    if (verb && escalation.test(s.lower.slice(verb.index))) return [];
    // "report to the head and the police": the police are not on a notify list (the route's "tell"); the head still is.
    // (The office, named beside a restricted kind, is read as no one: "a data breach must be reported to the Bursar" beside a
    // safeguarding sentence is the breach's route, and the office is no recipient the product would give such a record.)
    const roles = who.filter((r) => recipientRoles.has(r) && !(r === 'office' && restricted.has(kind)));
    if (!roles.length) return [];
    // A restricted kind told to someone who may not see it poisons the route, unless one who may is named beside them: "…to
    // the ICT Co-ordinator or, where it is a child protection concern, directly to the Designated Teacher" routes the
    // concern to the Designated Teacher; the others are for the clause's other concerns, or stand-ins and copies.
    if (restricted.has(kind) && roles.some((r) => !mayBeToldRestricted.includes(r))) {
      const allowed = roles.filter((r) => mayBeToldRestricted.includes(r));
      // (An addition, "If a pupil has seen it, also tell the class teacher", is a step beside the route: left out, not a poison.)
      if (adds) return allowed.length ? [{ setting: `concerns.routes.${kind}.notify`, value: allowed, combine: 'adds' as const }] : [];
      return [{ setting: `concerns.routes.${kind}.notify`, value: allowed.length ? allowed : null, ...(allowed.length ? { combine: 'union' as const } : {}) }];
    }
    return [{ setting: `concerns.routes.${kind}.notify`, value: roles, combine: adds ? 'adds' : 'union' }];
  },
};

/** "…as well if the bullying is severe", "…also be told where there is any risk of harm": told on a condition, besides. */
// (Not one of several told, "tell Miss Birtles the same day and a DSL as well if a child saw it": keyers keep that one.)
// (Nor the next step of the one told, "…to the DSL, who will also, where appropriate, inform parents".)
const escalation = /^(?:(?! and |,\s*who\b)[^.;])*\b(as well|also|too)\b,? (if|where|when|unless|in cases? where|should)\b/;

/** The clause's subject, just before its verb of telling, is the DSL or the head: "the DSL will", "the Headteacher then". */
const tellerIsLead =
  /(?:^|[,;:]\s*|\b(?:and|then|so) )(?:the )?(?:dsl|designated safeguarding lead|designated person|head ?teacher|head|principal)( or (?:the )?(?:deputy )?(?:dsl|deputy|headteacher))? (?:will|must|should|shall|then|may)?\s?(?:then |also |always )?$/;

/**
 * Someone telling in turn, their own next step and not how staff route the concern: the DSL or the head ("…the DSL will
 * tell the Deputy Headteacher and the pupil will be marked"), or the one the sentence before told ("…turn off the monitor
 * and tell the teacher. The teacher will report the site to the Network Manager").
 */
function tellsInTurn(s: Sentence, verbAt: number): boolean {
  if (tellerIsLead.test(s.lower.slice(Math.max(0, verbAt - 80), verbAt))) return true;
  const subject = /^(?:the |their |your )?([a-z][a-z -]{1,30}?) (?:will|must|should|shall|then)(?: then| also| always)?\s?$/.exec(s.lower.slice(0, verbAt));
  if (!subject || !(rolesIn(subject[1]).length || /\b(teacher|tutor|adult|member of staff)$/.test(subject[1]))) return false;
  const told = new RegExp(`\\b(tell|tells|inform|informs|report (it |this )?to|speak to|talk to|alert|contact)( the| their| your| a)? ${subject[1]}\\b`);
  return told.test(s.previous ?? '');
}

/** Staff's own friend requests forbidden, or a friendship already there: "must not accept…", "think carefully before accepting…". */
const staffOwnRequests =
  /\b(must|should|will|do|are asked)( not|n't| never)( to)? (accept|send|make|be "?friends"?|become "?friends"?|follow)\b|\bnot to (accept|send|be "?friends"?|follow)\b|\bthink carefully before accepting\b|\balready (friends|connected)\b/;

/** What makes bullying the worst sort: threats, sexual content, hate, a crime. */
const severity =
  /(threats?|sexual|intimate|nudes?|hate|violen\w*|(a (possible )?)?crimes?|criminal|racist|homophobic|extremis\w*|the sharing of (images|intimate|nude|sexual))\b/;

/**
 * Only the worst sort of bullying: "Online bullying that includes threats or sexual content is passed to the DSL", "Where
 * cyberbullying involves threats, …", "…, but the DSL must be told if it involves threats". An escalation, not the route.
 */
const severeBullyingOnly = new RegExp(
  String.raw`(?:\b(cyber-?bullying|online bullying|bullying)( (online|between (pupils|students)))?( that| which)? |\b(where|if|when) (the )?(cyber-?bullying|online bullying|bullying)( online)? |\b(told|informed|notified) if it )(includes?|involves?) ${severity.source}`,
);

/** A parent's worry as staff pass it on: "…raised by a parent are passed to the DSL", not "a parent tells you…". */
const carersWorryPassedOn = /\b(is|are|be) (passed|referred|reported|forwarded|sent|dealt with|handled|escalated)\b/;

/** A choice between staff and the pupil's own family: "tell their teacher or their parents", "my teacher or my parent". */
const choiceWithFamily = /\b(or|and) (my|your|their|his|her|a) (parents?|carers?|mum|dad|family)\b/;

/**
 * One sort of safeguarding concern as the sentence's subject, not the kind as a whole: nude or semi-nude images ("Any
 * incident involving nudes must be reported to the DSL immediately"). Its haste is that sort's, and the route's own may be
 * slower ("record it the same day"): keyers keyed 2 of 16 such sentences as the route's haste (the keying guide's "two
 * speeds for one kind"). Not when the images are one example of a concern the sentence is about ("any safeguarding
 * concern, including the sharing of nudes, …"), nor on a paragraph's or heading's word alone.
 */
function narrowSafeguarding(s: Sentence): boolean {
  // (The sort is what the telling is about: named before it, not in a column beside it, "Tell the DSL the same day if a
  // pupil tells you something… | Investigate an indecent image yourself".)
  const plain = s.lower.replace(/\([^()]*\)/g, ' ');
  const verb = tellVerb.exec(plain) ?? madeAware.exec(plain);
  if (concernKind(s.lower) === 'safeguarding') return oneSortOf(plain.slice(0, verb?.index ?? plain.length));
  // (Or the list's lead names it, over an item that names no kind: "If the concern involves a nude image then:" … "tell
  // the DSL immediately by phone".)
  return s.item === true && !concernKind(s.lower) && concernKind(s.lead ?? '') === 'safeguarding' && oneSortOf(s.lead ?? '');
}

const immediate: SentencePattern = {
  name: 'a kind of concern is reported at once',
  read: (s) => {
    // (A telling besides the route's that names no kind of its own, "If a pupil has seen it, also tell the DSL immediately":
    // its haste is the added step's.)
    if (besides(s) && !concernKind(s.lower)) return [];
    const kind = kindOf(s);
    // (The haste of the one told, in their own clause, is theirs: "…must report it to the Network Manager, who will block it
    // immediately and inform the DSL".)
    if (!kind || !atOnce.test(s.lower.replace(/,\s*who (will|must|should|shall|then)\b[^,;]*/g, ' '))) return [];
    if (kind === 'safeguarding' && narrowSafeguarding(s)) return [];
    // "as soon as possible the same day", "ASAP and within 24 hours": the stated time is the deadline, not "at once".
    if (/^as soon as possible$/.test(atOnce.exec(s.lower)![0]) && deadlineIn(s.lower)) return [];
    if (advisedNotRouted(s, kind)) return [];
    // A page telling a family what to do about their own child ("If you think your child is being bullied online, call
    // Mr Patel straight away") sets no route's urgency unless it names a role who is told.
    if (/\byour (child|children|son|daughter)\b/.test(s.lower) && !staffRoute.test(s.lower) && !recipients(s)?.length) return [];
    const verb = tellVerb.exec(s.lower) ?? madeAware.exec(s.lower);
    if (!verb || negatedAt(s.lower, verb.index) || kindOnlyForbidden(s.lower, verb.index)) return [];
    // A pledge in the first person to tell "a member of staff" or "an adult" names no one: its haste sets no route's.
    if (
      /^i (will|must|should|shall|promise to)\b|^(if|when|whenever) i\b[^.;]*\bi (will|must|should|shall|promise to)\b/.test(s.lower) &&
      (!(recipients(s) ?? []).some((r) => recipientRoles.has(r)) ||
        // (Nor a choice with their family: "I will tell my teacher or my parent straight away".)
        choiceWithFamily.test(s.lower))
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

const deadline: SentencePattern = {
  name: 'a kind of concern has a time to act',
  read: (s) => {
    // (Nor is the time of such a telling.)
    if (besides(s) && !concernKind(s.lower)) return [];
    const kind = kindOf(s);
    if (!kind || !(tellVerb.test(s.lower) || madeAware.test(s.lower) || /\b(dealt with|acted on|recorded|logged)\b/.test(s.lower))) return [];
    // (Not the concern's own "may": "something which suggests they may be at risk of harm … report … before the end of the day".)
    // (Nor an adult's: "…that suggests they may not be suitable to work with children, or may have harmed a child".)
    if (
      /\b(may|might|could)\b/.test(
        s.lower.replace(
          /\b(may|might|could) (not )?(be|have been) (at risk|in danger|being harmed|harmed|suffering|suitable|unsuitable|a risk)\b|\b(may|might|could) (have )?(harm|harmed|behaved|posed?|abused?)\b/g,
          '',
        ),
      )
    )
      return [];
    const when = deadlineIn(s.lower);
    if (!when || (kind === 'safeguarding' && narrowSafeguarding(s))) return [];
    // (A parent's worry has a time only as its route does: passed on by staff.)
    if (kind === 'raised-by-carer' && !carersWorryPassedOn.test(s.lower)) return [];
    // The one told, telling someone else in turn ("The DSL must notify the Director of Safeguarding within 24 hours", "The
    // DSL will inform the pupil's home school of any concern within one working day"): a next step's time, not the route's.
    const subject =
      /^(?:[0-9.]+ )?(?:the )?(?:academy |school's |school |trust )?([a-z' -]{2,60}?) (?:must|will|should|shall|is to|are to)(?: then| also| always)? (?:notify|inform|tell|contact|update|report (?:this |it |the [a-z]+ )?to|refer (?:this |it |the [a-z]+ )?to|pass (?:this |it |the [a-z]+ )?(?:on )?to)\b/.exec(
        s.lower,
      );
    if (subject && rolesIn(subject[1]).some((r) => r === 'dsl' || r === 'headteacher')) return [];
    // ("…the DSL decides whether to refer to Children's Services or the police; normally within 24 hours": their referral's time.)
    if (
      /\b(dsl|designated safeguarding lead|head ?teacher|head|principal)( will| must| should| then)? (decides?|considers?) (whether|if) to (refer|contact|notify|tell|inform|report|involve)\b/.test(
        s.lower,
      )
    )
      return [];
    // "Allegations must be notified to the LADO within 24 hours": a time for telling someone outside the staff (the
    // route's "tell"), not the route's own time to act; "reported to the DSL within 24 hours, who informs the LADO" is.
    const before = s.lower.slice(0, deadlineAt.exec(s.lower)?.index ?? s.lower.length);
    if (outsiders.some(([, pattern]) => pattern.test(before)) && !rolesIn(before).some((r) => recipientRoles.has(r))) return [];
    // "…reported to the Head, who must consult the LADO within one working day": the time is the outsider's clause's.
    // (From the telling on: "…something a child says, a message shown by a parent – must report it to the DSL the same day"
    // names a parent among the concern's examples, not as one told.)
    const toldAt = (tellVerb.exec(before) ?? madeAware.exec(before))?.index ?? 0;
    const clause =
      before
        .slice(toldAt)
        .split(/[,;]|\bwho\b|\band (?:then )?(?:must|will|should|shall)\b/)
        .pop() ?? '';
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

/** The routes whose examples reach the kinds they name (concerns.examples.ts). */
const routes = [notify, immediate, deadline];

export const concernPatterns: SentencePattern[] = [
  pressHandler,
  examplesListed(routes),
  eachKindListed(withExamples(notify)),
  eachKindListed(withExamples(immediate)),
  tell,
  eachKindListed(withExamples(deadline)),
  referredOut,
  pupilPledge,
  examplesAfter(routes),
];

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
