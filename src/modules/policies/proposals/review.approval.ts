/**
 * Who approves the policy (policyReview.approvingBody), read from one sentence or header cell: "Approved by: Trust
 * Board", "This policy was ratified by the Board of Management", "The Governors approved this policy in May 2024". The
 * patterns that find such sentences and cells are in review.table.ts.
 */
import { body, bodyOnly, onlyABody, unchosenApprover } from './review.bodies.ts';
import type { Found } from './types.ts';

/** The larger policy a section belongs to: "…together with the whole policy", "…and the full Visits Policy is reviewed…". */
export const largerPolicy = String.raw`(?:whole|full|wider|entire|main|parent|overall)`;

/** What was done to the text before its approval: "updated and", "discussed, approved and" (each optional). */
// ("The policy is reviewed annually and approved by…": how often it is reviewed, then who approves it.)
const doneBefore = String.raw`(?:(?:updated|reviewed|revised|amended|discussed|considered|agreed|approved)(?: (?:annually|yearly|termly|biennially|regularly|each year|every year|every (?:two|three|2|3) years|at least (?:annually|once a year|every (?:two|three|2|3) years)))?(?:,| and|, and) )*`;
const adverb = String.raw`(?:(?:initially|first|formally|originally|unanimously|fully|duly|officially|subsequently) )?`;

/**
 * The body as the subject: "The Board of Management has discussed and ratified the following at its meeting of 13 March
 * 2019", "The Governors approved this policy in May 2024". Not what a body will do, may do or has not done.
 */
function activeApproval(lower: string): RegExpExecArray | null {
  const m = new RegExp(
    String.raw`^(?:the |our )?(?:school('s)? )?((?:[a-z&'-]+ ){0,6}?[a-z&'-]+) (?:has |have |had )?(?:(?:decided|resolved|agreed|voted) to (?:approve|ratify|adopt) |${adverb}${doneBefore}(?:approved|ratified|adopted)(?: and (?:approved|ratified|adopted))? )(?:(?:this|the|these|our)\b[^.;]{0,60}?\b(?:policy|policies|document|aup|charter|guidelines|guidance|code|statement|agreement|following)\b|it\b)`,
  ).exec(lower);
  // The subject is a body and nothing else: not a person ("The Headteacher has approved this policy"), nor a body
  // with someone beside it ("The Head and the Governors have approved…").
  if (!m || !onlyABody(m[2])) return null;
  const who = body(m[2]);
  return who && who !== 'Headteacher' ? /^(.*)$/.exec(m[2]) : null;
}

/** The larger policy a section's sentence names as approved: the body that approves it approves the section. */
// (The larger policy's own approval: between "policy" and "approved by" no other subject's verb, "…Safeguarding Policy and
// visits are approved by…"; after it no second approval, "…which is approved by the Trust Board, but this chapter is
// approved by the Local Governing Body"; and not a section outside it, "This appendix is not part of the main policy".)
const sectionsPolicy = new RegExp(
  String.raw`^(?!.*\bnot (?:part|covered)\b)(?:\d+(?:\.\d+)*\.? )?this (?:section|annex|appendix|part|chapter)\b[^.]*\b${largerPolicy} (?:[a-z&'-]+ ){0,4}?policy\b(?:,? (?:which |that )?(?:is|was|has been|will be)\b)?(?:(?!\b(?:is|are|was|were|not)\b)[^.;]){0,80}?\b(?:approved|ratified|adopted|agreed) by (?!.*\b(?:approved|ratified|adopted|agreed) by\b)(.*)$`,
);

/** Who agreed, wrote or reviewed the text before the approval that follows: "agreed by the Head, staff and approved by…". */
const consultedThenApproved =
  /\b(was|is|has been|have been|were) (?:agreed|written|drafted|drawn up|prepared|reviewed|discussed|considered|shared) (?:by|with) [^.;]{1,80}?,? and (?:(?:was|has been|have been|were|then|subsequently|finally) )*((?:approved|ratified|adopted) by)\b/;

/**
 * A header's label that names the body beside the approval: "Governor Approval: October 2024", "FGB ratification
 * date: 3/7/24", "Date of Trust Board approval:". The body (a governor's approval is the governors'), not a person's
 * ("Headteacher approval:"); a date "to be confirmed" approves nothing.
 */
