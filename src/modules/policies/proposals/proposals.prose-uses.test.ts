import { describe, expect, it } from 'vitest';
import { uses } from '../../../../test/helpers/proposals.ts';

/**
 * Consent uses in prose (round 13): on a page that asks carers for permission for images (a consent page, a letter, a
 * form, a question-and-answer guide), the uses are taken from any sentence that names channels for the school's images,
 * whatever its wording — never from one that negates, is a condition, concerns staff's or parents' own photography, or
 * concerns something other than images. Every page here is written for the test, in several styles and voices.
 */

describe('a page that asks for permission for images: the uses its prose describes', () => {
  it.each([
    [
      'a letter, the request after the uses, pointing at a reply slip',
      `Dear Parents and Carers,

At Oakfield Primary we love to celebrate what our children achieve. Throughout the year we take photographs of pupils at work and at play.

Some of these pictures go into our termly newsletter, and others appear on the school website and our Facebook page.

Please complete the slip below to tell us whether you give permission for your child's photograph to be used.

Yours sincerely,
Mrs J Patel
Headteacher`,
      ['publications', 'social-media', 'website'],
    ],
    [
      'a letter from the Principal, "you might spot your child…"',
      `Dear Families,

Each year the Principal writes to ask for your permission regarding photographs of your child.

During the year we capture moments from lessons, sports day and performances. You might spot your child in our weekly bulletin, on the academy website or on our Instagram page, and the best pictures are displayed in the main corridor.

Please return the reply slip by Friday.`,
      ['displays', 'publications', 'social-media', 'website'],
    ],
    [
      'a letter asking every family, the uses after it',
      `Dear Parent or Carer

Photographs and your child

We are asking every family to give permission for photographs. Photographs of pupils are used on our website, in the school magazine and on wall displays around the building.

Mr Jones
Head Teacher`,
      ['displays', 'publications', 'website'],
    ],
    [
      'questions and answers, the answer naming the channels',
      `Photographs in school: questions parents ask

Why does the school take photographs?
Pictures help us record learning and share the life of the school.

Where will my child's picture be seen?
Pictures are shown in the school newsletter, on the website and on our Instagram feed.

Do I have to give consent?
Yes. We ask every family to give written consent when their child joins the school.`,
      ['publications', 'social-media', 'website'],
    ],
    [
      'questions and answers, a class photographer among them',
      `Frequently asked questions about photographs

Will you ask me before using my child's photo?
Yes. We ask all parents to sign a consent form when their child starts.

Where might photos be used?
Photos of pupils may appear in the prospectus and on the school's Twitter feed. Class photographs are taken each autumn by a professional photographer.`,
      ['class-photo', 'publications', 'social-media'],
    ],
    [
      'bullets with no lead, each a sentence of use',
      `Photo Permission

We need your consent before we use images of your child.
- Pictures of class activities are shared on our Facebook page
- Achievements are celebrated in the newsletter with photographs
- Images are sometimes sent to the local newspaper`,
      ['press', 'publications', 'social-media'],
    ],
    [
      'a table flattened to pipes',
      `Pupil Photographs – Consent Form
We ask parents to give consent for the following:
| Use | Yes | No |
| School website | ☐ | ☐ |
| Newsletter | ☐ | ☐ |
| Local press | ☐ | ☐ |`,
      ['press', 'publications', 'website'],
    ],
    [
      'consent asked on joining, the uses in the next sentence',
      `Consent for Photographs

When your child starts at the academy we ask you to give your consent for us to photograph them. The academy celebrates pupils' success in the press and on its social media channels, and you may see your child's photograph in the school magazine.`,
      ['press', 'publications', 'social-media'],
    ],
  ])('%s', (_, page, expected) => expect(uses(page)).toEqual(expected));
});

