/**
 * The twenty-second session's approving bodies: a committee is named with the board it is a committee of, as the text
 * names it (the keying guide: "the body as the text names it").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a committee of a board', () => {
  it.each([
    ['Approved by: Teaching and Welfare Committee of the Board of Governors', 'Teaching and Welfare Committee of the Board of Governors'],
    ['| Approved by | Audit & Risk Committee of the Board of Directors |', 'Audit & Risk Committee of the Board of Directors'],
    ['Agreed by: the Standards Committee of the Board of Trustees', 'Standards Committee of the Board of Trustees'],
    ['Reviewed by: Pastoral Committee of the Local Governing Body', 'Pastoral Committee of the Local Governing Body'],
  ])('%s', (line, body) => {
    expect(proposals(`Online Safety Policy\n\n${line}\n\nThis policy sets out how we keep pupils safe online.`)).toHaveProperty(
      ['policyReview.approvingBody'],
      body,
    );
  });

  it('a committee alone stays itself', () => {
    expect(proposals('Online Safety Policy\n\nApproved by: Pupil Welfare Committee\n\nThis policy sets out how we keep pupils safe online.')).toHaveProperty(
      ['policyReview.approvingBody'],
      'Pupil Welfare Committee',
    );
  });
});
