/**
 * The policy's own paperwork: how often it is reviewed (policyReview.intervalMonths), who approves
 * it (policyReview.approvingBody, each sentence's approval read in review.approval.ts); who signs it
 * (policyReview.signatories) is read in review.signatures.ts.
 * An interval said in words ("annually", "every two years") wins over one worked out from the
 * header's dates ("Date of this review: Autumn 2015", "Next review: Autumn 2018").
 */
import { intervalMonths, monthOf } from './text.dates.ts';
import { normalise } from './text.ts';
import { parseDate, reviewDates, yearsApart } from './review.dates.ts';
import type { BlockPattern, SentencePattern } from './types.ts';
import { signedBlock } from './review.signatures.ts';
import { approvedIn, englishHalf, largerPolicy } from './review.approval.ts';
import { body, unchosenApprover } from './review.bodies.ts';

const aboutThePolicy = new RegExp(
  String.raw`\b(this|the) (policy|document|guidance|statement|procedures?|agreement|aup|(school('s)? )?acceptable use policy)\b|\bthis (annex|appendix|notice|privacy notice|leaflet|booklet|card|code( of conduct)?|standard|chapter|protocol|guide|form|sheet|charter|briefing|checklist|handbook|poster|flowchart)\b|\b(these|the) (rules|guidelines)\b|^(\d+(\.\d+)*\.? )?this section (is|will be|shall be) reviewed\b(?=[^.]*\b${largerPolicy}\b)|\bpolic(y|ies)(,? and (its|their) (implementation|operation|effectiveness|procedures?))? (is|are|will be|shall be|should be) (reviewed|revisited|updated)|\breview(ed)? (of )?(this|the) (policy|document)|^(policy|document) reviewed\b`,
);

/** ", and the whole Visits Policy is reviewed every two years": where a section's own cycle ends and the larger policy's begins. */
const andTheLargerPolicy = new RegExp(String.raw`,? and (?:the|our) ${largerPolicy}\b`);

