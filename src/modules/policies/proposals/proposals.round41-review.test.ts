/**
 * The twenty-seventh session's readings of who approves a policy: "is reviewed … by X and approved by Y", a committee
 * named with the board it belongs to, a committee of several words before "&", and one body named with and without
 * whose it is.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('approved after being reviewed by someone else', () => {
  it('"is reviewed every year by the DSL and approved by the Governing Body"', () => {
    const read = proposals('This policy is reviewed every year by the DSL and the Deputy Head, and approved by the Full Governing Body.');
    expect(read).toHaveProperty(['policyReview.approvingBody'], 'Full Governing Body');
    expect(read).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('but not when the approval is on a condition', () => {
    const read = proposals('If this policy is reviewed early by the DSL and approved by the Governing Body, the new date is shown below.');
    expect(read).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe("a committee's whole name", () => {
  it('"the Governing Board\'s Curriculum Committee" keeps whose committee it is', () => {
    expect(proposals("The policy is reviewed each year by the Head and approved by the Governing Board's Curriculum Committee.")).toHaveProperty(
      ['policyReview.approvingBody'],
      "Governing Board's Curriculum Committee",
    );
  });

  it('"Pupil Care & Safeguarding Committee" keeps both words before the "&"', () => {
    expect(proposals('Approved by: Pupil Care & Safeguarding Committee')).toHaveProperty(['policyReview.approvingBody'], 'Pupil Care & Safeguarding Committee');
  });

  it('"the Trust\'s Audit Committee" is not the "S Audit Committee"', () => {
    const read = proposals("This guidance is approved by the Trust's Audit Committee.");
    expect(read['policyReview.approvingBody']).not.toMatch(/^s /i);
  });

  it('one committee named with and without whose it is: the fuller name', () => {
    const text = ["Approved by: Governors' Pupil Welfare Committee", '', 'This policy was approved by the Pupil Welfare Committee on 4 May 2025.'].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], "Governors' Pupil Welfare Committee");
  });

  it('but two different bodies are no one body', () => {
    const text = ["Approved by: Governors' Pupil Welfare Committee", '', 'This policy was approved by the Finance Committee on 4 May 2025.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('signature lines', () => {
  it("a grown-up's signature on a pupils' agreement is a form's, and spoils none of the policy's own", () => {
    const text = [
      '5. KS1 Pupil Agreement',
      'I will tell a grown-up if something upsets me.',
      'My name:',
      "Grown-up's signature:",
      '',
      '6. Review',
      'This policy is reviewed every year.',
      '',
      'Signed: ____________________ Headteacher',
      'Signed: ____________________ Chair of Governors',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.signatories'], ['Headteacher', 'Chair of governors']);
  });

  it('a signature block ends at the next numbered heading', () => {
    const text = [
      'Staff signature',
      'Name:',
      'Signed:',
      'Date:',
      '',
      '4. Pupil Agreement (Years 3 to 6)',
      'I will be kind online.',
      '',
      'Signed: ____________________ Headteacher',
      'Signed: ____________________ Chair of Governors',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.signatories'], ['Headteacher', 'Chair of governors']);
  });

  it("a committee's chair keeps the committee's whole name", () => {
    const text = ['Signed: .......................... Headteacher', '', "Signed: .......................... Chair, Governors' Standards Committee"].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.signatories'], ['Headteacher', "Chair, governors' standards committee"]);
  });

  it('what the chair is besides, in brackets, is no other signer', () => {
    const text = ['Signed: Mrs A. Byrne, Chair of Governors (Parent Governor)', 'Signed: Mr T. Noor, Headteacher'].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.signatories'], ['Chair of governors', 'Headteacher']);
  });

  it('but a deputy signing beside them still spoils the list', () => {
    const text = ['Signed: ______ Headteacher', 'Signed: ______ Deputy Headteacher', 'Signed: ______ Chair of Governors'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.signatories']);
  });
});
