/**
 * The twenty-sixth session's readings of the policy's own paperwork: other things reviewed on a cycle, a guide's or a
 * page of rules' approval, and governors' committees named with several words.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('what else is reviewed on a cycle is not the policy’s review', () => {
  it.each([
    ['The Communications Manager reviews each account every term and may close any account not run in line with this policy.', 24],
    ['The DSL reviews the operation of this policy annually and reports to the governors.', 36],
  ])('%s', (text, months) => {
    const read = proposals(`${text}\n\nThis policy will be reviewed every ${months === 24 ? 'two' : 'three'} years.`);
    expect(read).toHaveProperty(['policyReview.intervalMonths'], months);
  });
});

describe('a guide or a page of rules agreed by a body', () => {
  it.each([
    ['These rules were agreed by the Governing Body in July 2024 and are looked at again each summer.', 'Governing Body'],
    ['This guide was agreed by the Local Governing Board in March 2025.', 'Local Governing Board'],
    ['This procedure has been agreed by the Trust Board and is shared with every academy.', 'Trust Board'],
  ])('%s', (text, approver) => {
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], approver);
  });
});

describe('a governors’ committee named with several words', () => {
  it.each([
    ['Approved by: Governors’ Pastoral and Welfare Committee', 'Governors’ Pastoral and Welfare Committee'],
    [
      'This guide was written by the DSL and approved by the Governors’ Safeguarding & Welfare Committee on 2 October 2024.',
      'Governors’ Safeguarding & Welfare Committee',
    ],
  ])('%s', (text, approver) => {
    const read = proposals(text);
    expect(String(read['policyReview.approvingBody']).toLowerCase().replace(/’/g, "'")).toBe(approver.toLowerCase().replace(/’/g, "'"));
  });
});
