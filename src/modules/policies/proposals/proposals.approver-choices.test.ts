import { describe, expect, it } from 'vitest';
import { reviewPatterns } from './review.table.ts';
import { proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * A policy template's approver line that offers choices ("approved by the Board / Governing Body / Committee on: …")
 * names nobody: alternatives set apart by "/" or "or", "and/or", or tick boxes propose no approving body. Paraphrased;
 * the cases that must still work stay beside them.
 */

describe('a template’s choices of approver: nobody was chosen', () => {
  it.each([
    'This policy was approved by the Board of Trustees / Local Governing Body / Curriculum Committee on: June 2019',
    'This policy was approved by the Board of Directors/Governing Body on 4 March 2021.',
    'Approved by: Governing Body / Headteacher',
    'Approved by: Governors or Headteacher',
    'Ratified by the Trust Board or the Local Governing Body in Spring 2023',
    'Approved by: Full Governing Body / Finance Committee / Principal',
    'Adopted by the Governors and/or the Resources Committee on 12.10.22',
    'Approving body: ☐ Governing Body ☐ Trust Board ☐ Headteacher',
    'Approved by: [ ] Governors [ ] Trustees',
    'Approved by: □ Full Governing Body   Date: May 2014',
    'This document was adopted by the Academy Council / Trust Board / Executive Principal on: September 2020',
    'Reviewed by: Full Governing Board / Board of Trustees',
  ])('nothing from: %s', (sentence) => expect(read(reviewPatterns, sentence)).toEqual({}));

  it('a header with the choices on the line under its label proposes nothing', () => {
    expect(proposals('Online Safety Policy\nApproved by\nGoverning Body / Trust Board\nDate: May 2014\n\nStaff must report concerns.')).not.toHaveProperty(
      'policyReview.approvingBody',
    );
  });

  it('a whole template header proposes no approver, and still reads what else it settles', () => {
    const page = [
      'Photography Policy',
      'This policy was approved by the Board of Directors / Governing Body / Governors Sub Committee on: May 2014',
      'It will be reviewed every two years.',
    ].join('\n');
    const found = proposals(page);
    expect(found).not.toHaveProperty('policyReview.approvingBody');
  });
});

describe('one body, with or without a "/" or "or" elsewhere on the line, is still read', () => {
  it.each([
    ['Approved by: Full Governing Body', 'Full governing body'],
    ['Approved by: PP&C Committee', 'Pp&c committee'],
    ['Approved by: Finance/Premises Committee', 'Finance/premises committee'],
    ['Approved by: Curriculum/Standards Committee  Date: 12/05/2021', 'Curriculum/standards committee'],
    ['Approved by: Governing Body / 14.03.2022', 'Governing body'],
    ['Approved by: Trust Board / Date: July 2024', 'Trust board'],
    ['This policy was ratified by the Local Governing Body in June 2024 or earlier.', 'Local governing body'],
    ['This policy was approved by the Governors Sub Committee on: 26.9.16', 'Governors sub committee'],
    ['Approved by the Head and Governors / Trustees', null],
    // The choices of who reviews, after the approval's own clause, are not the approver's.
    ['This policy was approved by the Governing Body and will be reviewed by the Headteacher or the Deputy Head.', 'Governing body'],
    ['This policy was ratified by the Trust Board, who delegate its review to the Principal or the DSL.', 'Trust board'],
  ])('%s', (sentence, body) => expect(read(reviewPatterns, sentence)).toEqual(body ? { 'policyReview.approvingBody': body } : {}));
});
