/**
 * The twenty-fifth session's readings of how often a page is reviewed: the page named as what it is (a guide, a form, a
 * charter, these rules), a header's or footer's fragment with no subject, and cycles that are not the review's.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the page named as what it is', () => {
  it.each([
    ['This guide is reviewed every year by the Deputy Head (Wellbeing).', 12],
    ['This form is part of our data protection arrangements and is reviewed each year by the Business Manager.', 12],
    ['Review: this briefing sheet is checked each September alongside the Online Safety Policy.', 12],
    ['This sheet is reviewed every two years by the safeguarding team.', 24],
    ['These rules were agreed by governors in June 2025 and are reviewed every summer term.', 12],
  ])('%s', (text, months) => {
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], months);
  });

  it('"It is reviewed every year" after a sentence about the charter', () => {
    const read = proposals('This charter was written with the School Council. It is reviewed every year by the DSL and the IT Manager.');
    expect(read).toHaveProperty(['policyReview.intervalMonths'], 12);
  });
});

describe("a header's or footer's fragment with no subject", () => {
  it.each([
    ['Reviewed yearly by the DSL; signed off by the Principal.', 12],
    ['St Mark’s Primary · Photo consent (F2) · March 2025 · Reviewed annually with the Safeguarding Policy', 12],
    ['*Last updated: May 2025 · Reviewed every two years by the Head Teacher and the Curriculum Committee*', 24],
    ['**Reviewed:** each autumn term by the Online Safety Group', 12],
    ['Review: with the Child Protection Policy every September, or sooner if the law changes.', 12],
  ])('%s', (text, months) => {
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], months);
  });

  it('but a row of a table about posts reviewed each summer is not the page', () => {
    expect(proposals('| Website and social media | Reviewed each summer; old posts stay online unless you ask us to take them down |')).not.toHaveProperty([
      'policyReview.intervalMonths',
    ]);
  });

  it('nor a "reviewed" in the middle of a sentence about something else', () => {
    expect(proposals('Posts on the class blog are reviewed each week by the class teacher.')).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});

describe('cycles that are not the review of this policy', () => {
  it('a termly report the governors receive', () => {
    const read = proposals('The Local Governing Body approves this policy and receives a termly safeguarding report from the DSL.');
    expect(read).not.toHaveProperty(['policyReview.intervalMonths']);
  });

  it('the model policy this one is based on', () => {
    const read = proposals('The Trust Board reviews the model policy on which this policy is based every three years.');
    expect(read).not.toHaveProperty(['policyReview.intervalMonths']);
  });

  it('but the policy reviewed every year beside a termly report still is', () => {
    const read = proposals('The governors review this policy every year and receive a termly report on online safety incidents.');
    expect(read).toHaveProperty(['policyReview.intervalMonths'], 12);
  });
});

describe('the approving body said twice', () => {
  it('a header\'s "Reviewed by" body yields to the body that approves it', () => {
    const read = proposals('Approved by: Trust Board\nReviewed by: Local Academy Council\n\nDate approved: 3 July 2025');
    expect(read).toHaveProperty(['policyReview.approvingBody'], 'Trust Board');
  });

  it('but stands for the approver when nothing else names one', () => {
    expect(proposals('Reviewed by: Local Academy Council\n\nDate: 3 July 2025')).toHaveProperty(['policyReview.approvingBody'], 'Local Academy Council');
  });

  it('"Full Governing Board" in the header and "the Governing Board" in the text are one body, by its fuller name', () => {
    const read = proposals(
      'Approved by: Full Governing Board\n\n1. Introduction\n\nThis policy was adopted by the Governing Board of Elm Street Infant School at its meeting on 7 October 2025.',
    );
    expect(read).toHaveProperty(['policyReview.approvingBody'], 'Full Governing Board');
  });

  it('two different bodies still disagree', () => {
    const read = proposals('Approved by: Full Governing Board\n\n1. Introduction\n\nThis policy was adopted by the Curriculum Committee on 7 October 2025.');
    expect(read).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('bodies a school names as its approver', () => {
  it.each([
    ['| Approved by | Senior Leadership Team |', 'Senior Leadership Team'],
    ['Agreed by: SLT, 20 January 2025', 'Senior Leadership Team'],
    ['Adopted by the Interim Executive Board: 4 March 2025', 'Interim Executive Board'],
    ['**Approved:** Online Safety Steering Group, 18 June 2025', 'Online Safety Steering Group'],
  ])('%s', (text, body) => {
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], body);
  });

  it('but a form\'s column "Approved by (SLT / Head of Phase)" is who signs a row', () => {
    expect(proposals('| Date | Post | Approved by (SLT / Head of Phase) |\n|---|---|---|\n| | | |')).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('signature lines', () => {
  it('"Signed: Mrs H. Armitage, Executive Headteacher and DSL" is one signer in both posts', () => {
    const read = proposals('Signed: Rev. J. Moss, Chair of Governors\nSigned: Mrs A. Kent, Executive Headteacher and DSL');
    expect(read).toHaveProperty(['policyReview.signatories'], ['Chair of governors', 'Executive headteacher']);
  });

  it('a carer’s form in an appendix ("Signed: ____ Relationship to pupil: ____") neither adds nor spoils them', () => {
    const read = proposals(
      'Signed: ________________  Chair of the Local Governing Body   Date: 14/03/2025\n\nSigned: ________________  Headteacher   Date: 14/03/2025\n\nAPPENDIX 1: CONSENT FORM\n\nPupil name: ____________\n\nSigned: _______________   Relationship to pupil: ______________',
    );
    expect(read).toHaveProperty(['policyReview.signatories'], ['Chair of the local governing body', 'Headteacher']);
  });

  it('but a deputy signing beside the head still leaves the list unread', () => {
    expect(proposals('Signed: Mrs A. Kent, Headteacher\nSigned: Mr B. Lowe, Deputy Headteacher')).not.toHaveProperty(['policyReview.signatories']);
  });
});

describe('who approves the school’s accounts', () => {
  it('an account "that uses the name or logo of either school" is the school’s', () => {
    const read = proposals(
      'No member of staff, governor or PTA member may set up a social media account, page or group that uses the name or logo of either school, without the written approval of the Executive Headteacher.',
    );
    expect(read).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it('"Only staff authorised by the Head (the Deputy Head …) may post on school accounts" is who posts, not who approves', () => {
    const read = proposals(
      'No new school social media account may be set up without the written approval of the Headteacher.\n\nOnly staff authorised by the Headteacher (currently the Deputy Head and the Computing Lead) may post on school accounts.',
    );
    expect(read).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });
});
