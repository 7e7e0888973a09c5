/**
 * The kind of concern a sentence stands under when its own words name none: the sentence it points back to ("the
 * incident", "it", "if this happens"), or, for an instruction ("Tell the DSL the same day"), its paragraph's opening,
 * the flowchart question it answers, its list's lead or its heading.
 */
import { classedAs, concernKind, namesAKind, oneSortOf } from './concerns.kinds.ts';
import { sawWhatWasReported, staffActs } from './concerns.words.ts';
import type { Sentence } from './text.ts';
/** A paragraph that opens by saying how what is above it is handled: "YES: This is a safeguarding concern.", "This is treated as…". */
const classedOpening = new RegExp(
  String.raw`^(?:(?:if )?(?:yes|no)\b[:,.]?\s*(?:[-–—]\s*)?)?(this|it|these|they) ${classedAs('treated|dealt with|handled|managed|regarded')}(?!,?\s*(if|where|when|unless)\b)`,
);

/** A sentence about what the one before said: "the incident", "it", "this". */
const pointsBack =
  /\b(the|this|such an?|that) (incident|matter|concern|disclosure|report|record|written record|details|image|case|allegation)\b|^(it|this|these|they|their|in (this|that|such|these) cases?)\b/;

const instructionThenTell =
  /^(record|confiscate|remove|close|take|screenshot|note|make|keep|listen|reassure|leave|switch|turn|write|save|log|stop|block|secure|follow|ask|check|delete|hide|report it)\b[^.;]*,? (and|then)( then)? (tell|report it to|inform|speak to|talk to|contact|let|alert|notify)\b/;

