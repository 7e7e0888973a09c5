import { describe, expect, it } from 'vitest';
import { concernPatterns } from './concerns.table.ts';
import { decisionPatterns } from './decisions.table.ts';
import { yearsApart } from './review.dates.ts';
import { reviewPatterns } from './review.table.ts';
import { blocks, proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Round 19 (b): the policy's header, who decides and concern routes, from the kinds met on two more real dev sets
 * (described in words only). Every sentence here is written for the test, with other schools, roles and layouts; each
 * kind has must-propose-nothing cases (dates that are not a whole number of years apart, two intervals that disagree,
 * a person beside a body, conditions).
 */

const intervalOf = (header: string) => blocks(header)['policyReview.intervalMonths'];

describe('a pair of dates settles the interval only when they are a whole number of years apart', () => {
  it.each([
    ['June 2023', 'June 2024', 12],
    ['12 March 2022', '1 March 2024', 24],
    ['Autumn 2023', 'Autumn 2026', 36],
    ['Spring Term 2024', 'Spring Term 2025', 12],
    // A term beside a month that falls in it.
    ['October 2024', 'Autumn 2025', 12],
    ['Summer 2023', 'May 2025', 24],
    ['21.10.21', '04.10.23', 24],
    // Whole dates a few days either side of a whole year: the school year, or a review dated on another weekday.
    ['01/09/2023', '31/08/2024', 12],
    ['1 January 2023', '31 December 2023', 12],
    ['14/09/2018', '17/09/2019', 12],
    ['3rd September 2022', '29th August 2024', 24],
  ])('%s to %s', (from, to, months) => expect(yearsApart(from, to)).toBe(months));

  it.each([
    // Months that differ: the next review is not a year (or two) on from this one.
    ['July 2022', 'September 2025'],
    ['October 2024', 'September 2025'],
    ['August 2024', 'September 2025'],
    ['1 January 2023', '15 December 2023'],
    ['01/09/2023', '20/08/2024'],
    // Terms that differ, or a month outside the term.
    ['Autumn 2023', 'Spring 2025'],
    ['Summer 2024', 'Autumn 2025'],
    ['January 2024', 'Autumn 2025'],
    // No interval at all, or one longer than a policy's cycle.
    ['May 2024', 'May 2024'],
    ['May 2020', 'May 2025'],
  ])('nothing: %s to %s', (from, to) => expect(yearsApart(from, to)).toBeNull());

  it.each([
    'Date approved: March 2023\nNext review date: March 2025\n',
    'Ratified by the FGB: 14 May 2024\nNext review: May 2025\n',
    'Last reviewed: Summer 2024\nDate of next review: Summer 2025\n',
  ])('a header whose dates are whole years apart: %s', (header) => expect(intervalOf(header)).toBeDefined());

  it.each([
    // An approval date a term or a month away from the review date: no yearly cycle stated.
    'Approved by the Trust Board on 11 July 2023 Applicable from 1 September 2023\nReview date: September 2026\n',
    'Policy reviewed: January 2024\nNext review: September 2025\n',
    // The latest of the header's dates for this version (here the governors' approval) is the one that counts.
    'Reviewed: September 2024\nGovernors approval: November 2024\nNext review: September 2025\n',
    'Date of policy: Autumn 2023\nNext review: Spring 2025\n',
  ])('nothing: %s', (header) => expect(intervalOf(header)).toBeUndefined());

  it('one sentence with both dates, a month apart from a whole year', () => {
    const interval = (sentence: string) => read(reviewPatterns, sentence)['policyReview.intervalMonths'];
    expect(interval('This policy was adopted by the Board of Management on 2 May 2023 and will be reviewed in May 2025.')).toBe(24);
    expect(interval('This policy was adopted by the Board of Management on 2 May 2023 and will be reviewed in June 2025.')).toBeUndefined();
  });
});

describe('two statements of the interval that disagree settle nothing', () => {
  it.each([
    // A header's frequency and the body's sentence.
    'Online Safety Policy\n\nReview frequency: Every 2 years\n\nThe online safety policy and its implementation will be reviewed annually.\n',
    'E-Safety Policy\n\nReview cycle: Annual\n\nThis policy will be reviewed every three years by the Governing Body.\n',
    // A header's dates and the body's sentence.
    'Acceptable Use Policy\n\nDate approved: June 2023\nNext review: June 2024\n\nThe policy will be reviewed every two years.\n',
  ])('%s', (page) => expect(proposals(page)['policyReview.intervalMonths']).toBeUndefined());

  it.each([
    ['Online Safety Policy\n\nThe online safety policy and its implementation will be reviewed annually.\n', 12],
    ['Photography Policy\n\nThe policy and its procedures are reviewed every two years by the Head and governors.\n', 24],
    ['E-Safety Policy\n\nReview frequency: Annual\n\nThis policy and its implementation will be reviewed annually.\n', 12],
  ])('one interval, said twice or once: %s', (page, months) => expect(proposals(page)['policyReview.intervalMonths']).toBe(months));
});

const approverOf = (sentence: string) => read(reviewPatterns, sentence)['policyReview.approvingBody'];

describe("a header's label naming the body beside its approval", () => {
  it.each([
    ['Governor Approval: March 2025', 'Governors'],
    ["Governors' approval: 4 July 2024", 'Governors'],
    ['FGB ratification date: 12/06/2024', 'Full governing body'],
    ['Date of Trust Board approval: Autumn 2023', 'Trust board'],
    ['Board of Management approval: 9 May 2022', 'Board of Management'],
    // A field that names the body settles it with its date left blank.
    ['Governing Body approval: ________', 'Governing body'],
  ])('%s', (line, body) => expect(String(approverOf(line)).toLowerCase()).toBe(body.toLowerCase()));

  it.each([
    // A person's approval, a date still to come, a field that names nobody.
    'Headteacher approval: March 2025',
    'Principal sign-off: 3 June 2024',
    'Governor approval: TBC',
    'Approval: ____',
  ])('nothing: %s', (line) => expect(approverOf(line)).toBeUndefined());
});

describe('those who agreed or wrote the policy, then the body that approved it', () => {
  it.each([
    ['It has been agreed by the Head Teacher, staff and pupils and approved by the Governing Body.', 'Governing body'],
    ['This policy was drafted by the DSL and the computing lead and ratified by the Board of Governors in May 2023.', 'Board of Governors'],
    ['Our acceptable use policy has been discussed with staff and parents, and was then adopted by the Trust Board.', 'Trust board'],
  ])('%s', (sentence, body) => expect(String(approverOf(sentence)).toLowerCase()).toBe(body.toLowerCase()));

  it.each([
    // A person approves (never the approving body), or a person beside a body.
    'It has been agreed by the Governing Body and approved by the Headteacher.',
    'This policy was written by the office and approved by the Principal and the Governors.',
    // A condition: nothing approved yet.
    'If it has been agreed by staff and approved by the governors, the policy is published on the website.',
  ])('nothing: %s', (sentence) => expect(approverOf(sentence)).toBeUndefined());
});

describe('a concern written down, handed to someone, then told outside', () => {
  it.each([
    [
      'If anyone is worried about the conduct of a member of staff, the details will be written down at once. This will be handed directly to the Headteacher. The LADO will be contacted by the Headteacher.',
      ['headteacher'],
      ['lado'],
    ],
    [
      'Where there is an allegation against a teacher the person receiving it records what was said. The record is passed straight to the Principal. The local authority designated officer will then be informed.',
      ['headteacher'],
      ['lado'],
    ],
    [
      "A disclosure of abuse by a pupil is noted in the pupil's own words. It is sent directly to the designated person. The DSL will then contact children's social care.",
      ['dsl'],
      ['social-care'],
    ],
  ])('%s', (paragraph, notify, tell) => {
    const found = proposals(`Safeguarding\n\n${paragraph}\n`);
    const kind = notify[0] === 'dsl' ? 'safeguarding' : 'staff-misuse';
    expect(found[`concerns.routes.${kind}.notify`]).toEqual(notify);
    expect(found[`concerns.routes.${kind}.tell`]).toEqual(tell);
  });

  it('a paragraph naming two kinds: telling the LADO is the staff route, whichever "this" points to', () => {
    // (The twenty-third session: every one of 143 keyed tellings of the LADO is the staff route's.)
    const found = proposals(
      "Safeguarding\n\nStaff record concerns about a child's safety and allegations against staff on the form. This will be handed directly to the Head. The LADO will be contacted by the Head.\n",
    );
    expect(Object.entries(found).filter(([k]) => k.endsWith('.tell'))).toEqual([['concerns.routes.staff-misuse.tell', ['lado']]]);
  });

  it.each([
    // A discretion, not a duty.
    'If a concern is raised about the behaviour of a member of staff, it is written down. This will be handed directly to the Head. The LADO may be contacted by the Head.',
  ])('nothing outside the staff: %s', (paragraph) => {
    const found = proposals(`Safeguarding\n\n${paragraph}\n`);
    expect(Object.keys(found).filter((k) => k.endsWith('.tell'))).toEqual([]);
  });

  it.each([
    "Concerns about a member of staff's conduct are handed directly to the Head Teacher.",
    'Any allegation against a colleague is passed straight to the Principal.',
  ])('handed directly to: %s', (sentence) => expect(read(concernPatterns, sentence)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']));

  it.each([
    // Not handed on, or someone a staff concern may not go to.
    "Concerns about a member of staff's conduct are not handed directly to the Head Teacher but to the Chair of Governors.",
    'Any allegation against a colleague is passed straight to the class teacher.',
  ])('nothing: %s', (sentence) => expect(read(concernPatterns, sentence)['concerns.routes.staff-misuse.notify'] ?? null).toBeNull());
});

describe('those outside the staff told on a condition of their own', () => {
  const tellOf = (paragraph: string) => Object.fromEntries(Object.entries(proposals(`Online Safety\n\n${paragraph}\n`)).filter(([k]) => k.endsWith('.tell')));

  it.each([
    ['Incidents of cyberbullying are logged by the class teacher. Their parents will be informed.', { 'concerns.routes.cyber-bullying.tell': ['carers'] }],
    ['Staff record any allegation about a colleague. The LADO must be told by the Head.', { 'concerns.routes.staff-misuse.tell': ['lado'] }],
    // "If this happens" names the concern itself.
    ['Pupils must not send staff friend requests. The carers will be contacted if this happens.', { 'concerns.routes.contact-attempt.tell': ['carers'] }],
  ])('%s', (paragraph, expected) => expect(tellOf(paragraph)).toEqual(expected));

  it.each([
    // A condition of its own: a crime, the head's judgement, how serious it is.
    'Any allegation against a member of staff is recorded. The police will be contacted where a crime has been committed.',
    'Incidents of cyberbullying are logged by the class teacher. The parents will be informed if the Headteacher considers it necessary.',
    'Incidents of cyberbullying are logged by the class teacher. The parents will be contacted when the incident is serious.',
    // A discretion, or a paragraph that names two kinds.
    'Incidents of cyberbullying are logged by the class teacher. The parents may be informed.',
    'Cyberbullying and allegations against staff are both logged. This will be passed to the Head. The parents will be informed.',
  ])('nothing: %s', (paragraph) => expect(tellOf(paragraph)).toEqual({}));
});

describe('the images used are those named leaders judge fit, in any role names and layout', () => {
  const decidedOf = (sentence: string) => read(decisionPatterns, sentence)['decisions.photoPublication'];

  it.each([
    ['We only use images that the Principal and Board of Governors consider suitable.', ['headteacher', 'governor']],
    ['The school only publishes photographs which the Head Teacher and the FGB deem appropriate.', ['headteacher', 'governor']],
    // A web page's inline markup around the words.
    ['We only use <strong>images</strong> that the Headteacher and Governing Body consider suitable and which<br />', ['headteacher', 'governor']],
    ['We use only <em>photographs</em> that the <b>DSL</b> has approved.', ['dsl']],
  ])('%s', (sentence, roles) => expect(decidedOf(sentence)).toEqual(roles));

  it.each([
    // Anyone's judgement, a possibility, a negation, families' own pictures.
    'We only use <strong>images</strong> that staff consider suitable.',
    'We may use images that the Principal considers suitable.',
    'We do not use <em>images</em> that the Board of Governors considers unsuitable.',
    'Parents only share <strong>photos</strong> that the Headteacher has approved.',
  ])('nothing: %s', (sentence) => expect(decidedOf(sentence)).toBeUndefined());
});
