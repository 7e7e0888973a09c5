/**
 * The thirty-sixth session's readings of signature lines: a Welsh school's labels beside the English, a post on a line
 * longer than sixty letters, a chair who signs "on behalf of" a body, a post with whom it signs for, and a label in
 * emphasis.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/** The posts as the settings compare them: without case. */
const signers = (text: string) => (proposals(text)['policyReview.signatories'] as string[] | undefined)?.map((post) => post.toLowerCase());

describe('who signs the policy', () => {
  it('"Llofnodwyd / Signed:" over posts in two languages', () => {
    const text = [
      'Llofnodwyd / Signed:',
      '',
      '____________________________  Pennaeth / Headteacher          Dyddiad / Date: ____________',
      '',
      '____________________________  Cadeirydd y Corff Llywodraethol / Chair of the Governing Body',
      '                              Dyddiad / Date: ____________',
    ].join('\n');
    expect(signers(text)).toEqual(['headteacher', 'chair of the governing body']);
  });

  it('"Llofnod / Signed:" over "Pennaeth / Headteacher: ……" lines', () => {
    const text = [
      'Llofnod / Signed:',
      '',
      'Pennaeth / Headteacher: ..............................   Dyddiad / Date: ..............',
      '',
      'Cadeirydd y Llywodraethwyr / Chair of Governors: ..............................   Dyddiad / Date: ..............',
    ].join('\n');
    expect(signers(text)).toEqual(['headteacher', 'chair of governors']);
  });

  it('an English label with a name but no post still leaves the list unsaid', () => {
    const text = ['Signed: Mrs P. Hughes', '', 'Headteacher: ____________  Date: ________'].join('\n');
    expect(signers(text)).toBeUndefined();
  });

  it('"*Signed on behalf of the Governing Body:*" over the posts that sign', () => {
    const text = [
      'Signed: ........................................................  Date: ....................',
      '',
      '*Signed on behalf of the Governing Body:*',
      '',
      'R. Tewkes, Chair of Governors ........................................',
      '',
      'H. Marchbank, Headteacher ........................................',
    ].join('\n');
    expect(signers(text)).toEqual(['chair of governors', 'headteacher']);
  });

  it('"Signed on behalf of the Local Governing Body: ____ (Chair)": the chair of that body', () => {
    const text = [
      '*Signed on behalf of the Local Governing Body:* ______________________ (Chair)   *Date:* ____________',
      '',
      '*Signed:* ______________________ (Headteacher)   *Date:* ____________',
    ].join('\n');
    expect(signers(text)).toEqual(['chair of the local governing body', 'headteacher']);
  });

  it('"Signed: ____ Director of Education, for the proprietor": the post, not whom it signs for', () => {
    const text = [
      'Signed: ______________________ Head of School    Date: ________',
      '',
      'Signed: ______________________ Director of Education, for the proprietor    Date: ________',
    ].join('\n');
    expect(signers(text)).toEqual(['head of school', 'director of education']);
  });
});

describe('the body that approves, in a Welsh school’s two languages', () => {
  it.each([
    'Cymeradwywyd gan y Corff Llywodraethu / Approved by the Governing Body: 4 February 2025',
    '| Mabwysiadwyd gan y Corff Llywodraethol / Adopted by the Governing Body | 14 Tachwedd / November 2024 |',
    '12.2 The revised policy is approved by the Corff Llywodraethol / Governing Body.',
  ])('%s', (line) => expect(proposals(line)).toHaveProperty(['policyReview.approvingBody'], 'Governing Body'));

  it('a line in English alone reads as before', () => {
    expect(proposals('Approved by the Full Governing Body: 4 February 2025')).toHaveProperty(['policyReview.approvingBody'], 'Full Governing Body');
  });
});
