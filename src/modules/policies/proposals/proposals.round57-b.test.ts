/**
 * The forty-third session: the policy's own review and approval. A section reviewed with the whole policy has its own
 * cycle; a review of how the policy is working is no cycle of the policy's; the header's approver, with its committee in
 * brackets, over a later line's; and the Pre-school Leader, who heads the setting, is told as its head.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a section’s own review cycle', () => {
  it('"This section is reviewed every year together with the whole policy…"', () => {
    const text = '12.4 This section is reviewed every year together with the whole policy by the DSL and approved by the governors.';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('"This section is reviewed each year …, and the whole Trips Policy is reviewed every three years": this section’s', () => {
    const text =
      'This section is reviewed each year by the trips coordinator, and the whole Trips Policy is reviewed every three years and approved by the governors.';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('"this section" alone, with no whole policy beside it, sets no cycle', () => {
    const text = 'The safeguarding team reviews this section every term and reports any change to the committee.';
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});

describe('how the policy is working yields to the policy’s own cycle', () => {
  const page = [
    'Community Social Media Policy',
    '',
    '9.1 The Headteacher and the safeguarding governor will review how this policy is working each year, looking at the complaints log.',
    '',
    '9.2 The policy will be reviewed by the governing board every two years, or sooner following a serious incident.',
  ].join('\n');

  it('the policy’s own cycle stands', () => {
    expect(proposals(page)).toHaveProperty(['policyReview.intervalMonths'], 24);
  });

  it('alone, a review of how the policy is working is its cycle', () => {
    const text = 'The governing body will review how this policy is working every two years and update it as needed.';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 24);
  });

  it('"this section" not as what is reviewed sets no cycle', () => {
    const text = 'This section sets out the full procedure; the safeguarding log is reviewed termly by the DSL.';
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});

describe('the header’s approver', () => {
  const page = (header: string) =>
    [
      'Kestrel Learning Trust',
      'Staff Social Media Policy',
      '',
      header,
      '',
      '1. Purpose',
      '',
      'This policy sets out how staff use social media.',
      '',
      ...Array.from({ length: 25 }, (_, i) => `${i + 2}. Section ${i + 2} applies to all staff.`),
      '',
      'Adopted by the Local Governing Body: 2 October 2025.',
    ].join('\n');

  it('"Approved by: Trust Board (Safeguarding & Standards Committee)" over a school’s later "Adopted by the Local Governing Body"', () => {
    expect(proposals(page('Approved by: Trust Board (Safeguarding & Standards Committee)    Date approved: 9 July 2025'))).toHaveProperty(
      ['policyReview.approvingBody'],
      'Trust Board',
    );
  });

  it('an earlier approval near the top is no header label', () => {
    expect(proposals(page('This policy was first approved by the Trust Board in 2019.'))).not.toHaveProperty(['policyReview.approvingBody']);
  });

  it('a header naming a committee beside the board, after a dash, is no clearer than the later line', () => {
    expect(proposals(page('Approved by: Trust Board – Audit & Risk Committee'))).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('the Pre-school Leader heads the setting', () => {
  it('"…must be reported to the Pre-school Leader straight away"', () => {
    const text = 'If anyone has a concern about the behaviour of a member of staff, this must be reported to the Pre-school Leader straight away.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });
});
