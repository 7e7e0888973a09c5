import { describe, expect, it } from 'vitest';
import { ageTable } from './ages.table.ts';
import { consentPatterns } from './consent.table.ts';
import { proposeSettings } from './engine.ts';
import { reviewBlocks, reviewPatterns } from './review.table.ts';
import { policyLines, sentencesOf } from './text.ts';
import { read } from '../../../../test/helpers/proposals.ts';

/**
 * Kinds of wording met on real pages read once and then retired (the third unseen set, dev set 3), written for any
 * school's way of saying them: each case is paraphrased, roles varied, with cases that must propose nothing.
 */
const proposals = (page: string) => Object.fromEntries(proposeSettings(page).proposals.map((p) => [p.setting, p.value]));
const uses = (page: string) =>
  proposeSettings(page)
    .proposals.filter((p) => /^consent\.purposes\.[a-z-]+\.active$/.test(p.setting) && p.value === true)
    .map((p) => p.setting.split('.')[2])
    .sort();

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
      'policyReview.approvingBody': 'Governing body',
    });
  });
});

describe('uses listed in brackets or after "such as" inside one sentence', () => {
  it.each([
    ['We ask parents for consent to use photographs of their child for school purposes (display, newsletter, the local press).', ['displays', 'press', 'publications']],
    ['Written permission is sought before images of pupils are used (e.g. display, press, website).', ['displays', 'press', 'website']],
    ['The academy will seek your consent to use your child’s photograph in a number of ways, such as display, the press and our Twitter feed.', ['displays', 'press', 'social-media']],
    ['We will ask for your permission before your child’s image is used for publicity (prospectus, press releases, school Facebook page).', ['press', 'publications', 'social-media']],
    ['Parental consent is obtained before any image is used outside school (press, web, social).', ['press', 'social-media', 'website']],
    ['Consent is requested for the use of images (on display, in print).', ['displays', 'publications']],
  ])('%s', (sentence, expected) => expect(uses(sentence)).toEqual(expected));

  it.each([
    // A list under a negation, or one that is no list of uses (one word in brackets, a gloss), names none.
    'We will not use photographs in the press (newspapers, television) even with consent.',
    'Staff must ask the Headteacher’s permission before using images of pupils (display, press).',
    'Press the button (display) to see the picture.',
    'Parents are asked for consent for school trips (museums, the theatre, the park).',
  ])('nothing from: %s', (sentence) => expect(uses(sentence)).toEqual([]));

  it('a use that needs no consent, listed in brackets, is the public task', () => {
    expect(read(consentPatterns, 'Consent is not needed for photographs used within school (display, assessment records).')).toEqual({
      'consent.purposes.displays.basis': 'public-task',
    });
  });
});

describe('a consent form’s lettered or numbered rows, each naming a channel', () => {
  it('rows of a table the carer ticks, under "each of the following"', () => {
    const page = [
      'Photograph consent form',
      '',
      'Please indicate whether you give consent for each of the following.',
      '',
      '| | Use | Yes | No |',
      '|---|---|---|---|',
      '| A | Photographs displayed in school | ☐ | ☐ |',
      '| B | The school’s Twitter/X feed | ☐ | ☐ |',
      '| C | The school website | ☐ | ☐ |',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'social-media', 'website']);
  });

  it('rows lettered without a stop, under "Yes or No for each"', () => {
    const page = [
      'Image permission slip',
      '',
      'Please circle Yes or No for each.',
      '',
      'A\tPictures displayed around school\tYes / No',
      'B\tOur X feed\tYes / No',
      'C\tThe newsletter\tYes / No',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'publications', 'social-media']);
  });

  it('a row that names tweets from the school’s account', () => {
    const page = [
      'Photo consent',
      '',
      'We ask all parents to complete a consent form when their child joins. The form asks whether we may:',
      'i. use your child’s photograph on our website;',
      'ii. share your child’s photograph in tweets from the school account;',
      'iii. include your child in photographs for the local newspaper.',
    ].join('\n');
    expect(uses(page)).toEqual(['press', 'social-media', 'website']);
  });

  it('rows labelled "A –", "B:" under a lead that points to them', () => {
    const page = [
      'Photograph consent form',
      '',
      'I agree to my child being photographed for the following (tick):',
      '',
      'A – School website',
      'B – The school’s Twitter/X feed',
      'C: Local newspapers',
      '',
      'Signed: ____ Parent/Carer',
    ].join('\n');
    expect(uses(page)).toEqual(['press', 'social-media', 'website']);
    // "X – @school" is the channel's name, not a row's label.
    expect(sentencesOf('Our accounts:\n\nX – @OakPrimary')[1].text).toBe('X – @OakPrimary');
  });

  it('a form that is not about images names no use', () => {
    const page = ['Trip consent form', '', 'Please circle Yes or No for each.', '', 'A\tThe class trip to the farm\tYes / No', 'B\tPacked lunch provided\tYes / No'].join('\n');
    expect(uses(page)).toEqual([]);
    expect(proposals(page)).toEqual({});
  });
});

