import { describe, expect, it } from 'vitest';
import { consentPatterns } from './consent.table.ts';
import { sentencesOf } from './text.ts';
import { read, proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Consent wording met on real pages read once and then retired (the third unseen set, dev set 3), written for any
 * school's way of saying it: each case is paraphrased, with cases that must propose nothing. The other families' are
 * in proposals.unseen-rules.test.ts.
 */

describe('uses listed in brackets or after "such as" inside one sentence', () => {
  it.each([
    [
      'We ask parents for consent to use photographs of their child for school purposes (display, newsletter, the local press).',
      ['displays', 'press', 'publications'],
    ],
    ['Written permission is sought before images of pupils are used (e.g. display, press, website).', ['displays', 'press', 'website']],
    [
      'The academy will seek your consent to use your child’s photograph in a number of ways, such as display, the press and our Twitter feed.',
      ['displays', 'press', 'social-media'],
    ],
    [
      'We will ask for your permission before your child’s image is used for publicity (prospectus, press releases, school Facebook page).',
      ['press', 'publications', 'social-media'],
    ],
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
    const page = [
      'Trip consent form',
      '',
      'Please circle Yes or No for each.',
      '',
      'A\tThe class trip to the farm\tYes / No',
      'B\tPacked lunch provided\tYes / No',
    ].join('\n');
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

  it.each([
    ['Once consent has been given, we will use your child’s photograph in the newsletter and on the website.', ['publications', 'website']],
    ['Where permission has been granted, the school uses pupils’ photographs on its Twitter feed.', ['social-media']],
    ['If consent is given, we may use images on displays.', ['displays']],
  ])('%s', (sentence, expected) => expect(uses(sentence)).toEqual(expected));

  it.each([
    'If consent is not given, we will not use images on the website.',
    'If consent for the trip is given, we will put photos on the website.',
    'When consent has been given by the Headteacher, staff may post photos on the website.',
  ])('nothing from: %s', (sentence) => expect(uses(sentence)).toEqual([]));

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
    const page = [
      'Nursery - Photographing Children',
      '',
      'Parents are asked to consent to sun cream being applied. Staff photographs are displayed in the entrance hall.',
    ].join('\n');
    expect(uses(page)).toEqual([]);
  });
});
