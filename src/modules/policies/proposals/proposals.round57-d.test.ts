/**
 * The forty-third session: a receipt under the signatures ("Received by Trust Safeguarding Lead: RM 07/10/24") ends
 * the block, as an approval's date does; whoever received the page signed nothing.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const page = (after: string) =>
  [
    'Online Safety Front Sheet',
    '',
    'This sheet sets out how our academy follows the trust policy.',
    '',
    'Signed (Headteacher):   A Brennan                       Date: 30.9.24',
    '',
    'Signed (Chair of Governors):  ___________________________    Date: ______________',
    '',
    after,
  ].join('\n');

describe('a receipt under the signatures', () => {
  it('"Received by the Trust Safeguarding Lead" is no signer', () => {
    expect(proposals(page('Received by Trust Safeguarding Lead:  RM  07/10/24'))).toHaveProperty(
      ['policyReview.signatories'],
      ['Headteacher', 'Chair of governors'],
    );
  });

  it('"Noted by the Clerk to Governors" is none either', () => {
    expect(proposals(page('Noted by the Clerk to Governors, 8 October 2024'))).toHaveProperty(
      ['policyReview.signatories'],
      ['Headteacher', 'Chair of governors'],
    );
  });

  it('a deputy signing below still spoils the list', () => {
    expect(proposals(page('Signed (Deputy Headteacher): ____________ Date: ______'))).not.toHaveProperty(['policyReview.signatories']);
  });
});
