/**
 * How a sentence says who decides: the staff roles it names, after "by" ("approved by the Headteacher", "rests with the
 * Principal") or as the subject of a deciding verb ("The DSL decides…"). Read by decisions.table.ts and
 * decisions.filtering.ts.
 */
import { roleAtStart, rolesIn, withoutStandIns, type RoleKey } from './roles.ts';

export const staffRoles = new Set<RoleKey>(['headteacher', 'deputy-headteacher', 'senior-leader', 'dsl', 'ict-lead']);

/** The staff roles a piece of text names; null if none (or no text). */
export function staffNamed(text: string | undefined): RoleKey[] | null {
  const roles = text ? rolesIn(text).filter((r) => staffRoles.has(r)) : [];
  return roles.length ? roles : null;
}

/**
 * "…is checked by the Online Safety Lead and must be approved by the Headteacher": after a check, a member of staff who
 * approves is who decides (where the check is all, or the "by" after it names no one on the staff, the check is read as
 * before: "checked by the Headteacher …, as agreed by the governing body").
 */
export function approverAfterCheck(lower: string): RegExpExecArray | null {
  const check = /\bchecked (?:in advance |first )?by\b/.exec(lower);
  if (!check) return null;
  const approves = /\b(?:approved|authori[sz]ed|signed off|sanctioned) (?:in advance |in writing |beforehand |first )?by\b/g;
  approves.lastIndex = check.index;
  const approval = approves.exec(lower);
  return approval && staffNamed(lower.slice(approval.index + approval[0].length, approval.index + approval[0].length + 60)) ? approval : null;
}

/** The roles after "by" (or after "rests with", "is made by"), of those who may decide (staff roles unless told); null if none. */
export function decidedBy(lower: string, deciders: ReadonlySet<RoleKey> = staffRoles): RoleKey[] | null {
  const by =
    approverAfterCheck(lower) ??
    /\b(approved|authori[sz]ed|agreed|signed off|sanctioned|made|taken|decided|checked|rests?|lies) (in advance |in writing |beforehand |first )?(by|with)\b|\b(approved|authori[sz]ed|agreed|signed off) before (publication|posting|use|it is (posted|published|used)|it goes (live|out|up)) by\b|\b(approval|authori[sz]ation|agreement|permission|consent) (of|from)\b/.exec(
      lower,
    );
  if (!by) {
    // "…need the Headteacher's approval", "without the Principal's sign-off".
    const own =
      /\b(head ?teacher|head teacher|head|principal|head of school)'s (prior |written |express )?(approval|authori[sz]ation|agreement|sign-off|say-so|ok|okay|go-ahead)\b|\bwithout (the )?(head ?teacher|head teacher|head|principal|head of school) (agreeing|approving|signing it off|signing off|authori[sz]ing)\b/.exec(
        lower,
      );
    return own ? ['headteacher'] : null;
  }
  // "decided by the Head, following advice from the ICT lead": who advises does not decide. (Nor are those told afterwards:
  // "…with the agreement of the Headteacher and must be reported to governors", "…the Headteacher, who will report it to the
  // governing body".)
  // (Whoever stands in when the decider is away does not decide: "…checked by the Headteacher, or by the Deputy when the
  // Headteacher is out of school".)
  const deciding = withoutStandIns(lower.slice(by.index)).split(
    /\b(following|after|on|with) (the )?(advice|recommendation|guidance|input) (of|from)\b|\b(advised|recommended) by\b|\bin consultation with\b|\bhaving consulted\b|,\s*who (?:will |then |must |should |shall )*(?:authori[sz]e|ask|instruct|tell|pass|log|contact)s?\b|\s[-–—]\s|,? and (?:the |a |an )?[a-z' ()-]{1,60}? (?:must|will|should|shall|is|are|may)\b|;|, with (?:the )?[a-z' ]{1,40}? (?:where|if|when|should)\b|,?\s*\b(?:and|who) (?:will |must |should |shall |then |also )*(?:be )?(?:report|reports|reported|inform|informs|informed|notify|notifies|notified|tell|tells|told)\b/,
  )[0];
  const roles = rolesIn(deciding).filter((r) => deciders.has(r));
  return roles.length ? roles : null;
}

/** "Principals have the authority…": a role named in the plural is still that role (rolesIn reads "principal" alone). */
export const singular = (text: string) => text.replace(/\bprincipals\b/g, 'principal');

/**
 * "The Headteacher decides/approves which photographs…", "Principals have the authority to grant … permission to create
 * a social media profile": the subject's roles.
 */
export function subjectDecides(lower: string, object: RegExp, objectBefore = false): RoleKey[] | null {
  // A deciding verb before one that only looks ("The Digital Lead will look at the site and pass the request to the
  // Headteacher; the Headteacher decides…"): the one who decides, in the clause the verb stands in.
  const m =
    /^(.*?)\b(decides?|approves?|authori[sz]es?|signs? off|(?:is|are) responsible for (?:approving|authori[sz]ing|signing off|deciding)|(?:has|have) (?:the )?(?:sole )?(?:authority|power|right) to (?:grant|give|approve|authori[sz]e)|grants? permission|gives? permission|says? yes or no to|(?:has|have) the (?:final|last) (?:say|word|decision))\b(.*)$/.exec(
      lower,
    ) ?? /^(.*?)\b(agrees?|checks?(?! with)|looks? at|reviews?|vets?|(?:is|are) responsible for checking)\b(.*)$/.exec(lower);
  if (!m) return null;
  // (The clause the verb stands in: not "Requests … are made to the Business Manager, and the DSL decides…"; a "then" just
  // before the verb is the subject's own, "The DSL then decides…".)
  // (A subject shared by both halves stays: "The Deputy Headteacher manages the website, and checks every image…".)
  const own =
    m[1]
      .replace(/\bthen\s*$/, '')
      .split(/;|\bthen\b/)
      .pop() ?? m[1];
  // (Only a half that opens with its own subject: not "The Headteacher considers each request, and after speaking to the
  // DSL decides…".)
  const afterAnd = own.split(/,\s*and\b/).pop() ?? own;
  const clause = roleAtStart(afterAnd.replace(/^\s*(the|a|an|our) /, '')) ? afterAnd : own;
  // ("Staff who need a site unblocked ask the Online Safety Lead, who decides": what is decided may stand before the one
  // who decides, for a request; for photographs, keyers read such sentences as who is sent them, not who decides.)
  // (Not a template's choice left open: "…made to the [Online Safety Lead / Headteacher] (delete as appropriate), who will decide".)
  const whoDecides = /,? who (?:will |then |shall |alone )*$/.test(clause) && !/\[[^\]]*\/[^\]]*\]|\bdelete as appropriate\b/.test(clause);
  // (What is decided may stand in the clause before ", and": "If you need a site unblocked, e-mail…, and she will pass it to
  // the Headteacher, who decides".)
  if (!object.test(m[3]) && !(objectBefore && whoDecides && object.test(own))) return null;
  const roles = rolesIn(singular(clause)).filter((r) => staffRoles.has(r));
  // "…pass the request to the Deputy Headteacher, who decides": the one just named.
  if (whoDecides && roles.length) return [roles[roles.length - 1]];
  return roles.length ? roles : null;
}