function bodyLabel(lower: string): RegExpExecArray | null {
  const m =
    /^(?:date of )?((?:the )?(?:(?:full |local )?governing (?:body|board)|governors?'?|fgb|lgb|trust board|trustees'?|board of (?:governors|management|trustees|directors)|bom)) (?:approval|ratification|sign-off)(?: date)?\s*:\s*(.*)$/.exec(
      lower,
    );
  if (!m || /^(tbc|tba|to be confirmed|to be agreed|pending|n\/a)\b/.test(m[2])) return null;
  return /^(.*)$/.exec(m[1].replace(/'$/, '').replace(/\bgovernor$/, 'governors'));
}

/**
 * A Welsh school's words beside their English ("Cymeradwywyd gan y Corff Llywodraethu / Approved by the Governing Body: 4
 * February 2025", "approved by the Corff Llywodraethol / Governing Body"): the English half, read as any other.
 */
export const englishHalf = (text: string) =>
  text.replace(
    /(?:\b(?:gan|y|yr|corff)\s+)*\b(?:corff|llywodraeth\w*|cymeradwy\w*|mabwysiad\w*|adolygiad|cadeirydd|pennaeth|dyddiad|llofnod\w*)\b(?:\s+(?:gan|y|yr|nesaf|corff|llywodraeth\w*))*\s*\/\s*/g,
    '',
  );

export function approvedIn(said: string): Found[] {
  {
    // "Authorised by the Directors", "Endorsed and authorised by the Board": an approval in other words.
    const lower = englishHalf(said)
      .replace(/\bauthori[sz](ed|ation)\b/g, (_, end: string) => (end === 'ed' ? 'approved' : 'approval'))
      // "It has been agreed by the Headteacher, Staff and approved by the Governing Body": those who agreed or wrote it
      // were consulted; the approval is the body's after "approved by".
      .replace(consultedThenApproved, '$1 $2');
    const reviewedDate = bodyOnly(/^date (?:last )?reviewed by:?\s*(.*)$/.exec(lower));
    const reviewedLabel = bodyOnly(/^(?:policy |document )?reviewed by\s*:\s*(.*)$/.exec(lower));
    const m =
      bodyLabel(lower) ??
      /^(?:policy |document )?(?:approved|ratified|adopted|agreed|approval|endorsed|approving body|approval body)(?: by)?:?\s*(.*)$/.exec(lower) ??
      // A header cell: "Date ratified by governors: 5 February 2023".
      /^date (?:approved|ratified|adopted|agreed|accepted) by:?\s*(.*)$/.exec(lower) ??
      // "Date of approval by the Governing Body: 12/03/2023", "Date of ratification by the BoM:".
      /^date of (?:approval|ratification|adoption) by:?\s*(.*)$/.exec(lower) ??
      // "Date reviewed by the Governing Body | FGB 22.11.2022": a body that reviews in the header approves.
      reviewedDate ??
      // A cell of a header row: "Version: 2.1 Approved by: Trust Board Date approved: July 2024".
      /\bapproved by:\s*(.*)$/.exec(lower) ??
      // "Reviewed By: Full Governing Board": the body that reviews the policy in its header is the one that approves it.
      reviewedLabel ??
      /\b(?:this|the) (?:policy|document|agreement|statement) (?:was|is|will be|has been|shall be) (?:approved|ratified|adopted|agreed) by (.*)$/.exec(lower) ??
      // "This guidance has been endorsed by … and has been approved by the governing body".
      // ("These rules were agreed by the Governing Body in July 2024", "This guide was agreed by the Governing Board".)
      /^(?:this|these) (?:[a-z-]+ ){0,4}?(?:policy|document|guidance|guidelines|statement|charter|guide|rules|procedures?)\b[^.]*?\b(?:was|is|has been|have been|were) (?:approved|ratified|adopted|agreed) by (?:the )?(?:following |said )?(.*)$/.exec(
        lower,
      ) ??
      // "It was agreed by the Academy Council on…": in a policy, what is agreed by a body is the document.
      /^it (?:was|is|has been) (?:approved|ratified|adopted|agreed) by (.*)$/.exec(lower) ??
      // A header or footer line that opens with what was done: "(Updated and ratified by the Board of Management on…)",
      // "Reviewed and approved by the Governors, Spring 2020".
      new RegExp(String.raw`^\(?${doneBefore}(?:approved|ratified|adopted)(?: and (?:approved|ratified|adopted))? by (.*)$`).exec(lower) ??
      // "The AUP was initially adopted by our Board of Management", "This update was discussed, approved and ratified by…".
      new RegExp(
        String.raw`^(?:this|the|our) (?:[a-z-]+ ){0,3}?(?:aup|version|update|revision|code of (?:conduct|behaviour|behavior|practice))\b[^.]*?\b(?:was|is|has been|have been|were) ${adverb}${doneBefore}(?:approved|ratified|adopted)(?: and (?:approved|ratified|adopted))? by (.*)$`,
      ).exec(lower) ??
      new RegExp(
        String.raw`^(?:this|the|our) (?:[a-z-]+ ){0,4}?(?:policy|document|agreement|statement)(?:\b[^.]*?\b(?:was|is|has been|have been|were)| (?:will|shall) be) ${adverb}${doneBefore}(?:approved|ratified|adopted)(?: and (?:approved|ratified|adopted))? by (.*)$`,
      ).exec(lower) ??
      // What was done first has its own date: "This AUP was revised on 7/12/2016 and ratified by the Board of Management
      // in January 2017", "The policy was written in May and then adopted by the governors".
      new RegExp(
        String.raw`^(?:this|the|our) (?:[a-z-]+ ){0,4}?(?:policy|document|agreement|statement|aup|guidance|charter|code of (?:conduct|behaviour|behavior|practice))\b[^.]*?\b(?:was|is|are|has been|have been|were) (?:[a-z]+ed|written|drawn up)\b[^.;]*? and (?:(?:was|has been|then|subsequently) )?${adverb}(?:approved|ratified|adopted) by (.*)$`,
      ).exec(lower) ??
      // A line that opens with who reviewed it: "Reviewed by the DT and agreed by the Board of Governors Sept 2025". (Not a
      // step of a procedure: "Reviewed by the trip leader and approved by the Governing Body for residential visits".)
      /^\(?(?:reviewed|updated|revised) by [^.;]{1,60}? and (?:then )?(?:approved|ratified|adopted|agreed) by (?![^;]*\b(?:if|when|where|whenever|for|before|after|once|unless)\b)([^;]*)$/.exec(
        lower,
      ) ??
      // A section approved with the policy it belongs to: "This section is reviewed every year by the EVC, and the whole
      // Educational Visits Policy is reviewed every two years and approved by the Full Governing Body".
      sectionsPolicy.exec(lower) ??
      activeApproval(lower);
    if (!m || unchosenApprover(m[1])) return [];
    // "Approved by: Mrs R. Thwaite (Chair of Governors)": a person who signs for the body, not the body.
    if (
      /^(the )?((mr|mrs|ms|miss|mx|dr|rev|revd|reverend|fr|father|canon|sister|prof)\.? [a-z]|(acting |vice[- ]|co[- ])?chair(man|woman|person)?\b)/.test(
        m[1].trim(),
      )
    )
      return [];
    // A form's column, "| Approved by (SLT / Head of Phase) | |": who may sign a row, not the policy's approval.
    if (/^\(/.test(m[1].trim())) return [];
    // "If the policy is adopted by the Board…": a condition, nothing approved yet.
    if (/^(if|when|once|unless|until|where|should|whether)\b/.test(lower)) return [];
    // "Approved by: ____" with nothing named: nobody approved it. A field that names the body with its date left blank
    // ("AGREED BY GOVERNORS:", "Ratified by Governing Body (date): ____") still says who approves (the keying guide);
    // a date "to be confirmed" says it is not approved yet.
    if (/^[^:]*:\s*(tbc|tba|to be confirmed|to be agreed|pending|n\/a)\s*$/.test(m[1])) return [];
    if (/^\s*(_+|\.{2,}|…|\[[^\]]*\]|dd\/mm\/yy(yy)?|date|-+)?\s*$/.test(m[1])) return [];
    // "Approved by the Head and Governors": a person and a body, so neither alone is the approver.
    if (/\b(head ?teacher|head|principal)\b[^.]{0,20}\b(and|&)\b[^.]{0,12}\b(governors?|governing|trustees|board|committee)\b/.test(m[1].slice(0, 60)))
      return [];
    const who = body(m[1].slice(0, 60));
    // A person (the head, the principal) is never the approving body (the keying guide): nothing, not "Headteacher".
    if (!who || who === 'Headteacher') return [];
    // A body that reviews the policy stands for its approver only when the page names no approval of its own ("Approved by:
    // Trust Board" beside "Reviewed by: Local Academy Council" is the board's).
    const byReview = m === reviewedDate || m === reviewedLabel;
    return [{ setting: 'policyReview.approvingBody', value: who, ...(byReview ? { combine: 'fallback' as const } : {}) }];
  }
}