/** The kind a sentence is about, or the kind of the sentence before when this one points back to it ("the incident", "it"). */
export function kindOf(s: Sentence): string | null {
  const own = concernKind(s.lower);
  // ("Someone the child does not know has contacted them online. This is a safeguarding concern: tell the DSL
  // immediately.": the concern is the one before; "a safeguarding concern" says how it is handled, as in concernKind.)
  if (
    own === 'safeguarding' &&
    /^(this|that|it|these|they) (is|are)( always| then)? (treated as |dealt with as |handled as )?(an? )?(safeguarding|child protection) (concerns?|matters?|issues?)\b/.test(
      s.lower,
    )
  ) {
    const before = concernKind(s.previous ?? '');
    if (before && before !== 'safeguarding') return before;
  }
  if (own) return own;
  // (An answer to a flowchart's question reads as the instruction after it: "yes: tell the headteacher the same day".)
  const said = s.lower.replace(/^(?:if )?(?:yes|no)\b[:,.]?\s*(?:[-–—]\s*)?/, '');
  // "A child tells you they have seen something upsetting online. Listen, reassure… Tell a DSL the same day.": an
  // instruction in a paragraph that opens with one kind of concern is about that kind.
  // ("Confiscate the device if safe to do so, and tell the Headteacher": an instruction that ends in telling.)
  // (So is "All staff must tell the DSL straight away" under the scenario that opens the paragraph: telling a person.)
  if (
    // ("Go to the Headteacher, not the DSL, and do it the same day": going to someone is telling them.)
    /^(then )?(tell|report|inform|speak to|talk to|pass|contact|let|alert|refer|notify|go (straight |directly )?to (the|a|your|one of the|any) (?=[a-z' ]{0,30}\b(dsl|dsp|head|headteacher|principal|teachers?|leads?|manager|officer|person|deputy|designated|governors?|chair|tutor|team)\b))\b/.test(
      said,
    ) ||
    /^(all )?(staff|members of staff|you|the adult|adults|teachers?)( must| should| will)( always)? (tell|inform|contact|speak to|let|report (it|this|them|(any |all |such |their )?concerns?) to) (the|a|your|their|our|any)\b/.test(
      said,
    ) ||
    instructionThenTell.test(said) ||
    // ("14.4.4 Online grooming and sexual exploitation. Concerns must go to the DSL immediately.": the concerns are the kind
    // the paragraph opens with, "Concerns must be reported to the DSL" too. Not "Any concerns must go to the Head", a
    // catch-all on a page that mentions safeguarding in passing.)
    /^(such |these |those )?concerns (must|should|will|are to)( always| then)? (go|be (passed|referred|reported|sent|taken)) (straight |directly |immediately )?to (the|a|your|their|our|any)\b/.test(
      said,
    ) ||
    // ("Unkind messages between pupils … are dealt with under our Anti-Bullying Policy. The class teacher should be told first
    // and will involve…": a post told, in the passive. Not the one who tells, "…will be informed by the class teacher", nor a
    // step on a condition, "…where there is a risk of harm".)
    /^(the |a |their |your )?[a-z' -]{2,40}? (must|should|will|is to|are to)( always| then| first)? be (told|informed|notified|made aware|contacted)\b(?! (of|about) (any|the|a|each|every) [a-z ]{0,20}\b(referrals?|decisions?|outcomes?|reports?)\b)(?! by (the|a|an|their)\b)(?![^.;,]*\b(where|unless|if there (is|are|may be))\b)/.test(
      said,
    ) ||
    // ("…my child sees something upsetting on a school iPad?" then "The adult will calm and reassure your child, note what was
    // seen, and tell Mrs Pearce": under a question, what is done and then the telling answers it.)
    (Boolean(s.question) && staffActs.test(said) && /^[^.;]*,? and (then )?(tell|inform|report it to|let|alert)\b/.test(said)) ||
    // ("…this is a child protection matter. The member of staff must report it to the DSL immediately": it is that matter.)
    /^the (member of staff|staff member) (must|should|will) report (it|this) to (the|a)\b/.test(said)
  ) {
    const scenario = scenarioKind(s);
    if (scenario) return scenario;
  }
  // ("When a pupil gets round the filter" over "Staff who notice this should … tell the DSL the same day", or "If this
  // happens, …" opening a paragraph: what happens is the one before, else the paragraph's or heading's scenario.)
  // (So is what a pupil saw: "…tell Mr Hartley. If a pupil has seen it, also tell the designated person." Not a telling in
  // place of the one before, "…tell the DSL instead", nor none at all, "…there is no need to tell the DSL".)
  return ((pointsBack.test(s.lower) || sawWhatWasReported(s.lower)) && s.previous) || happensBack.test(s.lower) ? kindBefore(s) : null;
}

/** The one kind a paragraph opens with, when the paragraph names no other. */
export function openingKind(paragraph: string | undefined): string | null {
  if (!paragraph) return null;
  const opening = concernKind(paragraph.split(/(?<=[.!?]) /)[0] ?? '');
  return opening && concernKind(paragraph) === opening ? opening : null;
}

/**
 * The kind of concern an instruction stands under: its paragraph's opening sentence (when the paragraph names no other
 * kind), else the flowchart question it answers ("Does the incident involve a member of staff?" then "--> YES: Tell the
 * headteacher"), else its heading ("9.3 Concerns about a member of staff" over "Report to the Headteacher immediately")
 * when nothing in its own paragraph names a kind.
 */
export function scenarioKind(s: Sentence): string | null {
  const opening = openingKind(s.earlier);
  // ("Someone the child does not know contacts them online" over "- This is treated as a child protection concern. Tell the
  // CPC immediately.": the opening says how the concern above is handled; the concern is the one above.)
  if (opening === 'safeguarding' && classedOpening.test(s.earlier ?? '')) {
    const above =
      (s.item && s.lead ? concernKind(s.lead) : null) ?? (s.question ? concernKind(s.question) : null) ?? (s.heading ? concernKind(s.heading) : null);
    if (above && above !== 'safeguarding') return above;
  }
  if (opening) return opening;
  // (A kind named only on a condition, "…and the DSL where there is a safeguarding concern", leaves the heading's.)
  if (s.earlier && namesAKind(s.earlier.replace(/\b(where|if|when|unless) there (is|are|may be) (any |a |an |some )?[^,;.()]*/g, ' '))) return null;
  // ("7.4 Worries about an adult – a colleague, volunteer…:" over "• report it to the Headteacher the same day;": a list
  // item's lead names its scenario before the heading over both, "When you see something worrying", does.)
  // (Or the sentence before the lead, "All online safety concerns are safeguarding concerns. A member of staff must:"; not
  // one sort of it, "Where an incident involves nude images, … staff must:", which a school may route faster.)
  const led = s.item && s.lead ? (concernKind(s.lead) ?? (s.leadEarlier && !oneSortOf(s.leadEarlier) ? concernKind(s.leadEarlier) : null)) : null;
  if (led) return led;
  // (A list with no lead under a paragraph that opens with its scenario: that paragraph's, if it names no other kind.)
  const above = openingKind(s.above);
  if (above) return above;
  if (s.question) return concernKind(s.question);
  return s.heading ? concernKind(s.heading) : null;
}

/** "If pupils attempt to do this, …", "Parents will be informed if this happens": the sentence is about what was said before. */
export const happensBack =
  /\b(attempts?|attempted|tries|tried|try) to do (this|so|that)\b|\b(staff|members? of staff|adults?|anyone|you|teachers?) (who|that) (notices?|spots?|discovers?|becomes? aware of|witness(es)?) (this|that|it)\b(?! (a|an|the|some|one|their|his|her|they|he|she|pupils?|children|students?)\b)|\b(if|when|where|should|whenever) (this|that|it|such a thing) (happens|occurs|happen|occur|has happened|has occurred)\b|\bshould (this|that) (happen|occur)\b|^(if|when) (this|that) is the case\b/;

/**
 * The kind the sentence before names; when that one points back too ("If pupils try to do this, staff inform the Head.
 * Parents will be told if this happens."), the one kind its paragraph names before it, if only one.
 */
export function kindBefore(s: Sentence): string | null {
  const previous = s.previous ?? '';
  const own = concernKind(previous);
  if (own) return own;
  // "If a concern is raised about a member of staff, it is written down. This will be handed to the Head. The LADO will be
  // contacted…": the sentence before points back too, so the kind is the one its paragraph names, if only one.
  // (When the paragraph names none either, "It will be dealt with under the Anti-Bullying Policy. Parents will be told.",
  // its heading's scenario, as below.)
  if ((happensBack.test(previous) || pointsBack.test(previous)) && s.earlier) {
    const earlier = concernKind(s.earlier);
    if (earlier || namesAKind(s.earlier)) return earlier;
  }
  // "9.3 Concerns about a member of staff" over "Report to the Headteacher immediately. … The Headteacher will contact the
  // LADO within one working day.": the paragraph's or heading's scenario, when no sentence before names a kind.
  return scenarioKind(s);
}