describe('a consent form signed or renewed each year is the lapse', () => {
  it.each([
    'Parents sign a new photograph consent form every year.',
    'Parents are asked to sign a photo consent form each year.',
    'Each year parents complete a form giving or refusing permission for photographs.',
    'Every year we ask parents to renew their consent for photographs.',
    'Permission forms for photographs are updated yearly.',
    'Families re-sign the image permission form annually.',
    'A yearly form asks carers for their consent to photographs.',
    'Parent(s)/Guardian(s) must annually complete the designated form saying whether they approve of their child’s photograph being published.',
    'Pictures of pupils go on the website as set out in the consent form, which parents sign at the beginning of the school year.',
    'Photo consent is valid for one academic year.',
    'Consent expires at the end of each school year.',
    'A photo consent form is included in the annual data check sent to parents.',
    'Image permissions are reviewed with parents every year.',
  ])('%s', (sentence) => expect(read(consentPatterns, sentence)['consent.lapse']).toBe('each-september'));

  it.each([
    // A yearly form for something else, or the year in another clause than the asking.
    'Trip consent forms are signed by parents every year.',
    'Parents sign a home-school agreement each year; photo consent is asked when the child joins.',
    'Staff sign the acceptable use agreement annually.',
    'Pupils complete an internet permission form each September.',
    'We have been asking parents for consent for photographs for many years.',
    'Consent for trips is valid for one academic year.',
    'Photo consent is not valid for more than one year.',
  ])('nothing from: %s', (sentence) => expect(read(consentPatterns, sentence)['consent.lapse']).toBeUndefined());
});

