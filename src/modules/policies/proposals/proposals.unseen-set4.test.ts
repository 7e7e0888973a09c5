import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Wording of the kinds the fourth unseen set missed (described in words, never read here), written for any school's
 * way of saying it: each case paraphrased, with cases that must propose nothing.
 */

describe('the press in a list of uses, as several words joined by "or" or "and"', () => {
  it.each([
    [
      'We will ask parents for consent to use their child’s image, and for what purpose (i.e. display, prospectus, advertising material, publication in the school’s newsletter, on the school’s website, video or in the local or national press).',
      ['displays', 'press', 'publications', 'website'],
    ],
    ['Consent is sought before photographs are used (for example in local and national newspapers, on the website).', ['press', 'website']],
    ['The school will request permission for images to be used in the regional or national media.', ['press']],
    ['Parental permission is obtained before images appear in the national press.', ['press']],
    ['We seek your consent for school purposes (e.g. displays, national newspapers).', ['displays', 'press']],
  ])('%s', (sentence, expected) => expect(uses(sentence)).toEqual(expected));

  it.each([
    'Staff may read the local and national press in the staff room.',
    'We will never share images with the local or national press (television, newspapers).',
    'Parents are asked for consent for trips (local or national museums, the theatre).',
  ])('nothing from: %s', (sentence) => expect(uses(sentence)).toEqual([]));
});

