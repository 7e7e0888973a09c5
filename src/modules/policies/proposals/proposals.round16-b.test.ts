import { describe, expect, it } from 'vitest';
import { concernPatterns } from './concerns.table.ts';
import { reviewPatterns } from './review.table.ts';
import { blocks, proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Round 16 (b): the policy's header and concern routes as schools anywhere write them, from the kinds met on two more
 * real dev sets (described in words only). Every sentence here is written for the test, with other schools, roles and
 * structures; each kind has must-propose-nothing cases.
 */

describe('a field that names the approving body with its date left blank still approves (the keying guide)', () => {
  it.each([
    ['Adopted by the Board of Trustees on: ______________', 'Board of trustees'],
    ['Ratified by Governing Body (date):', 'Governing body'],
    ['Policy approved by the Local Governing Body on:', 'Local governing body'],
    ['This charter was ratified by the Board of Management on ____________.', 'Board of Management'],
    ['Approved by the Board of Management:', 'Board of Management'],
  ])('%s → %s', (line, body) => expect(read(reviewPatterns, line)).toEqual({ 'policyReview.approvingBody': body }));

  it('a schedule whose approval date is blank and whose next rows are other fields', () => {
    const page =
      'Online Safety Policy\n\nSchedule\n\nPolicy adopted by the Governing Board on:\n\n\nMonitored by:\n\nComputing Lead\n\nPupils use the internet.';
    expect(proposals(page)['policyReview.approvingBody']).toBe('Governing Board');
  });

  it.each([
    // Nobody named, a template's choices, or a date that says it has not happened yet.
    'Approved by: ______________',
    'Ratified by: (date)',
    'Approved by the Governing Body / Board of Directors on: ________',
    'Date adopted by governors: TBC',
    'Agreed by the Trust Board: pending',
    // A person is never the approving body, blank date or not.
    'Approved by the Headteacher on: ________',
  ])('no approver from: %s', (line) => expect(read(reviewPatterns, line)).not.toHaveProperty('policyReview.approvingBody'));
});

describe('the body as the subject of the approval: "The Board of Governors has approved this policy"', () => {
  it.each([
    ['The Board of Governors has approved this policy at its meeting in June 2023.', 'Board of Governors'],
    ['Our Governing Body reviewed and adopted the following on 4 March 2022:', 'Governing body'],
    ['The Trustees ratified this document in the autumn term of 2021.', 'Trustees'],
    ['The Local Governing Body has discussed and approved the policy.', 'Local governing body'],
    ['The Board of Management has considered and ratified this Acceptable Use Policy.', 'Board of Management'],
  ])('%s → %s', (sentence, body) => expect(read(reviewPatterns, sentence)).toEqual({ 'policyReview.approvingBody': body }));

  it.each([
    // What a body will do, may do, or has not done; a person; a person beside the body; not the policy.
    'The Governing Body will approve this policy in May.',
    'The Board of Management has not yet ratified this policy.',
    'The Governing Body may adopt the following at its next meeting.',
    'The Headteacher has approved this policy.',
    'The Principal and the Board of Management have approved this charter.',
    'If the governors have approved the policy, staff will be told.',
    'The governors have approved the purchase of new cameras.',
    'The Board of Directors / Governing Body has approved this policy.',
  ])('no approver from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.approvingBody'));
});

describe('another step first, then the approval: "This AUP was revised in May and ratified by the Board"', () => {
  it.each([
    ['This policy was written on 3 May 2021 and ratified by the Board of Management in June 2021.', 'Board of Management'],
    ['The AUP was updated in September 2022 and approved by the governors.', 'Governors'],
    ['Our e-safety policy was drawn up by staff in 2020 and subsequently adopted by the Trust Board.', 'Trust board'],
    ['This code of conduct was revised on 02/03/2019 and adopted by the BoM 1 April 2019', 'Board of Management'],
  ])('%s → %s', (sentence, body) => expect(read(reviewPatterns, sentence)).toEqual({ 'policyReview.approvingBody': body }));

  it.each([
    'This policy was drafted in May and will be ratified by the Board in June.',
    'This policy was updated in 2022 and has not been ratified by the governors.',
    'This policy was revised by the Principal and approved by the Principal.',
  ])('no approver from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.approvingBody'));
});

describe('a header cell "Date reviewed by <body>", and "Reviewed by:" a committee', () => {
  it.each([
    // The value cell names the body as the school does; otherwise the label's body.
    ['Date reviewed by the Governing Body | LGB 3.5.2023 |', 'Local governing body'],
    ['Date reviewed by the Trust Board | 14 July 2024 |', 'Trust board'],
    ['Reviewed by: Standards and Curriculum Committee, Spring 2024', 'Standards and curriculum committee'],
    ['Reviewed by: Governors’ Resources Committee', "Governors' resources committee"],
  ])('%s → %s', (line, body) => expect(read(reviewPatterns, line)['policyReview.approvingBody']).toEqual(body));

  it.each(['Date reviewed by the Headteacher | 3 May 2022 |', 'Reviewed by: Computing Lead', 'Date reviewed by | 3 May 2022 |'])(
    'no approver from: %s',
    (line) => expect(read(reviewPatterns, line)).not.toHaveProperty('policyReview.approvingBody'),
  );
});

