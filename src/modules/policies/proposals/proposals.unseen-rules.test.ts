import { describe, expect, it } from 'vitest';
import { ageTable } from './ages.table.ts';
import { proposeSettings } from './engine.ts';
import { reviewPatterns } from './review.table.ts';
import { blocks, proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Wording met on real pages read once and then retired (the third unseen set, dev set 3) for the policy header, ages,
 * naming per channel, occasions and the head's approval, written for any school's way of saying it: each case is
 * paraphrased, roles varied, with cases that must propose nothing. Consent's are in proposals.unseen-consent.test.ts.
 */

describe('a committee named by an abbreviation joined with "&"', () => {
  it.each([
    ['Approved by: PP&C Committee', 'Pp&c committee'],
    ['This policy was approved by the T&L Committee on 3 May 2024.', 'T&l committee'],
    ['Ratified by the governors’ PP&C committee', "Governors' pp&c committee"],
    // The body named first approves: the committee, with the governors it belongs to in brackets.
    ['Approved by: S&C Committee (Governors)', 'S&c committee'],
    ['Approved by: Pupils & Curriculum Committee', 'Pupils & curriculum committee'],
  ])('%s', (sentence, body) => expect(read(reviewPatterns, sentence)).toEqual({ 'policyReview.approvingBody': body }));

  it('the governors named first, on a committee’s advice, stay the approver', () => {
    expect(read(reviewPatterns, 'This policy was approved by the governors on the advice of the F&P Committee.')).toEqual({
      'policyReview.approvingBody': 'Governors',
    });
  });
});

describe('the policy header: who approves, how often it is reviewed', () => {
  it.each([
    ['This Online Safety policy was approved by the Governors Sub Committee on: 26.9.16', { 'policyReview.approvingBody': 'Governors sub committee' }],
    ['This photography and filming policy was ratified by the Local Governing Body in June 2024.', { 'policyReview.approvingBody': 'Local governing body' }],
    ['This policy will be reviewed by the Deputy Principal within three years from the date it was authorised.', { 'policyReview.intervalMonths': 36 }],
    ['The policy is to be reviewed at least every two years.', { 'policyReview.intervalMonths': 24 }],
    ['This document will be reviewed within a year of its adoption.', { 'policyReview.intervalMonths': 12 }],
    ['Reviewed by: Full Governing Board', { 'policyReview.approvingBody': 'Full governing board' }],
    // The keying guide: "Reviewed by:" naming a governing board or a committee counts as its approval.
    ['Reviewed by: PP&C Committee March 2026', { 'policyReview.approvingBody': 'Pp&c committee' }],
    ['Reviewed by: Curriculum Committee', { 'policyReview.approvingBody': 'Curriculum committee' }],
  ])('%s', (sentence, expected) => expect(read(reviewPatterns, sentence)).toEqual(expected));

  it.each([
    // A person who reviews is never the approving body.
    'Reviewed by: Headteacher',
    // Within a time that is not the policy's review.
    'Concerns will be reviewed by the DSL within two days.',
    'This policy applies to photographs taken within the last three years.',
  ])('nothing from: %s', (sentence) => expect(read(reviewPatterns, sentence)).toEqual({}));

  it('"Ratified by Governors" and "Date for Review", a header of spaced fields, give the interval', () => {
    expect(blocks('Written by          A Teacher\nRatified by Governors             Autumn 2018\nDate for Review                   Autumn 2021')).toEqual({
      'policyReview.intervalMonths': 36,
    });
    expect(blocks('Adopted on: March 2024\nDate for next review: March 2025')).toEqual({ 'policyReview.intervalMonths': 12 });
  });
});

describe('a recommended age for social media sites', () => {
  it.each([
    ['Popular social networking sites like Facebook and Instagram have a recommended age of 13+.', 13],
    ['Instagram, Snapchat and TikTok all carry a minimum age of 13.', 13],
    ['WhatsApp is rated 16+ in its terms.', 16],
  ])('%s', (sentence, age) => expect(read(ageTable, sentence)).toEqual({ 'ageLimits.socialMediaMinimumAge': age }));

  it.each([
    'Films shown in school have a recommended age of 12 or under.',
    'Facebook has a recommended age of 13+ and WhatsApp of 16+.',
    'Games with an age rating of 18 must not be played in school.',
  ])('nothing from: %s', (sentence) => expect(read(ageTable, sentence)).toEqual({}));
});

describe('naming rules attach to the channel they are stated for', () => {
  it('a caption rule for displays in school is the display’s, not social media’s from a sentence about parents’ photos', () => {
    const page = [
      'Photographs in school',
      '',
      'Parents are welcome to take photographs at events, but we ask that they do not post them on social media. Captions on displays in school will use first names only.',
    ].join('\n');
    expect(proposals(page)).toEqual({ 'photos.channels.display.naming': 'first-names', 'consent.purposes.displays.active': true });
  });

  it.each([
    // The only channel near the rule is in a heading, title or sentence about parents' or staff's own photographs.
    'Parents and social media\n\nParents must not share photographs of other children on social media.\n\nNames\n\nCaptions will only give the child’s first name.',
    'Photography\n\nStaff must not upload pictures to their own Facebook accounts. Pupils will be identified by first name only.',
    'Visitors and social media\n\nWe will not name children in captions.',
  ])('no channel from others’ photographs: %s', (page) => expect(proposals(page)).toEqual({}));

  it('a rule under a lead of guidelines for several channels is each one’s', () => {
    const page = [
      'Images',
      '',
      'The school follows these guidelines when using pupils’ photographs on the school website, in newsletters and on displays:',
      '- Teachers will not identify children by name in photographs, especially those provided for publication.',
      '- We do not use photographs of children in swimming events.',
    ].join('\n');
    expect(proposals(page)).toEqual({
      'photos.channels.website.naming': 'none',
      'photos.channels.newsletter.naming': 'none',
      'photos.channels.display.naming': 'none',
      'photos.prohibitedContexts': ['swimming'],
      // (Each channel a naming rule is for is one the school uses.)
      'consent.purposes.website.active': true,
      'consent.purposes.publications.active': true,
      'consent.purposes.displays.active': true,
    });
  });

  it('a naming rule with a condition settles nothing for its channel, nor does a plain rule for it elsewhere', () => {
    expect(proposals('At no time should a child be named on the website unless their family has agreed.')).toEqual({});
    const page = [
      'Only first names will be used on the website unless prior consent is received from parents.',
      '',
      'Staff may only include a pupil’s first name with photographs displayed in school or on the website.',
    ].join('\n');
    // (Two rules for the website disagree on how pupils are named there, not on whether the school uses it.)
    expect(proposals(page)).toEqual({
      'photos.channels.display.naming': 'first-names',
      'consent.purposes.displays.active': true,
      'consent.purposes.website.active': true,
    });
    // A hedge is no rule.
    expect(proposals('Generally no names will be attached to pictures on the website.')).toEqual({});
  });
});

describe('withdrawing a child from an occasion bans no photographs at it', () => {
  it.each([
    'Photography is not permitted by parents; parents may withdraw their child from a performance.',
    'Pupils who are not to be photographed may be withdrawn from the nativity.',
    'Children without consent will not be filmed, and parents may take them out of the Christmas concert.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)['photos.prohibitedContexts']).toBeUndefined());

  it('a ban in one clause stays, beside a withdrawal in the other', () => {
    expect(proposals('Photographs must never be taken at swimming; children may be excused from sports day.')).toEqual({
      'photos.prohibitedContexts': ['swimming'],
    });
  });
});

describe('the head approves every post or tweet: stated, never inferred', () => {
  it.each([
    'The Headteacher approves every post before it goes on the school’s Twitter account.',
    'Every tweet is approved by the Head before it is posted.',
    'All posts on the school Facebook page must be approved by the Principal.',
    'No tweet is sent until the Head Teacher has approved it.',
    'The Head checks and approves each post on our X account before publication.',
    'Posts to the school’s social media accounts are signed off by the Headteacher.',
    'All social media posts need the Headteacher’s approval.',
    'The Head of School approves all tweets before they are sent.',
    'Each tweet must be authorised by the Principal before it goes out.',
    'Tweets are written by class teachers and approved by the Head before posting.',
  ])('%s', (sentence) => expect(proposals(sentence)).toEqual({ 'photos.channels.social-media.headteacherApproval': true }));

  it('another role approving every post is who decides publication, not the head’s approval', () => {
    expect(proposals('The DSL approves every post on the school Facebook page.')).toEqual({ 'decisions.photoPublication': ['dsl'] });
  });

  it.each([
    // Who posts, runs or reads is no approval; a rule for parents' or staff's own posts is none.
    'The Headteacher posts every tweet.',
    'Our Twitter account is run by the Headteacher, who posts all tweets.',
    'The Head reads every post on the school’s Twitter feed.',
    'Posts on the school Facebook page should be positive.',
    'Parents’ posts on Facebook must be approved by the Head before they are shared in the class group.',
    'Photos are not approved by the Headteacher before they go on Facebook.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)).toEqual({}));
});

describe('an approver under its label', () => {
  it('"Approved By" on a line of its own, the approver on the next', () => {
    expect(
      proposals('Our Nursery - Photographing Children\n\nApproval Date\n1 June 2020\nApproved By\nBoard of Trustees\nNext Review\n30 November 2022'),
    ).toMatchObject({
      'policyReview.approvingBody': 'Board of Trustees',
    });
    // A chief executive is no body (proposals.wording-real.test.ts, dev set 2).
    expect(proposals('Approved By\nChief Executive')).toEqual({});
    expect(proposals('Ratified by:\n\nThe Full Governing Body\n\nSpring 2024')).toEqual({ 'policyReview.approvingBody': 'Full Governing Body' });
  });

  it.each([
    // A label with a long text under it, or a person named.
    'Approved by\nthe staff team after a long consultation with parents, pupils and the wider community in the spring',
    'Approved by:\nMrs J Smith',
  ])('nothing from: %s', (page) => expect(proposals(page)['policyReview.approvingBody']).toBeUndefined());
});

describe('names kept to one use inside school: no names on the channels the page publishes on', () => {
  const naming = (page: string) =>
    Object.fromEntries(
      proposeSettings(page)
        .proposals.filter((p) => p.setting.endsWith('.naming'))
        .map((p) => [p.setting, p.value]),
    );

  it('only assessment photographs carry a name; the school uses pictures on its website, Facebook page and in the prospectus', () => {
    const page = [
      'Our images statement',
      '',
      'We take photographs of the children for use in the prospectus, on the school website and Facebook page, and on displays.',
      '',
      '- Only photographs kept for assessment records will carry a pupil’s name.',
      '',
      'Sometimes the local newspaper visits and takes its own photographs.',
    ].join('\n');
    expect(naming(page)).toEqual({
      'photos.channels.display.naming': 'none',
      'photos.channels.website.naming': 'none',
      'photos.channels.social-media.naming': 'none',
      'photos.channels.prospectus.naming': 'none',
    });
  });

  it.each([
    [
      'We use photos on our website and in the newsletter.\n\nOnly pictures kept in learning journals will show the child’s name.',
      { 'photos.channels.website.naming': 'none', 'photos.channels.newsletter.naming': 'none' },
    ],
    [
      'The academy shares pictures on its Facebook page.\n\nOnly images for internal assessment records may include a student’s name.',
      { 'photos.channels.social-media.naming': 'none' },
    ],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // The use the names are kept to is a place of publication, or a condition; no channel of the school's own.
    'We publish photos on our website.\n\nOnly photographs in the newsletter will have a child’s name.',
    'We publish photos on our website.\n\nOnly photographs used for assessment will have a child’s name, unless parents agree otherwise.',
    'Parents may post pictures on Facebook.\n\nOnly photographs for assessment within school will include a child’s name.',
    'Only photographs for internal records will have the pupil’s name.',
  ])('nothing from: %s', (page) => expect(naming(page)).toEqual({}));
});
