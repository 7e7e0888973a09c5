/**
 * Pupils or families told whom to tell (concerns.table.ts): advice, not how staff route a record. "Pupils should tell
 * their class teacher", "Parents who have concerns … should inform the school", "…parents, children and other adults
 * who know of abuse should report it at once to the Principal".
 */
import { familyAdvice, familyReports, staffAmongThem } from './concerns.words.ts';
import type { Sentence } from './text.ts';

const pupilAdvice =
  /^(pupils?|children|learners|students|young people|any (pupil|child))\b|\b(we )?(encourage|teach|remind|tell|ask) (pupils|children|learners|students) to\b/;
/** Staff route it: "…will be reported to the Head" after a sentence that starts with the children. */
export const staffRoute = /\b(will|must|should|is|are|shall) (always |then |immediately )?(be )?(reported|referred|passed|escalated|recorded)\b/;
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
 * The sentence tells pupils or families whom to tell, and no staff route follows: not "…will be reported to the Head", not
 * an acceptable use policy's own rule for content pupils see, and not everyone with staff among them ("Anyone – staff,
 * students, volunteers or parents – who is worried … must tell the DSL").
 */
export const advisedNotRouted = (s: Sentence, kind: string | null): boolean =>
  (familyAdvice.test(s.lower) || pupilAdvice.test(s.lower) || familyReports.test(s.lower)) &&
  !staffRoute.test(s.lower) &&
  !pupilsContentRule(s, kind) &&
  !staffAmongThem.test(s.lower);