/** A header's or footer's line that opens with the policy's approval: "Ratified by…", "(Updated and approved by…". */
const approvalOpening =
  /^\(?(?:(?:updated|reviewed|revised|amended|discussed|agreed)(?:,| and|, and) )*(?:approved|ratified|adopted|agreed)\b(?: and (?:approved|ratified|adopted))? (?:by|on|at)\b/;

/** A credit on a line of its own: "Polish translation: A. Wróbel.", "Illustrations by: Year 5.". */
const credit = /^([a-z]+ )?(translation|translated|illustrations?|illustrated|design|designed|prepared|author|artwork|photographs?)( by)?: [^;:]{1,60}$/;

/** The sentence just before `previous` in its paragraph (`earlier` ends with it), '' if none. */
const sentenceBefore = (earlier: string, previous: string) =>
  earlier.endsWith(previous)
    ? (earlier
        .slice(0, earlier.length - previous.length)
        .trim()
        .split(/(?<=[.!?])\s+/)
        .pop() ?? '')
    : '';

const interval: SentencePattern = {
  name: 'the policy is reviewed at an interval',
  read: (original) => {
    // ("…reviewed every year rather than every two years": the cycle it leaves is none.)
    const s = {
      ...original,
      lower: original.lower.replace(
        /,? (rather than|instead of|and no longer) (every|each|once every|once each) [a-z0-9 -]{1,20}?(years?|months?|terms?)\b/g,
        '',
      ),
    };
    // "This policy was adopted on… It will be reviewed every three years": "it" is the policy the sentence before names.
    const itThePolicy =
      (/^it (will|is to|shall|should|must|is) (be )?(reviewed|revisited|updated|looked at again)\b/.test(s.lower) &&
        (aboutThePolicy.test(s.previous ?? '') ||
          // (Or the sentence before that, past a label between them: "This guide was written by… Polish translation: A. Wróbel.
          // It will be reviewed every year".)
          (credit.test(s.previous ?? '') && aboutThePolicy.test(sentenceBefore(s.earlier ?? '', s.previous ?? ''))))) ||
      /^it (was|is|has been) (approved|ratified|adopted|agreed) by\b/.test(s.lower) ||
      // A footer line that opens with the approval names the policy it closes: "Ratified by the Board of Management on
      // 3 May 2021 and to be reviewed annually"; so does "To be reviewed annually." after such a line.
      (approvalOpening.test(s.lower) &&
        /(?:\band|[-–—,;])\s*(?:it |(?:this|the) (?:policy|document|aup) )?(?:is |will be |shall be |to be |is to be )(?:reviewed|revisited|revised)\b/.test(
          s.lower,
        )) ||
      (/^(to be|next to be|will be) (reviewed|revised)\b/.test(s.lower) && approvalOpening.test(s.previous ?? '')) ||
      // A header's or footer's fragment with no subject but the page itself: "Reviewed annually by the DSL; approved by the
      // Head.", "Last updated: January 2025 · Reviewed every two years by…", "Review: with the CP Policy each September".
      /(^|·\s*)(\*\*)?(reviewed|review)(\*\*)?:?(\*\*)? (annually|yearly|biennially|every|each|with (the|our) [a-z ]{0,40}polic(y|ies) (each|every|annually))\b/.test(
        s.lower,
      );
    if (
      !/\breview(ed|s|ing)?\b|\brevisit(ed)?\b|\brevis(e|ed|es)\b|\bupdated\b|\blooked at again\b|\bre-?examined\b|\b(is|are) checked (every|each|annually)\b|^we look at (this|the) (policy|guide|document) again\b/.test(
        s.lower,
      ) ||
      !(aboutThePolicy.test(s.lower) || itThePolicy)
    )
      return [];
    if (/\breview(ed|ing)?\b|\brevis(e|ed)\b/.test(s.negated)) return [];
    // A hope, not a cycle: "It is envisaged that the AUP will be revised annually", "We hope to review it every year".
    if (/\b(envisaged|envisioned|hoped|anticipated|(we|i) (hope|aim|aspire)|our (hope|aim|intention) is|ideally|where possible|if possible)\b/.test(s.lower))
      return [];
    // A choice a template offers, not the school's cycle: "[Template guidance: you may choose to review this policy annually.]".
    if (/\b(may|might|could|can) (choose|decide|wish|want|opt|prefer)\b/.test(s.lower) || /^\[(template|guidance|note|drafting)\b/.test(s.lower)) return [];
    // What else is reviewed on a cycle: "…reviews each account every term and may close an account not run in line with
    // this policy", "…meets the DSL termly and reviews online safety incidents".
    if (
      /\breview(s|ed|ing)? (each|every|all|the|our|its|their|any)? ?(school |official )?(accounts?|logs?|pages?|posts?|alerts?|filtering|records?|photo(graph)?s?|images?|consents?|lists?|settings?|access|permissions?|passwords?|devices?)\b|\breview(s|ed|ing)? (the )?(operation|working|running|day-to-day running) of (this|the) (policy|guidance)\b|\breview(s|ed|ing)? (the |any |all |each )?([a-z-]+ ){0,2}(incidents?|reports?|concerns?|cases?|referrals?)\b/.test(
        s.lower,
      )
    )
      return [];
    // The model a policy is based on has a cycle of its own ("The Trust Board reviews the model policy on which this policy is based every two years").
    // ("The county model on which it is based is revised by the County Council every two years.")
    if (
      /\bmodel policy\b|\bon which (this|the) policy is based\b|\bmodel\b[^.;]{0,60}\b(revised|reviewed|updated)\b[^.;]{0,50}\b(every|annually|each)\b/.test(
        s.lower,
      )
    )
      return [];
    // A report or meeting's cycle is not the review's: "It approves this policy and receives a termly safeguarding report".
    // "This section is reviewed every year …, and the whole Visits Policy is reviewed every two years": this page's cycle,
    // not the larger policy's it belongs to.
    const own = s.lower.split(andTheLargerPolicy)[0];
    const ownFirst = own !== s.lower && /^[^,]*\bthis (section|part|appendix|annex|page)\b/.test(own) && intervalMonths(own) !== null;
    const months = intervalMonths(
      (ownFirst ? own : s.lower).replace(
        /\b(termly|annual|yearly)( [a-z]+){0,3}? (reports?|meetings?|visits?|updates?|audits?|training|surveys?|returns?|summar(y|ies))\b/g,
        ' ',
      ),
    );
    // "…will review how this policy is working each year": a look at how it works, which yields to the policy's own cycle
    // said elsewhere ("The policy will be reviewed … every two years"), and stands when nothing else says one.
    const howItWorks = /\breview(s|ed|ing)? how (well )?(this|the) (policy|guidance) (is working|works)\b/.test(s.lower);
    return months ? [{ setting: 'policyReview.intervalMonths', value: months, ...(howItWorks ? { combine: 'fallback' as const } : {}) }] : [];
  },
};

const approvedBy: SentencePattern = {
  name: 'the policy is approved by a body',
  // A header row's cells on their own: "Owner: Headteacher | Approved: Standards Committee, 2 July 2025".
  read: (s) => {
    // A table row's pipes are no part of a cell ("| Date ratified by the Trust Board: | 25 October 2018 |").
    const cells = s.lower
      .split(/\s\|\s/)
      .map((cell) => englishHalf(cell.replace(/^\|\s*|\s*\|$/g, '').trim()))
      .filter(Boolean);
    for (const [i, cell] of cells.entries()) {
      // A bare label cell ("| Approved by: | Governing Body |") is read with the cell after it.
      // So is a label cell ending in a colon: "| Date ratified by the Trust Board: | 25 October 2018 |".
      const found = approvedIn(
        // (So is "| Policy reviewed by | Full Governing Body |": a body that reviews the policy in its header approves it.)
        (/^(?:approved|ratified|adopted|approving body)(?: by)?:?$/.test(cell) || (/:$/.test(cell) && !/:/.test(cells[i + 1] ?? ''))) && cells[i + 1]
          ? `${cell} ${cells[i + 1]}`
          : /^(?:policy |document )?reviewed by$/.test(cell) && cells[i + 1]
            ? `${cell}: ${cells[i + 1]}`
            : cell,
      );
      // The label's body, and the value cell naming it as the school does: "Date reviewed by the Governing Body | FGB
      // 22.11.2022" is the full governing body.
      const named = cells[i + 1] && !/:/.test(cell) ? body(cells[i + 1].slice(0, 60)) : null;
      if (found.length && named && named !== 'Headteacher' && /^date\b/.test(cell)) return [{ ...found[0], value: named }];
      if (found.length) return found;
    }
    return [];
  },
};

/** A header field, alone or in a flattened table row: "Review cycle: Annual", "Review: every 2 years", "Review frequency | 3 yearly". */
const cycle: SentencePattern = {
  name: 'the review cycle in a header',
  read: (s) => {
    const m =
      /\b(?:review (?:cycle|frequency|period|interval)|frequency of review|reviewed(?=\s*:)|review|cycle(?=:))\s*[:|]?\s*(annual|annually|yearly|every year|biennial|biennially|(?:every )?(?:two|2|three|3)[- ]?(?:years|yearly)|triennial|triennially)\b/.exec(
        s.lower,
      );
    if (!m) return [];
    // A bare "Cycle:" is the review's only in a header that speaks of review, approval or the next date.
    if (!/\breview(ed)?\b/.test(m[0]) && !/\b(next|approv\w*|ratified|adopted)\b/.test(s.lower)) return [];
    const months = intervalMonths(m[1]) ?? intervalMonths(`every ${m[1]}`) ?? (/^annual/.test(m[1]) ? 12 : null);
    return months ? [{ setting: 'policyReview.intervalMonths', value: months }] : [];
  },
};

/** "Approved by the Governing Body:" with its date alone on the next line ("March 2023"): approved, by the body in the label. */
const approvedAboveDate: BlockPattern = {
  name: 'the approver in a label whose date is on the next line',
  read: (lines) => {
    const header = lines.slice(0, 40);
    for (const [i, l] of header.entries()) {
      const label = /^((?:policy |document )?(?:approved|ratified|adopted|agreed) by .+):\s*$/i.exec(l.text);
      if (!label) continue;
      const next = header.slice(i + 1, i + 3).find((n) => n.text);
      if (!next || /:/.test(next.text) || next.text.split(' ').length > 4 || monthOf(next.text, parseDate) === null) continue;
      return approvedIn(normalise(label[1])).map((f) => ({ ...f, line: l.line, quote: `${l.text} ${next.text}` }));
    }
    return [];
  },
};

/** A header's label on a line of its own, its value on the next ("Approved By" then "Chief Executive"). */
const approverBelow: BlockPattern = {
  name: 'the approver on the line under its label',
  read: (lines) => {
    const header = lines.slice(0, 40);
    for (const [i, l] of header.entries()) {
      if (!/^(?:policy |document )?(?:approved|ratified|adopted|endorsed) by\s*:?$/i.test(l.text)) continue;
      const next = header.slice(i + 1, i + 3).find((n) => n.text);
      if (!next || next.text.split(' ').length > 6) return [];
      return approvedIn(normalise(`approved by: ${next.text}`)).map((f) => ({ ...f, line: l.line, quote: `${l.text} ${next.text}` }));
    }
    return [];
  },
};

/**
 * One sentence with both dates: "This policy was ratified by the Board of Management on 5 May 2022 and will be reviewed
 * in May 2024", a whole number of years apart (the keying guide's pair of dates). Not "reviewed as needed", nor a review
 * that is negated or only possible.
 */
const approvedThenReviewed: SentencePattern = {
  name: 'the approval date and the next review date in one sentence',
  read: (s) => {
    const m =
      /^(.*\b(?:approved|ratified|adopted|agreed)\b.*?)\b(?:and )?(?:it )?(?:(?:will be|is to be|to be|shall be|is due to be|is next|next|is) (?:reviewed|revised|due for review)|due for (?:its )?(?:next )?review)\b:?(?: (?:again )?(?:in|by|on|before|no later than|during))? (.*)$/.exec(
        s.lower,
      );
    if (!m || !(approvalOpening.test(s.lower) || aboutThePolicy.test(m[1])) || /\b(may|might|could) (be|also)\b|\bnot\b/.test(s.lower)) return [];
    // Two dates to choose from ("May 2023 or May 2024"): no one interval.
    if (/\b(or|and\/or)\b/.test(m[2])) return [];
    const round = yearsApart(m[1], m[2]);
    return round ? [{ setting: 'policyReview.intervalMonths', value: round }] : [];
  },
};

/**
 * A schedule's label on a line of its own and its answer on the next: "This policy will be reviewed:" then "Annually
 * during Term 1", "Review frequency" then "Every two years". Not another schedule row ("Monitoring will take place:").
 */
const intervalBelow: BlockPattern = {
  name: 'the review interval on the line under its label',
  read: (lines) => {
    for (const [i, l] of lines.entries()) {
      const label = normalise(l.text);
      if (
        !/^(?:(?:this|the) (?:[a-z-]+ ){0,3}?(?:policy|document|aup|agreement) (?:will|is to|shall|should|must) be reviewed|review (?:cycle|frequency|period|interval)|frequency of review|reviewed)\s*:?$/.test(
          label,
        )
      )
        continue;
      const next = lines.slice(i + 1, i + 4).find((n) => n.text);
      if (!next || next.text.split(' ').length > 8 || /:/.test(next.text)) continue;
      const answer = normalise(next.text);
      if (/\b(not|no|may|might|could|unless|either)\b/.test(answer)) continue;
      const months = intervalMonths(answer) ?? (/^(annual|yearly)\b/.test(answer) ? 12 : null);
      if (months) return [{ setting: 'policyReview.intervalMonths', value: months, line: next.line, quote: `${l.text} ${next.text}` }];
    }
    return [];
  },
};

/**
 * A template's "by whom" field (the date, then who reviews): "Date of next review and by whom [17/09/2026 Governors]",
 * "Date this policy was reviewed and by whom: Autumn 2025, Full Governing Body". A body that reviews the policy in its
 * header approves it (the keying guide); a person (the Head, the DSL, a name) never does, and a person beside a body
 * ("Head and Governors") leaves neither alone as the approver.
 */
const byWhomField =
  /\b(?:date (?:of )?(?:the )?(?:next|last) review|next review(?: date)?|date (?:this|the) (?:policy|document) was (?:last )?reviewed|date of (?:this )?review|(?:last )?reviewed) and by whom\b[\s:|[\]-]*([^\]]*?)(?=\]|\bdate\b|\?|\. |$)/g;

const reviewedByWhom: SentencePattern = {
  name: "the body in a review's 'by whom' field",
  read: (s) => {
    for (const m of s.lower.matchAll(byWhomField)) {
      const value = m[1].replace(/\|/g, ' ').slice(0, 60);
      if (unchosenApprover(value) || /\b(head ?teacher|head|principal|dsl|designated|lead|co-?ordinator|manager|officer|mr|mrs|ms|miss|dr)\b/.test(value))
        continue;
      const who = body(value);
      if (who && who !== 'Headteacher') return [{ setting: 'policyReview.approvingBody', value: who }];
    }
    return [];
  },
};

export const reviewPatterns: SentencePattern[] = [interval, approvedBy, cycle, approvedThenReviewed, reviewedByWhom];
export const reviewBlocks: BlockPattern[] = [signedBlock, reviewDates, approverBelow, approvedAboveDate, intervalBelow];
