/**
 * Roles as schools write them: who a sentence names (rolesIn), as the product's role keys, and the school's own name or
 * logo, which names no one.
 */

export type RoleKey = 'headteacher' | 'deputy-headteacher' | 'senior-leader' | 'dsl' | 'ict-lead' | 'class-teacher' | 'line-manager' | 'governor' | 'office';

/** Each role's names; tried in this order at each place, so "deputy head" is never read as "head". */
const roleNames: [RoleKey, RegExp][] = [
  // (A Scottish school's "Depute Head Teacher".)
  // (A Welsh school's "Dirprwy Bennaeth".)
  ['deputy-headteacher', /(?:(?:deputy|depute|vice)[- ](?:head ?teacher|head|principal)s?\b|dhts?\b|dirprwy bennaeth\b)/y],
  [
    'dsl',
    /(?:deputy )?(?:designated safeguarding (?:lead|leader|officer|person|teacher|practitioner)s?|safeguarding manager\b|d?dsls?\b|(?<!authority(?:'s)? )designated (?:named |senior |liaison )?(?:person|persons|lead|officer|teacher)s?\b|d?dlps?\b|named persons?\b|child protection (?:lead|officer|co-?ordinator)s?\b|person diogelu dynodedig\b|safeguarding (?:lead|leader|officer|co-?ordinator)s?\b|dsps?\b|dsos?\b)/y,
  ],
  [
    'senior-leader',
    /(?:(?:a )?member of (?:your |the )?)?(?:senior leadership team|senior management team|slt\b|smt\b|senior leaders?\b|leadership team|assistant head ?teachers?\b|assistant heads?\b|assistant principals?\b)/y,
  ],
  [
    'headteacher',
    // (The head of a nursery, a pre-school, a centre or a hospital service is who heads the setting, as keyers read it.)
    // (A Welsh school's "Pennaeth", in English text too.)
    /(?:co-|executive |acting )?(?:head ?teachers?\b|pennaeth\b(?! (?:cynorthwyol|blwyddyn|adran|cynnydd)\b)|head ?(?:master|mistress)\b|head of school\b|head of (?:the )?academy\b|(?<!(?:deputy|assistant|depute) )(?:head of (?:centre|service)\b|nursery manager\b|pre-?school (?:leader|manager)\b)|ht\b|principal\b(?! (?:of|aim|purpose|teachers?\b))|head\b(?! of| start| office|ing|s? up))/y,
  ],
  // (The keying guide's computing or e-safety lead, network manager, online safety co-ordinator; a bare "the technician" is
  // the school's IT technician, not a media, science or site one.)
  [
    'ict-lead',
    /(?:(?:ict|computing|e-?safety|online safety|digital learning|digital competence|digital) (?:lead|leader|co-?ordinator|manager|subject leader|officer)(?: teacher)?s?\b|network manager(?:s\b|\b)|it manager(?:s\b|\b)|(?:ict|it) (?:services |support )?(?:manager|technician)s?\b|(?<!(?:media|science|lab|laboratory|dt|art|food|design|reprographics?|site|premises|drama|music) )(?:on-site |school )?technicians?\b|(?:head|director) of (?:it|ict)(?: services)?\b)/y,
  ],
  // ("Their teacher", "your teacher": the pupil's own, as the keying guide reads them.)
  ['class-teacher', /(?:class ?teacher|form tutor|class tutor)s?\b|(?<=\b(?:their|your|his|her|my) )teachers?\b/y],
  ['line-manager', /line managers?\b/y],
  // (The keying guide's school office and business manager; a bursar is an independent school's.)
  // "Tell the office": the school office (not "the office of…", "office hours").
  ['office', /(?:(?:school )?business manager|school office|office manager|bursar)s?\b|(?<=\b(?:the|our) )office\b(?! (?:of|hours|365|for|staff)\b)/y],
  ['governor', /(?:chair of (?:the )?governors|chair of the governing body)\b/y],
];

/**
 * The school's own name, logo or badge, and no child in the sentence ("The school's name and logo must not be used on
 * social media without written consent"): a rule about the school's brand, not a pupil's name or image.
 */
export const aboutSchoolsOwnName = (lower: string) =>
  /\b(school|academy|trust|college|nursery|company)('s)? (own )?(names?|logos?|badges?|crests?|brand(ing)?)\b|\bnames? (or|and) logos?\b|\blogos?\b/.test(
    lower,
  ) && !/\b(pupils?|children|child|students?|learners?|boys|girls)('s?)?\b/.test(lower);

/** The roles named in some (normalised) text, in the order they appear, each once. */
export function rolesIn(lower: string): RoleKey[] {
  const found: RoleKey[] = [];
  for (let i = 0; i < lower.length; i++) {
    if (i > 0 && /[a-z0-9-]/.test(lower[i - 1])) continue;
    for (const [role, pattern] of roleNames) {
      pattern.lastIndex = i;
      const m = pattern.exec(lower);
      if (m) {
        if (!found.includes(role)) found.push(role);
        i += m[0].length - 1;
        break;
      }
    }
  }
  return found;
}

/**
 * Who stands in is no one who decides or is told first: "…approved by the Headteacher (or in her absence the Deputy
 * Headteacher)", "…the Headteacher or, when she is out of school, the Deputy Headteacher", a table's "Child Protection
 * Co-ordinator; if unavailable, Head Teacher", "Principal. If it is about the Principal, the Chair of Governors".
 */
export const withoutStandIns = (lower: string) =>
  lower
    .replace(
      // ("The Headteacher (or Mr Pryce when she is out) looks at every post": whoever stands in, by name too.)
      /\s*\((?:or,? )?(?:[a-z .'-]{1,40}? )?(?:in (?:his|her|their|my|the [a-z ]{1,30}'s) absence|(?:when|if) (?:he|she|they|the [a-z ]{1,30}) (?:is|are) (?:away|absent|out(?: of school)?|unavailable|not available|not in(?: school)?|off site))[^()]*\)/g,
      '',
    )
    // ("…approved by the Headteacher, or by the Deputy Headteacher when the Headteacher is out of school": the stand-in after
    // its name too.)
    .replace(
      /,? or (?:by |to )?(?:the |a |an |their |your )?[a-z' -]{1,40}? (?:in (?:his|her|their|my|the [a-z ]{1,30}'s) absence|when (?:he|she|they|the [a-z ]{1,30}) (?:is|are) (?:away|absent|out(?: of school)?|unavailable|not available|not in(?: school)?|off site)|if (?:he|she|they|the [a-z ]{1,30}) (?:is|are) (?:away|absent|out(?: of school)?|unavailable|not available|not in(?: school)?|off site))\b[^.;,]*/g,
      '',
    )
    // (The stand-in's name only, where the sentence goes on: "…approved by the Headteacher or, in her absence, the Deputy
    // Headteacher before it is posted".)
    .replace(
      /,? or,? (?:in (?:his|her|their|my|the [a-z ]{1,30}'s) absence|when (?:he|she|they|the [a-z ]{1,30}) (?:is|are) (?:away|absent|out(?: of school)?|unavailable|not available|not in(?: school)?|off site))(?:,? (?:by |to )?[a-z' -]{1,40}?(?=\s+(?:before|after|once|until)\b)|[^.;]*)/g,
      '',
    )
    .split(
      /[;,(]?\s*(?:or )?\b(?:if|when|where) (?:they are |he is |she is |(?:the )?[a-z ]{1,30} is )?(?:unavailable|absent|not available|away|off site)\b|\bin (?:his|her|their|my|the [a-z ]{1,30}'s) absence\b|[.;(]\s*(?:if|where) (?:it|the concern|the allegation) (?:is|concerns) about\b/,
    )[0];

/**
 * Posts no role key names (the keying guide: "keyed nothing"): a head of year or house, a marketing or communications
 * officer, the head's PA. Named first, they are who is told, and whoever they pass it on to is not.
 */
const postWithoutKey =
  /\b(?:heads? of (?:year|house|department|sixth form|key stage|faculty|pastoral care)|year (?:leader|head)s?|house ?(?:master|mistress|parent)s?|hsms?\b|(?:marketing|communications|marketing and communications|marketing & communications) (?:manager|officer|department|team|lead|director)s?|director of (?:marketing|communications)|(?:head ?teacher|principal|head)'s (?:pa|personal assistant))\b/;

/** A post no key names comes before any keyed role in some text: the list of those told first cannot be written. */
export function unkeyedFirst(text: string): boolean {
  const unkeyed = postWithoutKey.exec(text);
  return unkeyed !== null && !rolesIn(text.slice(0, unkeyed.index)).length;
}

/** The post some (normalised) text begins with ("headteacher) decides…"), or null. */
export function roleAtStart(lower: string): RoleKey | null {
  for (const [role, pattern] of roleNames) {
    pattern.lastIndex = 0;
    if (pattern.exec(lower)) return role;
  }
  return null;
}

/** The post some (normalised) text ends with ("only the school business manager"), or null. */
export function roleAtEnd(lower: string): RoleKey | null {
  // From the left, so the longest post ending there wins: "the deputy head" is the deputy, not the head.
  for (let i = 0; i < lower.length; i++) {
    if (i > 0 && /[a-z0-9-]/.test(lower[i - 1])) continue;
    for (const [role, pattern] of roleNames) {
      pattern.lastIndex = i;
      const m = pattern.exec(lower);
      if (m && m.index === i && i + m[0].length === lower.length) return role;
    }
  }
  return null;
}