describe('consent given, then the uses: the page asks for consent for them', () => {
  it('"When consent has been provided, we use images…" and the list under "these are:"', () => {
    const page = [
      'Dear Parent/Carer',
      '',
      'We are issuing a fresh consent form so that you can agree or not agree to the uses below.',
      '',
      'How do we use the image of your child?',
      '',
      'When consent has been given, we use images of your child for several purposes. In short, these are:',
      '',
      '  1. Around the school for display purposes',
      '  2. On the trust’s websites',
      '  3. On social media (e.g. Facebook, Instagram)',
      '  4. In marketing materials (e.g. leaflets, prospectuses)',
      '  5. In news outlets (e.g. newspapers and TV channels)',
      '',
      'What if I do not give consent?',
      '',
      'If you do not provide consent, we will not use images of your child in these ways.',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'press', 'publications', 'social-media', 'website']);
  });

  it('a page that opens by asking all parents for consent for photography reads the uses it names later', () => {
    const page = [
      'All parents need to give consent for photographs and film to be taken of their child, as our image policy sets out.',
      '',
      'Introduction',
      '',
      'Some photography in school is for administration, such as identity badges. Photos of pupils at work may appear on the school website or in the prospectus.',
      '',
      'Pictures taken during the day may later be featured in the school magazine and possibly in external media promoting the school.',
    ].join('\n');
    expect(uses(page)).toEqual(['press', 'publications', 'website']);
  });

  it.each([
    // An opt-out is no consent asked: "if you do not want…, tell us".
    'All parents need to give consent for photographs to be taken.\n\nPhotos may appear on the school website.\n\nIf you do not want your child photographed, please tell the office.',
    // A page opening with a rule for staff, or consent for trips.
    'Staff need to obtain the Head’s permission before taking photographs.\n\nPhotos may appear on the school website.',
    'All parents need to give consent for school trips.\n\nPhotos of trips may appear on the school website.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('the policy header: who approves, how often it is reviewed', () => {
  const blocks = (text: string) => Object.fromEntries(reviewBlocks.flatMap((b) => b.read(policyLines(text))).map((f) => [f.setting, f.value]));

  it.each([
    ['This Online Safety policy was approved by the Governors Sub Committee on: 26.9.16', { 'policyReview.approvingBody': 'Governors sub committee' }],
    ['This photography and filming policy was ratified by the Local Governing Body in June 2024.', { 'policyReview.approvingBody': 'Governing body' }],
    ['This policy will be reviewed by the Deputy Principal within three years from the date it was authorised.', { 'policyReview.intervalMonths': 36 }],
    ['The policy is to be reviewed at least every two years.', { 'policyReview.intervalMonths': 24 }],
    ['This document will be reviewed within a year of its adoption.', { 'policyReview.intervalMonths': 12 }],
    ['Reviewed by: Full Governing Board', { 'policyReview.approvingBody': 'Governing body' }],
  ])('%s', (sentence, expected) => expect(read(reviewPatterns, sentence)).toEqual(expected));

  it.each([
    // A committee reviews and recommends; who approves is not said.
    'Reviewed by: PP&C Committee March 2026',
    'Reviewed by: Curriculum Committee',
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
    expect(proposals(page)).toEqual({ 'photos.channels.display.naming': 'first-names' });
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
    });
  });

  it('a naming rule with a condition settles nothing for its channel, nor does a plain rule for it elsewhere', () => {
    expect(proposals('At no time should a child be named on the website unless their family has agreed.')).toEqual({});
    const page = [
      'Only first names will be used on the website unless prior consent is received from parents.',
      '',
      'Staff may only include a pupil’s first name with photographs displayed in school or on the website.',
    ].join('\n');
    expect(proposals(page)).toEqual({ 'photos.channels.display.naming': 'first-names' });
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
  ])('%s', (sentence) => expect(proposals(sentence)).toEqual({ 'photos.channels.social-media.headteacherApproval': true }));

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

describe('permission "to do so" given only with parents’ approval: the uses of the sentence before', () => {
  it('the district may post photographs on its websites and social media; permission to do so only with parental approval', () => {
    const page =
      'The school may wish to post photographs of students on the school website or on social media. Permission to do so is given only with parental approval.';
    expect(uses(page)).toEqual(['social-media', 'website']);
  });

  it('the sentence’s own use and the ones before', () => {
    const page =
      'We would like to share pictures of pupils on our Facebook page. Consent for this is granted, and to the local press, only with written parental permission.';
    expect(uses(page)).toEqual(['press', 'social-media']);
  });

  it.each([
    // Staff's conduct, and a pointer with no use before it.
    'Staff may post photographs on the school website. Permission to do so is given by the Headteacher.',
    'Pupils may bring cameras on the trip. Permission to do so is given only with parental approval.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('an approver under its label', () => {
  it('"Approved By" on a line of its own, the approver on the next', () => {
    expect(proposals('Our Nursery - Photographing Children\n\nApproval Date\n1 June 2020\nApproved By\nBoard of Trustees\nNext Review\n30 November 2022')).toMatchObject({
      'policyReview.approvingBody': 'Board of trustees',
    });
    // A chief executive is no body (proposals.wording.test.ts, dev set 2).
    expect(proposals('Approved By\nChief Executive')).toEqual({});
    expect(proposals('Ratified by:\n\nThe Full Governing Body\n\nSpring 2024')).toEqual({ 'policyReview.approvingBody': 'Governing body' });
  });

  it.each([
    // A label with a long text under it, or a person named.
    'Approved by\nthe staff team after a long consultation with parents, pupils and the wider community in the spring',
    'Approved by:\nMrs J Smith',
  ])('nothing from: %s', (page) => expect(proposals(page)['policyReview.approvingBody']).toBeUndefined());
});

describe('"this is part of our public task" after the sentence naming the uses', () => {
  it.each([
    'We take photographs of the children for the prospectus, the website and school displays. This is an essential and legitimate part of our public task as a school.',
    'Photos of pupils are used on classroom displays. These are part of the academy’s public task and need no consent.',
  ])('%s', (page) => expect(proposals(page)).toEqual({ 'consent.purposes.displays.basis': 'public-task' }));

  it.each([
    // "This" that is no basis; a public task said of no use.
    'We take photographs for school displays. This is why we ask for your consent on entry.',
    'Our staff are kind. This is part of our public task.',
  ])('nothing of a basis from: %s', (page) => expect(proposals(page)['consent.purposes.displays.basis']).toBeUndefined());
});

describe('"Parents are asked to consent…" on a page photographing children, and the displays it then names', () => {
  it('a tiered permission under a heading, the display in the sentence after', () => {
    const page = [
      'Nursery - Photographing Children',
      '',
      'Permission 1 – Planning and learning displays',
      '',
      'Parents are asked to consent on the enrolment form to their child’s photograph being used for planning and assessment. Parents are told that these images may also be displayed within the nursery as part of learning displays.',
    ].join('\n');
    expect(uses(page)).toEqual(['displays']);
  });

  it('parents asked to consent to something other than images name no use', () => {
    const page = ['Nursery - Photographing Children', '', 'Parents are asked to consent to sun cream being applied. Staff photographs are displayed in the entrance hall.'].join('\n');
    expect(uses(page)).toEqual([]);
  });
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
    // The use the names are kept to is a place of publication, or a condition; no channel of the school's own.
    'We publish photos on our website.\n\nOnly photographs in the newsletter will have a child’s name.',
    'We publish photos on our website.\n\nOnly photographs used for assessment will have a child’s name, unless parents agree otherwise.',
    'Parents may post pictures on Facebook.\n\nOnly photographs for assessment within school will include a child’s name.',
    'Only photographs for internal records will have the pupil’s name.',
  ])('nothing from: %s', (page) => expect(naming(page)).toEqual({}));
});
