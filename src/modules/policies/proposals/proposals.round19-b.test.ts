import { describe, expect, it } from 'vitest';
import { reviewPatterns, yearsApart } from './review.table.ts';
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
  ])('%s to %s', (from, to, months) => expect(yearsApart(from, to)).toBe(months));

  it.each([
    // Months that differ: the next review is not a year (or two) on from this one.
    ['July 2022', 'September 2025'],
    ['October 2024', 'September 2025'],
    ['August 2024', 'September 2025'],
    ['1 January 2023', '31 December 2023'],
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
