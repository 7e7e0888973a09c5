/**
 * Who outside the staff must be told about a kind of concern (concerns.routes.TYPE.tell): the pupil's carers, the police,
 * the LADO or children's social care. A requirement only ("will be informed", "must refer"), never a discretion ("may be
 * reported"), a condition of its own ("if a crime has been committed"), someone's judgement or a family told whom to call.
 */
import type { Found, SentencePattern } from './types.ts';
import { happensBack, kindBefore, openingKind } from './concerns.context.ts';
import { concernKind } from './concerns.kinds.ts';
import { beforePublishing, familyAdvice, familyReports, negatedAt } from './concerns.words.ts';

/**
 * A "may" that says what is feared is no discretion about telling: "Where there is an allegation that a member of staff …
 * may pose a risk, the Headteacher will contact the LADO", "Any concern that a member of staff may pose a risk to children
 * is dealt with under the allegations procedure and the LADO is contacted within one working day".
 */
const withoutWhatIsFeared = (lower: string) =>
  lower
    .replace(
      /\b(?:allegations?|concerns?|suspicions?|worr(?:y|ies)) that\b[^,;]*?\b(?:may|might|could) (?:pose|present|have (?:harmed|behaved|acted|done|committed))\b/g,
      ' ',
    )
    // ("…behaved in a way that suggests they may, or … that shows they may not be suitable to work with children": the
    // allegations procedure's own words.)
    .replace(/\b(?:suggests?|shows?|indicates?) (?:that )?(?:they|he|she|the (?:person|adult)) (?:may|might|could)\b/g, ' ');
