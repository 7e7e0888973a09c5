/**
 * The thirty-first session's reading of a policy header's "Signed (Chair): T. Halloran": in the header of a policy, the
 * chair of its governors; further down a page of minutes, the chair of the meeting, which is not read so.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"Signed (Chair)" in a policy\'s header', () => {
  it('is the chair of governors', () => {
    const text = [
      'Oakfield Primary School',
      '',
      'ONLINE SAFETY POLICY',
      '',
      'Approved by:              Full Governing Body',
      'Date approved:            3 October 2024',
      'Signed (Chair):           P. Grant',
      'Signed (Headteacher):     L. Osei',
      'Next review:              Autumn Term 2025',
    ].join('\n');
    const signatories = proposals(text)['policyReview.signatories'] as string[] | undefined;
    expect(signatories?.map((role) => role.toLowerCase())).toEqual(['chair of governors', 'headteacher']);
  });

  it('at the foot of a long page of minutes is not', () => {
    const text = [
      'Minutes of the Local Governing Committee',
      '',
      ...Array.from({ length: 40 }, (_, i) => `${i + 1}. Item noted.`),
      '',
      'Signed (Chair): ..........   Date: ........',
    ].join('\n');
    const signatories = proposals(text)['policyReview.signatories'] as string[] | undefined;
    expect(signatories?.map((role) => role.toLowerCase())).not.toEqual(['chair of governors']);
  });
});
