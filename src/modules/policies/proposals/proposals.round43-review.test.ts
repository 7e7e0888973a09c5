/**
 * The twenty-ninth session's reading of signature lines: a post the role titles do not know, written on the line to sign
 * on in the school's own words ("Signed: ____ Education Director", "Nursery Manager signature: ____", "Signed: ....
 * (Chair of the Corff Llywodraethu)"), is read as written. A name, a form's signer or a line with no blank is not.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const signatories = 'policyReview.signatories';

describe('a post written on the line to sign on', () => {
  it.each([
    [
      ['Signed: ______________________ Education Director', '', 'Signed: ______________________ Chair of the Board of Trustees'],
      ['Education Director', 'Chair of the board of trustees'],
    ],
    [
      ['Signed: ____________________________ Nursery Manager', '', 'Signed: ____________________________ Registered Person'],
      ['Nursery Manager', 'Registered Person'],
    ],
    [['Setting Manager signature: _______________________   Date: ___________'], ['Setting Manager']],
    [
      ['Signed: ........................ (Chair of the Corff Llywodraethu)   Date: ..........', '', 'Signed: ........................ Pennaeth'],
      ['Chair of the Corff Llywodraethu', 'Pennaeth'],
    ],
    [
      ['Signed: ______________________ Chair, Pupil Welfare and Community Committee', '', 'Signed: ______________________ Headteacher'],
      ['Chair, Pupil Welfare and Community Committee', 'Headteacher'],
    ],
  ])('%j', (lines, expected) => {
    expect(proposals(['Review', '', 'This policy is reviewed every year.', '', ...lines].join('\n'))).toHaveProperty([signatories], expected);
  });
});

describe('what is not a post on a signature line', () => {
  it('a name where the post should be spoils the list', () => {
    const text = ['Signed: ______________________ Mrs J. Patel', '', 'Signed: ______________________ Headteacher'].join('\n');
    expect(proposals(text)).not.toHaveProperty([signatories]);
  });

  it("a carer's signature on the form in the appendix is not the policy's", () => {
    const text = [
      'Signed: ______________________ Headteacher',
      '',
      'Appendix 2: consent form',
      '',
      'Parent/carer signature: ______________   Date: ______',
    ].join('\n');
    expect(proposals(text)).toHaveProperty([signatories], ['Headteacher']);
  });

  it('a line with no blank to sign on names no signer', () => {
    expect(proposals('Signed off by the Education Director on the recommendation of the trustees.')).not.toHaveProperty([signatories]);
  });
});

describe('posts still left unsaid on a signature line', () => {
  it.each([
    'Signed: ______________________ Deputy Headteacher',
    'Signed: ______________________ Head of Year 7',
    'Signed: ______________________ Secretary, Board of Management',
  ])('%s beside the head spoils the list', (other) => {
    expect(proposals(['Signed: ______________________ Headteacher', '', other].join('\n'))).not.toHaveProperty([signatories]);
  });
});

describe('how often the policy is looked at', () => {
  it.each([
    ['This guide is checked every year alongside our full Online Safety Policy.', 12],
    ['We look at this policy again: every year', 12],
    ['The policy will now be reviewed every year rather than every two years, so it keeps up with changes.', 12],
    ['This policy will be reviewed every two years instead of every year.', 24],
  ])('%s', (sentence, months) => {
    expect(proposals(`Review\n\n${sentence}`)).toHaveProperty(['policyReview.intervalMonths'], months);
  });

  it('photographs checked every term are no review of the policy', () => {
    expect(proposals('Photographs on the website are checked every term by the office.')).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});