describe('prose that names channels but describes no use consent is asked for: nothing', () => {
  it.each([
    [
      'a condition: the school would ask first',
      `Photographs

We ask for your consent to take photographs of your child. If we ever wished to use a photograph in the local newspaper, we would contact you first.`,
    ],
    [
      'the press asked about separately, social media negated',
      `Photography

We ask parents to give their consent for photographs to be taken in school. Should a newspaper wish to photograph your child, we will ask your permission separately. We will not put photographs on social media.`,
    ],
    [
      'a hypothetical channel',
      `Photographs

We ask all parents to complete a consent form for photographs used around school. If the school were to start a Facebook page, images might be used there, and we would ask you again.`,
    ],
    [
      'every channel negated',
      `Photographs of pupils

Please tell us whether you give permission for photographs of your child to be taken for our records. Images of children will never appear on our website, in the press or on social media.`,
    ],
    [
      'staff’s and parents’ own photographs',
      `Photography

We ask parents for their consent before photographs of pupils are taken. Staff must not upload photographs of pupils to their own Facebook accounts. Parents must not post images from school events on social media.`,
    ],
    [
      'a staff agreement',
      `Staff Acceptable Use Agreement

Staff must obtain parental consent before photographing pupils. I will only upload photographs of pupils to the school website using school equipment. I will not post images of pupils on social media.`,
    ],
    [
      'parents asking other parents',
      `Photographs at School Events

Parents are welcome to take photographs of their own child at the nativity. Please ask permission before you photograph other children. Please do not post images of other pupils on Facebook or other social media.`,
    ],
    [
      'consent for a trip',
      `School trip to the zoo

Please sign and return the consent form for the trip. Photographs of the trip will be posted on the school website.`,
    ],
    [
      'consent for the internet',
      `Internet Access

Parents are asked to sign a consent form for their child to use the internet. Pupils' photographs are shown on the school website.`,
    ],
    [
      'consent for medicine, the channels about something else',
      `Consent

We ask parents for their consent to administer medicine. Details of our medicine policy are on the school website and in the prospectus.`,
    ],
    [
      'pictures of things and of adults',
      `Photographs\n\nWe ask parents for their consent to photographs of pupils. Photos of lost property can be found on our Facebook page. Pictures of the new building can be seen on the website. Photographs of staff appear in the prospectus.`,
    ],
    [
      'consent for data, the website about data',
      `Privacy notice

We ask for your consent to process certain data. The school website explains how we use data about pupils and publishes the newsletter.`,
    ],
    [
      'trips asked each year by the Head, a use of pictures only as news',
      `Dear Parents

The Headteacher writes each year to ask for your consent for local walks. You can read about our walks in the newsletter.`,
    ],
  ])('%s', (_, page) => expect(uses(page)).toEqual([]));
});

describe('a table flattened by tabs, the rows a request points to', () => {
  it('the rows above "each use listed in the table"', () => {
    const page = [
      'Image Consent',
      'Use\tWhere it appears\tWho sees it',
      'Newsletter\tSent home each half term\tFamilies',
      'Website\tPublic pages\tAnyone',
      'Class photographs\tTaken by a photographer\tFamilies',
      'Parents are asked to give permission for each use listed in the table.',
    ].join('\n');
    expect(uses(page)).toEqual(['class-photo', 'publications', 'website']);
  });

  it('the rows below "the following uses"; a row that says a channel is not used is none', () => {
    const page = [
      'Photographs of Students',
      'We ask parents to give consent for the following uses:',
      'Prospectus\tPrinted each autumn',
      'Twitter\tPosts about events',
      'Local newspaper\tNot used',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'social-media']);
  });

  it.each([
    [
      'a table of trips',
      ['Summer trips', 'Please give consent for each trip listed below:', 'Zoo\tJune\tPhotos on the website', 'Farm\tJuly\tPhotos in the newsletter'].join(
        '\n',
      ),
    ],
    [
      'a table of staff duties with no request pointing to it',
      [
        'Photography',
        'Who\tWhat they do',
        'Office\tUpdates the website',
        'Head\tWrites the newsletter',
        'We ask parents to sign the consent form for photographs.',
      ].join('\n'),
    ],
  ])('nothing from %s', (_, page) => expect(uses(page)).toEqual([]));
});

describe('a request that leans on the sentence before, or opens with "with your permission"', () => {
  it.each([
    [
      'a letter with no heading: "for us to do this we need your consent" after the uses',
      `Dear parents,
We regularly take photos of the children to share on the class pages of our website. Photos are also used in our yearly prospectus.
For us to do this we need your consent. Please fill in the enclosed form and return it to the office.
Kind regards,
Ms Green`,
      ['publications', 'website'],
    ],
    [
      'a nursery: "with your permission, photographs may also be used on…"',
      `Photographs at Little Acorns

At Little Acorns we take photographs to record your child's learning journey. With your permission, photographs may also be used on our Facebook page and in our parent newsletter.`,
      ['publications', 'social-media'],
    ],
    [
      'a heading about consent, the uses before "we must have your written consent first"',
      `Why we ask for your consent

We want to share the good news from our school. Pictures of pupils feature in the local press, on our YouTube channel and across our social media. We must have your written consent first.`,
      ['press', 'social-media'],
    ],
  ])('%s', (_, page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    ['a walk', `Dear parents,\nPhotos of our walks go on the website.\nFor us to take your child to the park we need your consent.`],
    ['the head’s permission', `Photographs\n\nWith the Headteacher's permission, staff may post photographs on the school Twitter account.`],
    ['no images', `Pupil blogs\n\nWith parental consent, pupils may use the school website to publish their blogs.`],
    ['medicine', `Medicines\n\nThe nursery must have your written consent before giving medicine. Our medicines policy is on the website.`],
  ])('nothing from %s', (_, page) => expect(uses(page)).toEqual([]));
});