describe('consent gathered at the start of each school year, or (in Scotland) each session', () => {
  it.each([
    'Permission for images is gathered at the start of each session from parents and carers.',
    'Parents are asked for photo consent at the beginning of every school session.',
    'Consent forms for photographs are issued each academic session.',
    'Parental permission for photographs is collected at the start of every academic year.',
    'Consent for photographs is obtained at the start of each school year.',
  ])('%s', (sentence) => expect(proposals(sentence)).toEqual({ 'consent.lapse': 'each-september' }));

  it.each([
    'Children are registered at the start of each session and photographs may be taken.',
    'Consent for photographs is obtained when your child joins the nursery. Sessions start at 9am.',
    'Consent for the swimming sessions is collected at the start of each session.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)['consent.lapse']).toBeUndefined());
});

describe('the review interval from an approval date and a review date on the lines under it', () => {
  const header = (first: string, second: string) => `Photography Policy\n\n${first}\n${second}\n\nThis policy sets out how we use images.\n`;
  it.each([
    ['Approved by the Governing Body on: Autumn 2022', 'Date of Review: Autumn 2024', 24],
    ['Date ratified by the Trust Board: 25 October 2018', 'Date for review: October 2019', 12],
    ['Adopted by governors: Spring 2021', 'Review date: Spring 2024', 36],
    ['Ratified by the Local Governing Body: 12 March 2023', 'Next review: March 2024', 12],
    ['Approved by the Head Teacher: September 2022', 'Date of review: September 2024', 24],
  ])('%s / %s', (first, second, months) => expect(proposals(header(first, second))['policyReview.intervalMonths']).toBe(months));

  it.each([
    ['Date ratified by the Trust Board:\n25 October 2018\nDate for review:\nOctober 2019', 12],
    ['| Date ratified by the Trust Board: | 25 October 2018 |\n| Date for review: | October 2019 |', 12],
    ['Approved by the Governing Body on:\nAutumn 2022\nDate of Review:\nAutumn 2024', 24],
    ['| Approved by the Governing Body on: | Autumn 2022 |\n| Date of Review: | Autumn 2024 |', 24],
    ['Approved by the Governing Body on: Autumn 2022   Date of Review: Autumn 2024', 24],
    ['Date adopted by the Local Governing Body: 25 October 2018\nNext review due: October 2019', 12],
  ])('laid out as %s', (lines, months) => expect(proposals(`Online Safety Policy\n\n${lines}\n\nText.\n`)['policyReview.intervalMonths']).toBe(months));

  it('a table row’s label cell and its body', () => {
    expect(proposals('Online Safety Policy\n\n| Date ratified by the Trust Board: | 25 October 2018 |\n\nText.\n')['policyReview.approvingBody']).toBe(
      'Trust Board',
    );
    expect(proposals('Online Safety Policy\n\n| Approved by: | Local Governing Body |\n\nText.\n')['policyReview.approvingBody']).toBe('Local Governing Body');
  });

  it.each([
    // The same date twice, a "Date of review" above an older approval, a date that is no approval: no interval.
    ['Approved: Summer 2023', 'Date of Review: Summer 2023'],
    ['Date of review: Autumn 2022', 'Approved by governors: Autumn 2020'],
    ['Written by: J Smith, Autumn 2022', 'Date of Review: Autumn 2024'],
    ['Approved by the Governing Body on: Autumn 2022', 'Date of Review: Spring 2023'],
  ])('nothing from: %s / %s', (first, second) => expect(proposals(header(first, second))['policyReview.intervalMonths']).toBeUndefined());
});

describe('the approver as label, body, dash and date on one line', () => {
  const header = (line: string) => `E-Safety Policy\n\n${line}\n\nThis policy applies to all.\n`;
  it.each([
    ['Approved: Executive – July 2017', 'Executive'],
    ['Approved: Executive Board - 3 March 2021', 'Executive Board'],
    ['Ratified: Trust Executive, Spring 2020', 'Trust Executive'],
    ['Approved by: Executive Team on 4 May 2022', 'Executive Team'],
    ['Approved: Governing Body – July 2017', 'Governing Body'],
    ['Adopted: Trust Board — September 2019', 'Trust Board'],
  ])('%s', (line, body) => expect(proposals(header(line))['policyReview.approvingBody']).toBe(body));

  it.each(['Approved: Executive Officer – July 2017', 'Approved: July 2017', 'The executive will approve changes to the policy.'])('nothing from: %s', (line) =>
    expect(proposals(header(line))['policyReview.approvingBody']).toBeUndefined(),
  );
});

describe('displays processed on the basis of the public task or duty: no consent purpose', () => {
  it.each([
    'Images taken for educational purposes, as records of evidence and for displays are processed on the basis of the public task of the school, therefore consent is not required.',
    'Photographs used for classroom displays and assessment are processed under the school’s public duty.',
    'Pictures for wall displays are held as part of our public task.',
    'Images for displays in school are processed on the lawful basis of the academy’s public task; consent is therefore not required.',
  ])('%s', (sentence) => expect(proposals(sentence)).toEqual({ 'consent.purposes.displays.basis': 'public-task' }));

  it.each([
    "Photographs taken for display purposes and as a record of evidence are processed on the basis of the school's public task. Therefore, consent is not required.",
    'We use images on classroom displays and in learning journals. Consent is therefore not required for these uses.',
    'Pictures are put up on display boards around school. As such, no consent is needed.',
  ])('the sentence after: %s', (page) => expect(proposals(page)).toEqual({ 'consent.purposes.displays.basis': 'public-task' }));

  it('a use inside school with no consent asked, beside the public task, is no purpose carers are asked', () => {
    const page = [
      'Photography and Images',
      '',
      'Staff take photographs of pupils which are used for display purposes within school or as a record of evidence of learning.',
      '',
      'Parental consent will be sought for images to be used on the website.',
      '',
      'Images used for educational purposes, such as records of evidence and displays, are processed under the public duty of the school. Consent is therefore not required for these.',
    ].join('\n');
    expect(proposals(page)).toEqual({ 'consent.purposes.website.active': true, 'consent.purposes.displays.basis': 'public-task' });
  });

  it('educational purposes and records of evidence that need no consent are the uses inside school: displays are none of the asked', () => {
    const page = [
      'Use of Images',
      '',
      'Photographs may be used for display purposes within school or as a record of evidence.',
      '',
      'We will ask for written consent from parents before any image is used on the school website.',
      '',
      'Images taken for educational purposes and as records of evidence are processed on the basis of the public task, therefore consent is not required.',
    ].join('\n');
    expect(uses(page)).toEqual(['website']);
  });

  it.each([
    'Images on the website are processed on the basis of consent, not the public task.',
    'Images taken for educational purposes are processed on the basis of the public task, therefore consent is not required.',
    'Our public duty is to keep children safe when displays are put up.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)['consent.purposes.displays.basis']).toBeUndefined());
});

describe('"We will not:" and a bullet "publish photographs … without consent" on a page about one channel', () => {
  it.each([
    'Twitter Policy\n\nThe school has a Twitter account to share news with parents.\n\nWe will not:\n\n- post the full names of children\n- publish photographs of children without the written consent of parents/carers\n- follow pupils\n',
    'School Facebook Page\n\nThe academy will never:\n\n* share images of pupils without parental permission\n* reply to comments\n',
    'Online Safety\n\nOur Instagram account\n\nThe school will not:\n\n1. post pictures of pupils without written consent from their parents;\n2. tag pupils.\n',
    'Social Media Policy\n\nWe use Facebook and Twitter.\n\nWe will not:\n\n- publish photographs of children without the written consent of parents/carers\n',
  ])('%s', (page) => expect(uses(page)).toEqual(['social-media']));

  it('a lead ending in a dash ("We will not –") over the bullets', () => {
    const page =
      "Our Twitter Account\n\nThe school uses Twitter to celebrate pupils' work.\n\nWe will not –\n\n- post the full names of children\n- publish photographs of children without the written consent of parents/carers\n";
    expect(uses(page)).toEqual(['social-media']);
  });

  it('the channel the bullet names itself', () => {
    expect(uses('Online Safety\n\nWe will not:\n\n- upload photographs of pupils to the website without parents’ consent\n')).toEqual(['website']);
  });

  it.each([
    // Staff's rule, a ban with no consent, a page about no one channel or several, a lead that is not negated.
    'Twitter Policy\n\nStaff will not:\n\n- publish photographs of children without the written consent of parents/carers\n',
    'Twitter Policy\n\nWe will not:\n\n- publish photographs of children at all\n- publish names without consent\n',
    'Photography Policy\n\nWe will not:\n\n- publish photographs of children without the written consent of parents/carers\n',
    'Website and Twitter\n\nWe will not:\n\n- publish photographs of children without the written consent of parents/carers\n',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));

  it('a lead that is not negated asks no consent, but its naming rule says the school posts there', () =>
    expect(uses('Twitter Policy\n\nWe will:\n\n- publish photographs of children with first names only\n')).toEqual(['social-media']));
});

describe('a page that asks before images of children are shared, on the channels where the school shares their work', () => {
  it.each([
    [
      'Photography Protocol\n\nOur school uses Seesaw and Twitter to share the work of the school and of individual children.\n\n- No images of children will be shared without the express permission of their parents\n- Lists of children with permission are given to class teachers\n',
      ['social-media'],
    ],
    [
      'Sharing Learning\n\nWe use our Facebook page to celebrate pupils’ achievements.\n\n- No photograph of a child is shared without written parental consent\n',
      ['social-media'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // News of the school's accounts, not what it shares there.
    'Dear Parents\n\nWe are now active on Facebook and Twitter.\n\n- No images of children will be shared without the express permission of their parents\n',
    // Parents sharing, not the school.
    'Photography\n\nParents use WhatsApp to share photos of their children.\n\n- Please do not share images of other children without their parents’ permission\n',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('no names, except first names for a reason: first names at most on the channel the list is about', () => {
  const naming = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /\.naming$/.test(setting)));
  it.each([
    [
      "School website\n\nOn the school website we will:\n\n- Avoid using pupils' full names\n- To avoid identifying a pupil by name (unless for a specific reason, such as an award, and in such cases, only using a first name)\n- Use group photographs\n",
      'website',
    ],
    [
      'Images\n\nWhen publishing on our Facebook page, the school will:\n\n* avoid naming any child (except where a child wins a prize, when only their first name is used)\n',
      'social-media',
    ],
    ['Images\n\nWe avoid identifying children by name in the newsletter, except for awards, where first names only are given.\n', 'newsletter'],
    [
      'Images\n\nOn our Twitter feed:\n\n- children will not be named (except when celebrating an achievement, when only a first name will be used)\n',
      'social-media',
    ],
    ['Images\n\nOn the website, no child will be named unless for a specific reason, and then by first name only.\n', 'website'],
  ])('%s', (page, channel) => expect(naming(page)).toEqual({ [`photos.channels.${channel}.naming`]: 'first-names' }));

  it.each([
    // No channel the lead ties the list to, two channels, an exception that is no first-name rule.
    'Images\n\nThe school will:\n\n- avoid identifying a pupil by name (unless for an award, and then only using a first name)\n',
    'Images\n\nWhen using the website and Twitter we will:\n\n- avoid identifying a pupil by name (unless for an award, and then only using a first name)\n',
    'Images\n\nOn the website we will:\n\n- avoid identifying a pupil by name unless parents agree\n',
    'Website\n\nParents will:\n\n- avoid naming any child (unless only using a first name)\n',
    'Images\n\nOn the website, children will be named in full (except where parents ask for first names only).\n',
  ])('nothing from: %s', (page) => expect(naming(page)).toEqual({}));
});
