/**
 * The thirty-third session's reading of a policy approved by a committee and then ratified by the full board: the body
 * that ratifies has the last word.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('approved by a committee, ratified by the board', () => {
  it.each([
    ['Approved by the Staffing Committee of the Governing Body: 9 July 2024', 'Ratified by the Full Governing Body: 16 July 2024', 'Full Governing Body'],
    ['Agreed by the Curriculum Committee, March 2025.', 'This policy was ratified by the Board of Trustees in April 2025.', 'Board of Trustees'],
  ])('%s / %s', (first, second, body) => {
    const text = ['Online Safety Policy', '', first, second, '', '1. Purpose', '', 'This policy sets out how we keep pupils safe online.'].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], body);
  });

  it('two bodies that each say they approve, with none ratifying, still disagree', () => {
    const text = ['Online Safety Policy', '', 'Approved by the Curriculum Committee: 9 July 2024', 'Approved by the Resources Committee: 16 July 2024'].join(
      '\n',
    );
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });

  it('a ratification still to come is no ratification', () => {
    const text = [
      'Online Safety Policy',
      '',
      'Approved by the Curriculum Committee: 9 July 2024',
      'To be ratified by the Full Governing Body in the autumn term.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody'], 'Full Governing Body');
  });

  it('two bodies that each say they ratify disagree', () => {
    const text = ['Online Safety Policy', '', 'Ratified by the Curriculum Committee: 9 July 2024', 'Ratified by the Full Governing Body: 16 July 2024'].join(
      '\n',
    );
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });
});