describe('how often the policy is reviewed: a hope is no cycle; a label with its answer on the next line', () => {
  it.each([
    'It is envisaged that the governors will review this policy every two years.',
    'We hope to review the policy annually with parents.',
    'It is anticipated that this AUP will be revised each year.',
    'Ideally the policy will be reviewed every year.',
  ])('no interval from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.intervalMonths'));

  it('the plain statement still gives the interval', () => {
    expect(read(reviewPatterns, 'This policy will be reviewed every two years by the governors.')).toEqual({ 'policyReview.intervalMonths': 24 });
  });

  it.each([
    ['This policy will be reviewed:\n\nEvery two years in the autumn term', 24],
    ['Review frequency\nAnnually', 12],
    ['The document is to be reviewed:\nEvery three years', 36],
    ['This policy will be reviewed:\nAnnually, or sooner if the law changes', 12],
  ])('%s → %s months', (text, months) => expect(blocks(text)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // Another row of the schedule; no interval; a discretion.
    'Monitoring will take place:\n\nAnnually during Term 6',
    'This policy will be reviewed:\n\nWhen legislation changes',
    'This policy will be reviewed:\nNot annually but as needed',
    'The implementation of this policy will be monitored by:\nComputing Lead',
  ])('no interval from: %s', (text) => expect(blocks(text)).not.toHaveProperty('policyReview.intervalMonths'));
});

describe('the approval date and a "To be reviewed:" date in one header line', () => {
  it.each([
    ['Agreed by the Trust Board: May 2022 To be reviewed: May 2024', 24],
    ['Approved by Governors – Autumn 2023 – To be reviewed: Autumn 2024', 12],
    ['Ratified by the Board of Management: March 2020 Next to be reviewed: March 2023', 36],
  ])('%s → %s months', (text, months) =>
    expect(proposals(`Child Protection Policy\n\n${text}\n\nWe keep children safe.`)['policyReview.intervalMonths']).toBe(months),
  );

  it.each([
    'Agreed by the Trust Board: May 2022 To be reviewed: as required',
    'Agreed by the Trust Board: May 2022 May not be reviewed: before May 2024',
    'Agreed by the Trust Board: May 2022 To be reviewed: May 2023 or May 2024',
  ])('no interval from: %s', (text) =>
    expect(proposals(`Child Protection Policy\n\n${text}\n\nWe keep children safe.`)).not.toHaveProperty('policyReview.intervalMonths'),
  );
});

describe('"Review Date" beside "Review Due": the date is this review, the due date the next', () => {
  it.each([
    ['E-Safety Policy\n\nReview Date\n\nMarch 2021\n\nReview Cycle\n\n\nReview Due (unless the law changes)\n\nMarch 2023\n\nAuthor\n\nComputing Lead', 24],
    ['Photography Policy\nReview date: September 2023\nDue for review: September 2024\nOwner: Business Manager', 12],
  ])('%s → %s months', (page, months) => expect(blocks(page)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // A due date alone, or a "review date" that is the next review with nothing before it.
    'Online Safety Policy\n\nReview Due: March 2025\n\nAims',
    'Online Safety Policy\n\nReview date: March 2025\n\nAims',
  ])('no interval from: %s', (page) => expect(blocks(page)).not.toHaveProperty('policyReview.intervalMonths'));
});

describe('a signature line whose post is written "Chairperson, Board of Management"', () => {
  it.each([
    ['Signed: _______________ (Chairperson, Board of Management)\nDate: __________', ['Chairperson, Board of Management']],
    ['Signature: ______ Chairman, Board of Governors', ['Chairman, Board of Governors']],
    ['Signed: ________ Principal\nSigned: ________ (Chairperson, Board of Management)', ['Principal', 'Chairperson, Board of Management']],
  ])('%s → %j', (text, roles) => {
    const value = blocks(text)['policyReview.signatories'] as string[];
    expect(value.map((r) => r.toLowerCase())).toEqual(roles.map((r) => r.toLowerCase()));
  });

  it.each([
    // Someone whose post we do not read also signs: a partial list is wrong.
    'Signed: _______ (Secretary, Board of Management)',
    'Signed: _______ (Chairperson, Board of Management)\nSigned: _______ (Secretary, Board of Management)',
  ])('no signatories from: %s', (text) => expect(blocks(text)).not.toHaveProperty('policyReview.signatories'));
});