/** People outside the staff a route can require to be told (the setting `concerns.routes.TYPE.tell`). */
export const outsiders: [string, RegExp][] = [
  // (Not a "Family Support Worker" or "family liaison officer": staff.)
  ['carers', /\b(parents?|carers?|parent ?\/ ?carers?|families|family)\b(?! (support|liaison|link|workers?|services?|hub|practitioners?|officers?)\b)/],
  ['police', /\bpolice\b/],
  // (Wales: "the local authority's Designated Lead Officer for Safeguarding in Education", "professional concerns officer";
  // Northern Ireland: "the EA CPSS Designated Officer".)
  [
    'lado',
    /\blado\b|local authority designated officer|\b(la|local authority's|council's) designated officer\b|designated officer (at|for|of) the local authority|\bdesignated lead officer for safeguarding\b|\bprofessional concerns (officer|lead|team)\b|\b(ea|cpss|ea cpss) designated officer\b/,
  ],
  [
    'social-care',
    /children'?s social care|social services|children'?s services|\bmash\b|multi-agency safeguarding hub|\bsocial care (department|team|services?)\b|\b(local authority|council)('s)? social care\b/,
  ],
];

const lado = outsiders.find(([key]) => key === 'lado')![1];
/** "Where the concern relates to the Headteacher, it goes to the Chair, who will contact the LADO": the head's stand-in's route. */
export const aboutTheHead =
  /\b(if|where|when|should) (the |an? |any )?(concerns?|allegations?|worr(y|ies)|complaints?|it|this)\b[^.;]{0,30}\b(relates? to|is about|are about|concerns|involves|is against|are against|is made against) (the )?(head ?teacher|head teacher|head(?! of (year|department|house|faculty|subject|key stage|sixth form|phase))|principal|manager|pennaeth)\b/;

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
  /\b(decide|decides|consider|considers|judge|judges) ([a-z ,]{0,50} )?(whether|if)\b/.test(lower) ||
  // ("…decides which of their tutors and parents are told"; not "…and decide which sanctions apply".)
  /\b(decide|decides) which\b[^.;]{0,40}\b(are|is|will be|should be) (told|informed|contacted)\b/.test(lower) ||
  /\bunless\b[^.;]{0,100}\b(risk|danger|harm)\b/.test(lower);

/**
 * The tellings a sentence requires, by route: the LADO's is the staff route's whatever kind the sentence reads as (every one
 * of 143 keyed tellings of the LADO is), the others the kind's own.
 */
function toldOutside(kind: string, who: string[]): Found[] {
  if (!who.length) return [];
  if (kind === 'staff-misuse' || !who.includes('lado')) return [{ setting: `concerns.routes.${kind}.tell`, value: who, combine: 'union' }];
  const others = who.filter((key) => key !== 'lado');
  return [
    { setting: 'concerns.routes.staff-misuse.tell', value: ['lado'], combine: 'union' },
    ...(others.length ? [{ setting: `concerns.routes.${kind}.tell`, value: others, combine: 'union' as const }] : []),
  ];
}

/**
 * The sentence said plainly: "we'll" as "we will", and "talk to the children involved and to their parents" as talking to
 * the parents (the children's talk is the school's own business).
 */
const plainly = (lower: string) =>
  lower
    .replace(/\b(we|they|i|he|she)(?:'|’)ll\b/g, '$1 will')
    .replace(/\b(talk|speak)( to| with) the (children|pupils|students) involved and (to |with )?(?=(their|the) (parents|carers|families)\b)/g, '$1$2 ');

/**
 * A pupil's own use of social media, as a family's matter: "…is using social media in a way that puts them at risk", "a
 * pupil under 13 is using social media", "…a minimum age of 13 and … if a child is using one". (Not "a child is using social
 * media to share nude images", nor "a pupil under the minimum age for an app is contacted by an adult".)
 */
const pupilsOwnSocialMedia =
  /\b(pupils?|children|child|students?|learners?)\b[^.;]{0,30}\b(is|are) using (social media|one|an? (app|platform|site))\b[^.;]{0,10}\b(in a way|and this)\b|\b(under[- ]13|under the age of 13|underage|under-age)\b[^.;]{0,30}\b(is|are) using\b|\bminimum age\b[^.;]{0,80}\b(is|are) using (one|it|them|social media)\b/;

/** The families of the children involved: "…of all pupils involved", "…the children concerned", "the pupil's parents". */
const involved = /\b(involved|concerned)\b|\b(the|a|that|this) (pupil|child|student|learner)'s (parents?|carers?|famil)/;

function outsiderToldNow(lower: string): RegExpExecArray | null {
  const m = /\b(?:the )?(?:lado|local authority designated officer|police)(?: \([a-z]+\))? (?:is|are) (?:contacted|informed|consulted|notified|told)\b/.exec(
    lower,
  );
  return m && !/\b(if|where|when|once|in cases where)\b[^,;]*$/.test(lower.slice(0, m.index)) ? m : null;
}

/**
 * The LADO told only about what meets the harm threshold ("…within one working day of an allegation that meets the harm
 * threshold", "Where the concern meets the threshold the LADO will be contacted"): a judgement first, which keyers left
 * unkeyed (4 of 4 such sentences). Not "…, and the LADO will advise whether the harm threshold is met".
 */
const withoutThreshold = (lower: string, who: string[]) =>
  /\b(if|where|when|that|which)\b[^.;,]{0,60}\b(meets?|meeting|reach(es)?)\b[^.;,]{0,20}\bthresholds?\b/.test(lower)
    ? who.filter((key) => key !== 'lado')
    : who;

/**
 * A worry the carers raised is not told back to them as a duty ("Where a parent raises a concern, … the Manager will speak
 * to the parent the same day"); the families of other children affected still are.
 */
const withoutTheRaiser = (kind: string, lower: string, who: string[]) =>
  kind === 'raised-by-carer' && !/\b(other|another)\b[^.;]{0,30}\b(parents?|carers?|famil)|\b(parents?|carers?|famil(y|ies)) of (any |the )?other\b/.test(lower)
    ? who.filter((key) => key !== 'carers')
    : who;

/** The tellings a sentence's route carries, less the two its own words take back (the threshold, the carer who raised it). */
const toldFor = (kind: string, lower: string, who: string[]) => toldOutside(kind, withoutTheRaiser(kind, lower, withoutThreshold(lower, who)));

/** A later step of the same duty that tells the families: ", inform parents of all students involved", "and contact the parents". */
const laterStepTellsFamily =
  /(?:,|\band)\s+(?:then\s+)?(?:contact|inform|notify|tell|talk to|speak to|speak with)s?\s+(?:the\s+|their\s+|all\s+(?:of\s+)?(?:the\s+)?)?(?:parents?|carers?|famil(?:y|ies))\b/;

export const tell: SentencePattern = {
  name: 'a kind of concern is always told to people outside the staff',
  read: (said) => {
    const s = { ...said, lower: plainly(said.lower) };
    // "Incidents of cyberbullying will be dealt with… The parents of the pupils involved will be informed.": the kind is the sentence before's.
    // ("Parents of the children involved will be told." after "Online bullying between learners: tell the class teacher".)
    const toldAfter = familyTold.exec(s.lower);
    // (The LADO hears of allegations about staff: every one of 143 keyed tellings of the LADO is the staff route's, so a
    // sentence that tells the LADO and names no kind of its own, "The Headteacher will contact the LADO within one working
    // day", is about staff.)
    const kind =
      concernKind(s.lower) ??
      (lado.test(s.lower) && !aboutTheHead.test(s.lower) ? 'staff-misuse' : null) ??
      // (A list's item, the first of its own, under its scenario: "Online bullying" over "- The class teacher will let the
      // parents know".)
      (/^(the|their|his|her|its|this|these|in (this|that|such|these) cases?)\b/.test(s.lower) && (s.previous || s.item) ? kindBefore(s) : null) ??
      // (Or a list's item of its own: "Parents of all pupils involved will be contacted." under "Cyberbullying".)
      ((happensBack.test(s.lower) && s.previous) || (toldAfter && (s.previous || (s.item && involved.test(s.lower)))) ? kindBefore(s) : null) ??
      // (A sentence in a paragraph that opens with its concern: "Online bullying is dealt with under the Anti-bullying Policy.
      // … Staff should log incidents, and the Head of Year will investigate and contact the parents of those involved.")
      // Only the families of those involved: the police or the LADO told there are the paragraph's graver cases.
      // (A list's item, "DHT … contacts the parents of all children involved", under its scenario: the scenario's.)
      // (So is the first sentence of a paragraph under its heading: "6. Cyberbullying" over "6.2 We will talk to the children
      // involved and to their parents". The sentence's own words are read here, before `plainly` took "the children
      // involved" out.)
      (/\b(parents?|carers?|families)( or carers?)? of (the |both |all (of )?(the )?)?(pupils?|students?|children|learners?|those)( involved| concerned)?\b|\b(children|pupils|students|learners) (involved|concerned) and (to |with )?(their|the) (parents|carers|families)\b/.test(
        said.lower,
      )
        ? (openingKind(s.earlier) ?? (!s.previous && involved.test(said.lower) ? kindBefore(s) : null))
        : null) ??
      // (The families involved, told in a paragraph that opens with its concern: "Online bullying between learners is dealt with
      // under the Anti-bullying Policy. Learners should report it to the Form Tutor, who will investigate and keep parents
      // informed", "…and will talk to the families involved".)
      (/\b(parents|carers|families)( or carers)? (involved|concerned)\b|\bkeep (the )?(parents|carers|families) (informed|updated)\b(?! (about|of|on|through|by) (?!(it|this|progress|the outcome)\b))/.test(
        s.lower,
      ) && !outsiders.some(([key, pattern]) => key !== 'carers' && pattern.test(s.lower))
        ? openingKind(s.earlier)
        : null);
    if (!kind || beforePublishing.test(s.lower)) return [];
    // A pupil's own use of social media ("Where the school becomes aware that a pupil is using social media in a way that puts
    // them at risk, the DSL will speak to the parents", "…a pupil under 13 is using social media…", "…most apps have a minimum
    // age of 13 and if a child is using one the parents are told"): advice to a family, no concern route's telling (keyers
    // left all five unkeyed).
    if (pupilsOwnSocialMedia.test(s.lower)) return [];
    // A requirement, not a discretion: "will be reported to the police", never "may be", "could be", "reserve the right".
    // Or a duty listed under a lead that requires it: "Staff are required to:" then "• Notifying the parents if…".
    const must =
      /\b(must|will|shall|should|are to|is to|needs? to|ha(?:s|ve) to)( always| automatically| immediately| then)? (be )?(reported|referred|informed|told|notified|contacted|passed|consulted|discussed with)\b/.exec(
        s.lower,
      ) ??
      // ("Allegations about staff are always referred to the LADO": always, in the present, is a requirement too.)
      /\b(are|is) (always|automatically|invariably) (reported|referred|informed|told|notified|contacted|passed)\b/.exec(s.lower) ??
      // ("…and the LADO is contacted within one working day": those outside told, in the present passive. Not inside a
      // condition: "If the police are contacted about…, the Headteacher will cooperate", "In cases where the LADO is contacted…".)
      outsiderToldNow(s.lower) ??
      (s.item && requiringLead(s.lead) ? /^(notifying|informing|telling|contacting|alerting)\b/.exec(s.lower) : null) ??
      // ("Both families are contacted by the key workers": a present passive of those told.)
      (toldAfter && /^(are|is)/.test(toldAfter[2]) ? /\b(informed|told|notified|contacted)$/.exec(toldAfter[0]) : null);
    // The school or its staff as the subject, those outside as the object: "The DSL will then contact the LADO", "the
    // Head must inform the police". Not a family or a pupil told whom to call ("Parents should contact the police").
    // ("The Head will consult the LADO within one working day", "The Principal contacts the LADO about any allegation".)
    // (A step before the telling is read past: "…will speak to those involved, normally within two school days, and will
    // let parents of the pupils involved know"; the parents' description stops before a purpose, "…let parents who would
    // like to know more…".)
    const active = must
      ? null
      : (/\b(must|will|shall|should|are to|is to|needs? to|ha(?:s|ve) to)( always| automatically| immediately| then| also| now)? (?:(?:investigate|record it|log it|look into it|deal with it|speak to (?:the (?:children|pupils|students)|those|everyone|all those) involved)(?:, [^.;,]{1,60},)? and (?:will )?)?(contact|inform|notify|tell|alert|consult|speak to|speak with|talk to|talk with|meet with|meet|write to|phone|ring|seek advice from|liaise with|discuss(?: it| this| the (?:matter|allegation|concern|case))? with|involve|keep(?= (?:the |their )?(?:parents?|carers?|famil(?:y|ies))(?: [a-z]+){0,3} informed\b)|let(?= (?:the |their |the (?:child|pupil|student)'s )?(?:parents?|carers?|famil(?:y|ies))(?: ?\/ ?carers?)?(?: (?!(?:who|whether|if|to|want|wants|wish|wishes|would|decide|decides|need|needs)\b)[a-z]+){0,5} know\b)|refer (?:it|this|the matter|the incident|the allegation|the concern|the case|them|(?:an|any|the) allegations? (?:about|against) (?:a |an |any |the )?(?:member of staff|staff member|colleague|adult|volunteer)) to|report (?:it|this|the matter|the incident|the allegation|the concern|them) to)\b/.exec(
          s.lower,
        ) ??
        /\b(contacts|informs|notifies|consults|alerts|(?:talks|speaks|writes) to|discusses(?: it| this| the (?:matter|allegation|concern|case))? with|meets(?: with)?|phones|rings|(?<=^(?:they|we) )(?:contact|inform|notify|consult))(?= (the )?(lado|local authority designated officer|police|parents?|carers?|famil(?:y|ies))\b)/.exec(
          s.lower,
        ));
    if (active) {
      if (familyAdvice.test(s.lower) || familyReports.test(s.lower) || /^(you|if you)\b/.test(s.lower) || negatedAt(s.lower, active.index)) return [];
      // ("…the class teacher will let the parents know; if there is any safeguarding worry, it will be dealt with as…": the
      // kind named only on a later clause's condition is that clause's.)
      const clauseEnd = s.lower.indexOf(';', active.index);
      if (
        clauseEnd > 0 &&
        /^;\s*(if|where|when|unless)\b/.test(s.lower.slice(clauseEnd)) &&
        concernKind(s.lower.slice(0, clauseEnd)) === null &&
        concernKind(s.lower.slice(clauseEnd)) !== null
      )
        return [];
      // (A discretion in a later clause of its own is that clause's: "The DSL will inform the parents and may refer the matter
      // to the police" tells the parents.)
      // (A purpose after it is no discretion: "…will let the child's parents know, so they can talk about it at home".)
      const own =
        s.lower.slice(0, active.index + active[0].length) +
        s.lower
          .slice(active.index + active[0].length)
          // ("The DSP will speak to parents and, where appropriate, report to CEOP", "…will contact the parents, and the police
          // if necessary": a later part after a comma has its own condition.)
          .split(/,? and (?=(?:may|might|could|can|will decide|decides)\b)|,\s*and\b|\band,/)[0]
          .replace(/,? so (?:that )?(?:they|you|parents|carers|families|the family) (?:can|could|may|might)\b.*$/, '');
      if (
        /\b(may|might|could|can)\b/.test(withoutWhatIsFeared(own)) ||
        /\b(if necessary|where appropriate|if appropriate|as appropriate|where relevant|if relevant|reserve|consider)\b|\b(if|where|when) (there is (any )?|in )doubt\b/.test(
          own,
        )
      )
        return [];
      // "The DSL will contact the police where an online incident involves a possible crime", "if the content is illegal,
      // the DSL will contact the police": on a condition of its own.
      if (
        /\b(if|unless|where|when|in the event that|in cases where)\b[^.;]{0,60}\b(crimes?|criminal|offences?|illegal|unlawful|necessary|appropriate|required|needed|deemed|decides?|considers?|thinks?|feels?|judges?|serious|severe|threshold)\b/.test(
          own,
        ) ||
        leftToJudgement(own)
      )
        return [];
      const rest = own.slice(active.index + active[0].length);
      // "…will consult the LADO within one working day where the student is under 18": on a condition of its own.
      // (Not a condition on a later step of its own: "…contacts the LADO within one working day and informs the Trust if the
      // person works for the Trust".)
      if (conditionIn(rest.split(/ and (?=(?:informs?|tells?|notif(?:y|ies)|lets?|records?|logs?)\b)/)[0])) return [];
      // ("The academy DSL will inform the Trust DSL of any case referred to Children's Social Care": who hears of the
      // referral, not those it went to; "…tell their class teacher rather than contacting the other parents": not them.)
      const object = rest.split(/[,;:]|\b(?:and|or|who|which|if|unless|when|where)\b|\bof (?:any|a|the|each|every)\b|\b(?:rather than|instead of)\b/)[0];
      // ("…will phone the parent first", "writes to families": a call or a letter to a family, which keyers do not read as a
      // duty to tell them of the concern; "rings the LADO", "speaks to the police" are the telling. But "will talk to the
      // parents involved" and "meets the families of both pupils" are.)
      // (Nor a pupil talking to their own parents: "If a pupil is bullied online, they should talk to their parents and a
      // member of staff", "I will talk to my parents…".)
      const pupilTalks =
        /\b(talk|talks|meet|meets)\b/.test(active[0]) &&
        (/^(if |when |where )?(a |the |any )?(pupils?|children|students?|learners?|child|i|they|you)\b/.test(own) ||
          (/^(?:[a-z]+ ){0,3}(their|my|your) (own )?(parents?|carers?|famil)/.test(rest.trim()) && !/^we\b/.test(own)));
      const conversation = /\b(write|writes|phone|phones|ring|rings)\b/.test(active[0]) || pupilTalks;
      const who = outsiders.filter(([key, pattern]) => pattern.test(object) && !(conversation && key === 'carers')).map(([key]) => key);
      // ("…who will involve the Headteacher and contact the parents of the children concerned", "…will talk to the students
      // involved, ask for screenshots to be kept, inform parents of all students involved and…": the families told in a
      // later step of the same duty.)
      // ("…the Head of Year, who will now contact home": the family at home.)
      const home = /^\s*home\b/.test(rest) && /\bcontacts?$/.test(active[0]);
      // (A later step on a condition of its own is that step's: "…will tell the Head of Year and inform the parents if…".)
      const later = laterStepTellsFamily.exec(rest);
      const laterTold = later !== null && !conditionIn(rest.slice(later.index));
      const told = who.length ? who : laterTold || home ? ['carers'] : [];
      return toldFor(kind, s.lower, told);
    }
    if (!must) return [];
    // (A discretion in a later clause of its own is that clause's: "Parents will be informed, and the CPC may contact Police
    // Scotland" informs the parents.)
    const end = must.index + must[0].length;
    const clause = s.lower.slice(0, end) + s.lower.slice(end).split(/,\s*and\b(?=[^.;]*\b(?:may|might|could|can)\b)/)[0];
    if (
      s.negated.includes(must[0].split(' ').pop()!) ||
      /\b(may|might|could|can)\b/.test(withoutWhatIsFeared(clause)) ||
      /\b(if necessary|where appropriate|if appropriate|as appropriate|reserve)\b|\b(if|where|when) (there is (any )?|in )doubt\b/.test(clause)
    )
      return [];
    // ("The TSL must be informed within 24 hours of any police involvement": the police are not told.)
    const after = clause
      .slice(must.index)
      .replace(/\bof (?:any|a|the|each|every) [a-z' ]{0,40}?(?:involvement|referrals?|(?:cases?|matters?) (?:referred|reported) to [a-z' ]+)\b/g, ' ');
    // "Parents will be informed if the material was particularly distressing": told on a condition of its own.
    if (conditionIn(after.slice(must[0].length))) return [];
    // "The police will be contacted where a crime has been committed", "…if the Head considers it necessary": told on a
    // condition of its own, not always ("Carers will be contacted if this happens" names the concern itself).
    if (
      /\b(if|unless|where|when|in the event that|in cases where)\b[^.;]{0,40}\b(crimes?|criminal|offences?|illegal|unlawful|necessary|appropriate|required|needed|deemed|decides?|considers?|thinks?|feels?|judges?|serious|severe|threshold)\b/.test(
        after,
      ) ||
      leftToJudgement(clause)
    )
      return [];
    // "Parents will be informed of…": the people told are the subject of a passive verb.
    const before = /(informed|told|notified|contacted|consulted)$/.test(must[0])
      ? (s.lower
          .slice(0, must.index)
          .split(/[,;:]| and | then /)
          .pop() ?? '')
      : '';
    const who = outsiders.filter(([, pattern]) => pattern.test(after) || pattern.test(before)).map(([key]) => key);
    return toldFor(kind, s.lower, who);
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

export const referredOut: SentencePattern = {
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
    return kind ? toldOutside(kind, who) : [];
  },
};
