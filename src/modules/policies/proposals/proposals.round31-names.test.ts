import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { namingRows } from './naming.rows.ts';
import { policyLines } from './text.lines.ts';

/** Round 31 (session 17): naming on a channel in more of the blind sets' words. */

const naming = (text: string) =>
  Object.fromEntries(
    Object.entries(proposals(text))
      .filter(([k]) => k.endsWith('.naming'))
      .map(([k, v]) => [k.split('.')[2], v]),
  );

describe('round 31: naming in more words', () => {
  it.each([
    [
      'At a sports event we will only give the newspaper your child’s first name and surname where you have ticked YES for use D.',
      { press: 'full-with-permission' },
    ],
    ['We will only use your **full name** in the local press if you tick the box for this in Part 2.', { press: 'full-with-permission' }],
    ['The college does not name learners under 18 on its social media channels beyond a first name.', { 'social-media': 'first-names' }],
    ['Images of learners will not be used with their full name on the college website.', { website: 'first-names' }],
    [
      '* **School website and Facebook page.** Only children with consent for that channel appear. We don’t put children’s full names with photographs.',
      { website: 'first-names', 'social-media': 'first-names' },
    ],
  ])('%s', (text, expected) => expect(naming(text)).toEqual(expected));

  it('an opening sentence with a verb is no label of channels', () => {
    expect(naming('The newsletter goes home every Friday. No names are given over the telephone.')).toEqual({});
  });
});

describe('round 31: every post approved by the head, said without the word "photograph"', () => {
  it.each([
    ['The Facebook page is managed by the Principal and the Office Manager. No post is published without the Principal’s approval.', ['social-media']],
    ['Nothing is posted on the website or Facebook page without the Headteacher’s approval.', ['website', 'social-media']],
  ])('%s', (text, keys) => {
    const found = proposals(text);
    for (const key of keys) expect(found[`photos.channels.${key}.headteacherApproval`]).toBe(true);
  });

  it('a post with no channel in its paragraph approves nothing anywhere', () => {
    expect(proposals('No post is published without the Principal’s approval.')).toEqual({});
  });
});

describe('round 31: the paperwork of an annex, a notice or a leaflet; a committee of several words', () => {
  it.each([
    'C10.3 This annex is reviewed every year by the School Business Manager with the DPO.',
    'This leaflet is reviewed annually by the DT and the Online Safety Group.',
    'This notice is reviewed every year by the School Business Manager with the DPO Service.',
  ])('%s', (text) => expect(proposals(text)['policyReview.intervalMonths']).toBe(12));

  it.each([
    ['Approved by: Local Governing Committee', 'Local Governing Committee'],
    ['13.2 The reviewed policy is approved by the Pupil Welfare Committee on behalf of the Governing Body.', 'Pupil Welfare Committee'],
  ])('%s', (text, name) => expect(proposals(text)['policyReview.approvingBody']).toBe(name));
});

describe('round 31: the sites’ age, and the school holding pupils to it in the next sentence', () => {
  it.each([
    'Most social media platforms set a minimum age of 13. The school will not ask or encourage any pupil under 13 to use social media.',
    'Most apps, including Instagram and TikTok, have a minimum age of 13. We do not support children at our school having social media accounts.',
    'Most social networking sites have a minimum age of 13 (16 for WhatsApp in the UK). The Trust does not encourage pupils under 13 to hold accounts.',
  ])('%s', (text) => expect(proposals(text)['ageLimits.socialMediaMinimumAge']).toBe(13));

  it('a ban in school beside advice to parents about home holds no one to the sites’ age', () => {
    const text =
      'Most social media services have a minimum age of 13. We do not allow pupils to access social media in school and we advise parents that primary-aged children should not have accounts.';
    expect(proposals(text)['ageLimits.socialMediaMinimumAge']).toBeUndefined();
  });
});

describe('round 31: a table’s rows that say how pupils are named, whatever the column is headed', () => {
  const table = [
    '| | Where | What it covers | Names used? |',
    '|---|---|---|---|',
    '| 1 | School website | News stories, gallery pages | First name only – never the surname |',
    '| 2 | School social media | Instagram, Facebook and X | Never named |',
    '| 3 | Local newspapers and media | The local paper | Full name only if you tick Question 7 |',
    '| 4 | Displays inside school | Corridors | First name and form may appear |',
  ].join('\n');

  it('reads each row’s channel and rule', () => {
    expect(naming(table)).toEqual({ website: 'first-names', 'social-media': 'none', press: 'full-with-permission', display: 'first-names' });
  });

  it.each([
    // One row is no table of naming; a choice ("or no name") is no rule.
    '| School website | First name only |',
    '| Website | First name and year group, or no name |\n| Newsletter | First name or full name |',
  ])('the rows read nothing from %s', (text) => expect(namingRows(policyLines(text))).toEqual([]));
});