describe('requests that are not the carers’ consent for images', () => {
  it.each([
    ['someone else’s permission', 'Photographs\n\nWe need permission from the copyright owner to use images on the website.'],
    [
      'a question about something else',
      'Photographs on our website\n\nPlease let us know if you are happy to help at the summer fair, which appears in the newsletter.',
    ],
  ])('nothing from %s', (_, page) => expect(uses(page)).toEqual([]));

  it('the permission of each child’s parents is the carers’', () => {
    expect(uses('Photographs\n\nWe need the written permission of each child’s parents before photographs appear on the website.')).toEqual(['website']);
  });
});

describe('"please … give your consent" after the uses; verbs of promotion and tweeting', () => {
  it.each([
    [
      'Dear Parents,\n\nThe school publishes a yearbook and a termly magazine that include photographs of pupils. We also tweet pictures from the school account. Please sign the form to give your consent.',
      ['publications', 'social-media'],
    ],
    [
      'Photograph consent\n\nWe ask parents for their consent each September. Photographs will be used to promote the school on our website and social media.',
      ['social-media', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    'Photographs\n\nPhotos of the residential go on the website. Please sign the consent form for the residential trip.',
    'Photographs at events\n\nPhotos from events go on our Facebook page. Please ask permission before you take photographs of other children.',
    'Photographs\n\nPhotos of the play will be on the website. Please return the consent form for the internet.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('class photographs by a visiting photographer are the school’s use; the press’s own photographs are not', () => {
  const page = (sentence: string) => `Photograph consent\n\nWe ask for your consent each year. ${sentence}`;
  it.each([
    'Class photographs are taken every autumn by a visiting photographer.',
    'The school photographer visits in October to take class photographs and individual portraits.',
  ])('class photographs from: %s', (sentence) => expect(uses(page(sentence))).toEqual(['class-photo']));

  it.each(['The local press visits to take photographs of sports day.', 'Newspaper photographers sometimes take class photographs for the paper.'])(
    'nothing from: %s',
    (sentence) => expect(uses(page(sentence))).toEqual([]),
  );
});

describe('carers’ "agreement" is their consent; "whether they are happy…"; "no child will be photographed … without consent"', () => {
  it.each([
    ["We seek parents' agreement before images of their children are shared on social media or printed in the prospectus.", ['publications', 'social-media']],
    [
      'Photographs and video\n\nWe will always obtain your agreement before your child’s photograph appears in the newsletter or on Twitter.',
      ['publications', 'social-media'],
    ],
    [
      'Images of pupils\n\nParents are asked on admission whether they are happy for their child’s image to be used on the website and in the local paper.',
      ['press', 'website'],
    ],
    ['No child will be photographed for publicity purposes, such as the website or newspapers, without parental agreement.', ['press', 'website']],
    ['No pupil will be filmed for the school’s YouTube channel without written consent.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    'Photos\n\nThe home-school agreement is signed each year. Photographs appear on the website.',
    'Parents sign the acceptable use agreement before pupils use the website.',
    "We seek parents' agreement to the behaviour policy, which is on the website.",
    'No child will be photographed in the changing rooms.',
    "Staff: no child will be photographed on the website without the Headteacher's permission.",
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('releases, authorisations, choices and slips', () => {
  it.each([
    [
      "Photo release\n\nI hereby authorise the school to use photographs of my child in the yearbook and on the school's Facebook page.",
      ['publications', 'social-media'],
    ],
    [
      "Media consent\n\nParents/guardians can choose whether their child's photo may be published. Photos are published on the school app, the website and in the local newspaper.",
      ['press', 'website'],
    ],
    [
      "Photography\n\nConsent is requested at enrolment. Images may appear in the school's annual report, on the website and in local media.",
      ['press', 'publications', 'website'],
    ],
    [
      'Photographs\n\nAt the start of each year we send home a permission slip. It covers photos on the website, in the newsletter and on Facebook.',
      ['publications', 'social-media', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    'Photographs\n\nThe permission slip sent home each year covers trips only. Photos of trips are shared on Facebook.',
    'Internet\n\nI hereby authorise my child to use the internet. Photos of lessons are on the website.',
    'Photographs\n\nWe send home a newsletter. It covers news from the website and Facebook.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});
