/**
 * The thirty-fifth session's readings of who decides: a committee named two ways, a tie-break and a split over opening
 * blocked sites, and new accounts for a department or club, approved by the head and the governors.
 */
import { describe, expect, it } from 'vitest';
import { proposals, read } from '../../../../test/helpers/proposals.ts';
import { decisionPatterns } from './decisions.table.ts';

describe('the approving body named two ways', () => {
  it('with and without "of the Governing Body" after the committee: the committee', () => {
    const text = [
      '| Approved by | Curriculum and Welfare Committee of the Governing Body |',
      '',
      'This policy is reviewed every year and approved by the Curriculum and Welfare Committee on behalf of the governors.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], 'Curriculum and Welfare Committee');
  });

  it('with and without a word before the committee: the fuller name', () => {
    const text = [
      '| Approved by | Centre Management Committee |',
      '',
      'This policy is reviewed every year by the Head of Centre and approved by the Management Committee.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], 'Centre Management Committee');
  });

  it('two different committees still settle nothing', () => {
    const text = ['| Approved by | Finance Committee |', '', 'This policy is approved by the Pastoral Committee.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('who opens a blocked site', () => {
  it('a tie-break leaves the decider', () => {
    const text = [
      'Teachers who need a blocked site email the IT technician. The technician will not unblock a site unless the DSL agrees.',
      'If the DSL and the teacher cannot agree, the Headteacher decides.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['dsl']);
  });

  it('a second person who may open some sites splits the decision', () => {
    const text =
      'Requests to unblock a site are logged by the Computing Lead; the Computing Lead may unblock a single page for a lesson, but any change to a whole category must be approved by the DSL.';
    expect(read(decisionPatterns, text)).toHaveProperty(['decisions.unblock'], null);
    // (Without the second person, the DSL decides.)
    expect(read(decisionPatterns, 'Requests to unblock a site are logged by the Computing Lead, and any change must be approved by the DSL.')).toHaveProperty(
      ['decisions.unblock'],
      ['dsl'],
    );
  });

  it.each([
    'Requests to unblock a site must be approved by the DSL; the IT technician can unblock the site once it has been approved.',
    'Requests to unblock a site must be approved by the DSL, but if the DSL is absent, the Headteacher may approve them.',
  ])('whoever carries out an approval, or stands in, is no second decider: %s', (text) => {
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['dsl']);
  });
});

describe('who approves a new school account', () => {
  it.each([
    'No member of staff may open an Instagram account, blog or channel for a department, club or team without the written approval of the Headteacher.',
    'No new account (for example for a club or year group) may be set up without written approval from the Headteacher.',
    'No class, club or trip account may be set up without the approval of the Headteacher, and staff must not use a personal account to speak for the school.',
  ])('%s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it.each([
    'Any new account in the school’s name must be agreed by the Headteacher and the governors first.',
    'Do not create any social media account or group connected with the school or a class without written agreement from the Headteacher and the Chair of Trustees.',
  ])('with the governors: %s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['decisions.accounts'], ['headteacher', 'governor']);
  });

  it('governors told afterwards do not approve it', () => {
    const text = 'A new account in the name of the school may only be opened with the agreement of the Headteacher and must be reported to governors.';
    expect(proposals(text)).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it('a live lesson agreed by the Head, on school accounts, is no account approved', () => {
    const text = [
      'Any new account in the school’s name must be agreed by the Headteacher and the governors first.',
      'Any live lesson must be agreed by the Head, use school accounts, and have a second adult present.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['decisions.accounts'], ['headteacher', 'governor']);
  });
});
