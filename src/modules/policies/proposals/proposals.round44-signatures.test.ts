/**
 * The thirtieth session's readings of signature lines: a post wrapped onto the next line ("Chair, Pupil Welfare" over
 * "Committee   Date ….."); a signer's name and post on a long line with its blank and date; "Signed on behalf of the
 * Governing Body" with no colon over the posts' lines, or over names with posts; "Headmaster" and "Headmistress"; a
 * "Signature block" heading is no line to sign on.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const signers = (text: string) => proposals(text)['policyReview.signatories'];

describe('signature lines', () => {
  it('a post wrapped onto the next line', () => {
    const text = [
      'Approval',
      '',
      'Signed ............................................. Headteacher          Date ..................',
      '',
      'Signed ............................................. Chair, Curriculum and Standards',
      '                                                      Committee            Date ..................',
    ].join('\n');
    expect(signers(text)).toEqual(['Headteacher', 'Chair, curriculum and standards committee']);
  });

  it('a name and post on a long line with its blank and date', () => {
    const text = [
      'Signed:',
      '',
      'Mrs J. Okonkwo, Headteacher ............................................ Date: 02/10/2024',
      '',
      'Mr P. Dale, Chair of the Teaching and Learning Committee ........................ Date: 02/10/2024',
    ].join('\n');
    expect(signers(text)).toEqual(['Headteacher', 'Chair of the teaching and learning committee']);
  });

  it('"Signed on behalf of the Governing Body" over the posts, Headmistress among them', () => {
    const text = [
      'Signed on behalf of the Governing Body',
      '',
      '.......................................................  Chair of Governors',
      '',
      '.......................................................  Headmistress',
      '',
      'Date: March 2025',
    ].join('\n');
    expect(signers(text)).toEqual(['Chair of governors', 'Headmistress']);
  });

  it('"Signed on behalf of the school:" over names with posts, under a "Signature block" heading', () => {
    const text = [
      'Signature block (please return this page to the office)',
      '',
      'Signed on behalf of the school:',
      '',
      'Mr T. Adeyemi, Headmaster .................................',
      '',
      'Mrs L. Fenwick, Chair of Governors .......................',
    ].join('\n');
    expect(signers(text)).toEqual(['Headmaster', 'Chair of governors']);
  });

  it('a wrapped line that completes no post is not joined', () => {
    const text = [
      'Signed ............................................. Headteacher',
      '                                                      Westbrook            Date ..................',
    ].join('\n');
    expect(signers(text)).toEqual(['Headteacher']);
  });

  it('a running footer after the signatures is not a signer, and spoils nothing', () => {
    const text = [
      'Signed:  H. Okafor, Chief Executive Officer                   Date: 9 July 2024',
      'Signed:  Dr M. Aziz, Chair of the Trust Board                     Date: 9 July 2024',
      '',
      '                                                                                     Page 6 of 8',
      'Fernbrook Learning Trust – Images of Pupils Policy                                         Version 3.0',
    ].join('\n');
    expect(signers(text)).toEqual(['Chief executive officer', 'Chair of the trust board']);
  });
});