describe('misuse "either by a teacher or a pupil": misuse by staff is one of its kinds', () => {
  it.each([
    ['If teachers learn of misuse, either by a colleague or a pupil, it should be reported to the Head Teacher without delay.', ['headteacher']],
    ['Should staff become aware of misuse, whether by a member of staff or a child, it must be reported to the Principal immediately.', ['headteacher']],
    ['Any misuse, either by a teacher or a pupil, must be passed to the DSL at once.', ['dsl']],
  ])('%s → %j', (sentence, roles) =>
    expect(read(concernPatterns, sentence)).toEqual({ 'concerns.routes.staff-misuse.notify': roles, 'concerns.routes.staff-misuse.immediate': true }),
  );

  it.each([
    // A pupil's misuse alone is no staff misuse; a discretion; a negation.
    'Misuse by a pupil should be reported to the class teacher straight away.',
    'Misuse, either by a teacher or a pupil, may be reported to the Head.',
    'Misuse, whether by a teacher or a pupil, need not be reported to the Principal.',
  ])('no staff-misuse route from: %s', (sentence) => {
    const found = read(concernPatterns, sentence);
    expect(found).not.toHaveProperty('concerns.routes.staff-misuse.notify');
    expect(found).not.toHaveProperty('concerns.routes.staff-misuse.immediate');
  });
});

describe('"told at once" only about the people outside the staff sets no route’s urgency', () => {
  it.each([
    'If a pupil is at risk of harm, the relevant authorities must be informed immediately.',
    'Where posts raise safeguarding concerns, the appropriate agencies will be contacted without delay.',
    'Where a child is at risk of harm, the police will be contacted straight away.',
  ])('no immediate from: %s', (sentence) => expect(read(concernPatterns, sentence)).not.toHaveProperty('concerns.routes.safeguarding.immediate'));

  it.each([
    'Where a child is at risk of harm, the DSL must be informed immediately and will contact the police.',
    'Any safeguarding concern must be reported to the Designated Safeguarding Lead without delay.',
  ])('a staff recipient told at once: %s', (sentence) => expect(read(concernPatterns, sentence)['concerns.routes.safeguarding.immediate']).toBe(true));
});

describe('families, pupils or visitors told whom to tell, in the middle of a sentence', () => {
  it.each([
    'The academy has an anti-bullying policy and parents, pupils and visitors who see cyberbullying should report it straight away to the Head of Year or the Principal.',
    'We take safety seriously, and children who are worried about abuse should tell the DSL immediately.',
    'Safety matters to us; carers who suspect a child is at risk of harm are asked to contact the Headteacher at once.',
  ])('no route from: %s', (sentence) => {
    const found = Object.keys(read(concernPatterns, sentence));
    expect(found.filter((k) => /\.(notify|immediate)$/.test(k))).toEqual([]);
  });

  it.each([
    [
      'If a pupil tells a teacher about cyberbullying, the teacher must report it to the Headteacher immediately.',
      { 'concerns.routes.cyber-bullying.notify': ['headteacher'], 'concerns.routes.cyber-bullying.immediate': true },
    ],
    [
      'Staff who are worried that pupils are at risk should report it to the DSL immediately.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
  ])('staff still route it: %s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));
});

describe('more header wordings of the same kinds: "Date of approval by <body>", "Policy reviewed annually", "and due for review in <date>"', () => {
  it.each([
    ['Date of approval by the Governing Body: 12/03/2023', { 'policyReview.approvingBody': 'Governing body' }],
    ['Date of ratification by the Board of Management: 4 June 2021', { 'policyReview.approvingBody': 'Board of Management' }],
    ['Policy reviewed annually.', { 'policyReview.intervalMonths': 12 }],
    ['Document reviewed every three years', { 'policyReview.intervalMonths': 36 }],
    [
      'Approved by the Local Governing Body in May 2023 and due for review in May 2025.',
      { 'policyReview.approvingBody': 'Local governing body', 'policyReview.intervalMonths': 24 },
    ],
  ])('%s', (line, expected) => expect(read(reviewPatterns, line)).toEqual(expected));

  it.each([
    ['Date of approval by: ________', {}],
    ['Date of approval by the Headteacher: 3 May 2022', {}],
    ['Policy reviewed by the Computing Lead.', {}],
    // Not due before a date is no interval.
    ['Approved by the governors in May 2023 and not due for review until May 2025.', { 'policyReview.approvingBody': 'Governors' }],
  ])('nothing more than the body from: %s', (line, expected) => expect(read(reviewPatterns, line)).toEqual(expected));
});

describe('the approving body as the policy writes it', () => {
  it.each([
    ['Online Safety Policy\nReviewed by: PP&C Committee March 2026\nNext Review: Spring 2027', 'PP&C Committee'],
    ['Photography Policy\n\nThis policy was adopted by the Board of Governors in May 2024.', 'Board of Governors'],
    // Capitals say nothing of how the name is written; an abbreviation is written out.
    ['Online Safety Policy\n\nAGREED BY GOVERNORS:\nREVIEW DATE: September 2024', 'Governors'],
    ['Online Safety Policy\n\nApproved by: FGB, 3 March 2024', 'Full governing body'],
  ])('%s → %s', (page, body) => expect(proposals(page)['policyReview.approvingBody']).toBe(body));
});
