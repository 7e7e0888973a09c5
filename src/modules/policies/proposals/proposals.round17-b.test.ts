import { describe, expect, it } from 'vitest';
import { concernPatterns } from './concerns.table.ts';
import { reviewPatterns } from './review.table.ts';
import { monthOf } from './text.dates.ts';
import { proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Round 17 (b): the policy's header and concern routes as schools anywhere write them, from the kinds met on two more
 * real dev sets (described in words only). Every sentence here is written for the test, with other schools, roles and
 * structures; each kind has must-propose-nothing cases.
 */

const noDate = () => null;

describe('an academic year as a date: approved in one school year, reviewed in the next', () => {
  it.each([
    ['in the academic year 2018/2019', 2018 * 12 + 8],
    ['during school year 2024-25', 2024 * 12 + 8],
    ['2022/23', 2022 * 12 + 8],
    ['2019 – 2020', 2019 * 12 + 8],
  ])('%s is read as its first September', (text, month) => expect(monthOf(text, noDate)).toBe(month));

  it.each(['2018/2020', '2019-2022', '1999/2010'])('%s is no one academic year', (text) => expect(monthOf(text, noDate)).toBeNull());

  it.each([
    ['The Board of Management adopted this policy in the academic year 2020/2021; it will be reviewed in the academic year 2021/2022.', 12],
    ['This policy was ratified by the Board of Management during the school year 2016-17 and is to be reviewed in the school year 2018-19.', 24],
    ['This policy was agreed by the governors in the academic year 2022/23 and will be reviewed in 2023/24.', 12],
  ])('%s', (sentence, months) => expect(read(reviewPatterns, sentence)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // Two years apart but not as whole academic years, a choice of years, or a hope.
    'This policy was approved by the governors in 2018/2020 and will be reviewed in 2021.',
    'This policy was approved by the Board of Management in 2019/2020 and may be reviewed in 2020/2021.',
    'This policy was approved by the governors in 2021/22 and will be reviewed in 2022/23 or 2023/24.',
  ])('nothing: %s', (sentence) => expect(read(reviewPatterns, sentence)['policyReview.intervalMonths']).toBeUndefined());
});

describe("an independent school's owners approve: 'authorised by', the Directors, the Proprietor", () => {
  it.each([
    ['2. This policy has been authorised by the Directors of Oakfield Education Limited and applies to all staff.', 'Directors'],
    ['This document is authorized by the Proprietor and is available to parents on request.', 'Proprietor'],
    ['Approved by the Proprietors on 4 June 2024.', 'Proprietors'],
    ['Authorised by: Board of Governors', 'Board of Governors'],
    ['Policy agreed by: Local Governing Body, Spring 2025', 'Local governing body'],
  ])('%s → %s', (sentence, body) => expect(read(reviewPatterns, sentence)['policyReview.approvingBody']).toBe(body));

  it.each([
    // A person, a post that is no body, a condition, a template's choice, or something else authorised.
    'This policy is authorised by the Principal.',
    'Authorised by: Director of Studies',
    'Any photograph must be authorised by the Headteacher before it is published.',
    'If this policy is authorised by the Directors, it will apply from September.',
    'Approved by the Directors / Governing Body on: ______',
  ])('nothing: %s', (sentence) => expect(read(reviewPatterns, sentence)['policyReview.approvingBody']).toBeUndefined());

  it('a whole page: the clause that authorises the policy', () => {
    const page = 'Use of Images Policy\n\n1. This policy has been authorised by the Directors of Hillcrest School Ltd.\n\n2. It covers all images of pupils.';
    expect(proposals(page)['policyReview.approvingBody']).toBe('Directors');
  });
});

describe("pupils trying to join staff members' own social networking pages is a contact attempt; 'if this happens' points back", () => {
  it('a bullet: the rule, who the member of staff tells, and the carers told', () => {
    const page =
      'Staff and social networking\n\n' +
      "• Pupils must not try to add a teacher's personal profile on social networking sites. If pupils attempt to do this, the teacher is to tell the Headteacher. Carers will be contacted if this happens.\n";
    const found = proposals(page);
    expect(found['concerns.routes.contact-attempt.notify']).toEqual(['headteacher']);
    expect(found['concerns.routes.contact-attempt.tell']).toEqual(['carers']);
  });

  it('should this happen, on a page naming the kind before', () => {
    const page =
      "Online contact\n\nA learner may request to follow a member of staff's private account on Instagram. Should this happen, the member of staff will report it to the Designated Safeguarding Lead.\n";
    expect(proposals(page)['concerns.routes.contact-attempt.notify']).toEqual(['dsl']);
  });

  it.each([
    // "If this happens" with nothing before it that names a kind, or a paragraph naming two kinds.
    'Phones\n\nPhones are kept in lockers. If this happens, the Head will be told. Parents will be informed if this happens.\n',
    'Online life\n\nCyberbullying and sexting are both serious. If this happens, staff must inform the Principal straight away.\n',
    // The pupil trying to join staff pages is named, but what follows is a discretion.
    "Contact\n\nStudents sometimes try to join a staff member's pages on social media. If students attempt to do this, the member of staff may tell the Principal.\n",
  ])('nothing: %s', (page) => {
    const found = Object.keys(proposals(page)).filter((k) => k.startsWith('concerns.'));
    expect(found).toEqual([]);
  });
});

describe('the school contacts those outside the staff, in the active voice', () => {
  it.each([
    ['Any allegation against a member of staff goes to the Principal, who will then contact the LADO for advice.', 'staff-misuse', ['lado']],
    ["Where a pupil is at risk of harm, the Designated Teacher for Child Protection will contact children's social care.", 'safeguarding', ['social-care']],
    ['The Head Teacher must inform the police of any sexting incident involving a pupil.', 'safeguarding', ['police']],
    ['In every case of cyber bullying, the Head of School will notify the parents of the pupils involved.', 'cyber-bullying', ['carers']],
    [
      'The Child Protection Officer must refer the matter to the Local Authority Designated Officer when an adult is alleged to have behaved inappropriately towards a child.',
      'staff-misuse',
      ['lado'],
    ],
  ])('%s', (sentence, kind, who) => expect(read(concernPatterns, sentence)[`concerns.routes.${kind}.tell`]).toEqual(who));

  it.each([
    // A family told whom to call, a discretion, a negation, a matter to consider, or someone inside the staff.
    'Parents should contact the police if they think their child is being groomed online.',
    'Where a child is at risk of harm, the DSL may contact the police.',
    'The DSL will not contact the parents first where a child discloses abuse.',
    'In cases of cyberbullying, the Head will consider whether to contact the police.',
    'Any safeguarding concern will be passed to the DSL, who will contact the Deputy Head.',
    'If you are worried about a child at risk of harm, you should contact the police.',
  ])('nothing: %s', (sentence) => expect(Object.keys(read(concernPatterns, sentence)).filter((k) => k.endsWith('.tell'))).toEqual([]));
});

describe("'within one working day' is a time to act by the next school day", () => {
  it.each([
    ['Any allegation against a member of staff must be reported to the Principal within one working day.', 'staff-misuse'],
    ['Incidents of online bullying will be passed to the Head of Year within 1 school day.', 'cyber-bullying'],
  ])('%s', (sentence, kind) => expect(read(concernPatterns, sentence)[`concerns.routes.${kind}.deadline`]).toBe('next-school-day'));

  it.each([
    // A discretion, several days, or a time for telling those outside the staff only.
    'Incidents of cyberbullying may be reported to the Head within one working day.',
    'Incidents of cyberbullying will be reported to the Head within five working days.',
    'Allegations against a member of staff must be notified to the LADO within one working day.',
    'An allegation that a teacher behaved inappropriately will be reported to the Head, who must speak to the LADO within one working day.',
  ])('nothing: %s', (sentence) => expect(Object.keys(read(concernPatterns, sentence)).filter((k) => k.endsWith('.deadline'))).toEqual([]));
});
