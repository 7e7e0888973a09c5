import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 17 (a): kinds met on two real dev sets (read, never copied: every sentence here is written for the test, with
 * other schools, roles and channels), each as a rule any school's wording would meet, with must-propose-nothing cases.
 */

const basis = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^consent\.purposes\.[a-z-]+\.basis$/.test(setting)));

describe('"opt in or opt out" is the choice a consent offers, not an opt-out basis', () => {
  it.each([
    [
      'Publicity\n\n- When they enrol, learners are asked whether they consent to their photographs being used in our prospectus and on the college website. Learners may opt in or opt out.',
      ['publications', 'website'],
    ],
    [
      'Pictures of pupils\n\nWe ask every family whether they give permission for photographs of their child to appear in the newsletter. Families can opt in or opt out of each use separately.',
      ['publications'],
    ],
    [
      "Images\n\nParents sign a form to give their consent for photographs on the school's Facebook page. You may opt in/opt out at any time by writing to the office.",
      ['social-media'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });

  it.each([
    // A real opt-out still silences the page's consent uses.
    'Publicity\n\nWe ask every family whether they give permission for photographs to appear in the newsletter. Families who would rather not take part can opt out by telling the office.',
    'Pictures\n\nWe ask families whether they give permission for photographs of their child in the prospectus. Parents who prefer can opt out of this by emailing the school.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });
});

describe('"without consent" in a breach, a condition or a pupil\'s rule does not say the school needs no consent', () => {
  it.each([
    [
      'Images\n\n- If a pupil photographs a classmate without consent, the picture must be deleted at once.\n- Each September we ask pupils whether they consent to their photographs being used on the academy website.',
      ['website'],
    ],
    [
      'Photographs\n\n- Failure to remove pictures taken without permission may lead to sanctions.\n- Each autumn we ask parents whether they give permission for images of their child to appear in the prospectus.',
      ['publications'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });

  it.each([
    // The school's own statement that it uses images without consent reads nothing for that use (the product refuses a
    // use outside school without consent); the use carers are asked about in so many words is still asked (session 19).
    [
      'Images\n\nWe use photographs of pupils on the website without consent, as part of our public duty. Parents are asked whether they give permission for photographs in the newsletter.',
      ['publications'],
    ],
    [
      'Photographs\n\nThe school may publish photographs in the local paper without parental consent. Parents are asked whether they give permission for photographs on the website.',
      ['website'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });
});

describe('a paragraph ending "…your permission to" over bullets is a consent list\'s lead', () => {
  it.each([
    [
      'Consents\n\nWhen your child joins us we ask for a few consents. Among them is your permission to\n\n- photograph your child during lessons and on visits\n- use those photographs in the prospectus or on our Instagram account\n- give your child paracetamol in an emergency',
      ['publications', 'social-media'],
    ],
    [
      'Starting school\n\nOn the admission form, the Principal will seek your consent for\n\n- pictures of your child on the school website\n- school trips within the county',
      ['website'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });

  it.each([
    // Staff's rule, a negated lead, a lead that is no request, and a request for something other than images.
    "Staff conduct\n\nMembers of staff are not permitted to\n\n- post photographs of pupils on their own social media\n- use pupils' images on personal websites",
    'Consents\n\nWe will not need your permission to\n\n- use photographs of your child in classroom displays\n- include them in the newsletter',
    'Useful information\n\nFamilies often ask us about how to\n\n- find photographs of events on the website\n- follow our Twitter account',
    'Trips\n\nBefore each trip we need your permission to\n\n- take your child off site by coach\n- give sun cream',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });
});

describe('"if you do not wish your child\'s photographs to be used for these purposes, contact us": an opt-out for the uses inside school', () => {
  it.each([
    [
      'Photographs\n\nWe put photographs of the children on display boards around the school. If you do not wish photographs of your child to be used for these purposes, please contact the office.',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      "Pictures\n\nPupils' pictures appear on the display screens in the entrance hall and on classroom displays. If you would prefer your child not to appear in these ways, please speak to the class teacher.",
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      "Images\n\nWe like to show pictures of our pupils on displays in school. If you don't want your child to be photographed for these uses, simply let us know.",
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual([]);
    expect(basis(page)).toEqual(expected);
  });

  it.each([
    // A use outside school cannot be opt-out.
    'Photographs\n\nWe use photographs of pupils on the website and in the newsletter. If you do not wish photographs of your child to be used for these purposes, please contact the school.',
    // The form's answer is consent, not an opt-out.
    'Photographs\n\nWe put photographs on display boards around the school. If you do not wish your child to be photographed for these purposes, please tick the box on the consent form.',
    // Parents' own photographs, and advice.
    'Parents at events\n\nParents may film the nativity for their own use. If you do not wish to be filmed yourself, please sit towards the back of the hall.',
  ])('%s', (page) => {
    expect(basis(page)).toEqual({});
  });
});

describe('"no image may be used for … unless consent is given": consent is asked for the uses it names', () => {
  it.each([
    ['Data protection\n\nPhotographs are personal data, so no image will be used for display unless consent has been given by the parent.', ['displays']],
    [
      'Images\n\nNo photographs of pupils may be published in the newsletter or on the website unless written consent is obtained.',
      ['publications', 'website'],
    ],
    ['Pictures\n\nNo picture can be shown on classroom displays, in the prospectus etc. unless permission is given by a carer.', ['displays', 'publications']],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });

  it.each([
    // A rule for staff's own devices, a condition on the Head's say, and no "no … unless consent" at all.
    "Staff\n\nNo images may be posted on staff's personal social media accounts unless consent is given by the Headteacher.",
    'Images\n\nNo photographs will be used on the website unless the Principal agrees.',
    'Images\n\nNo photographs are used in the newsletter.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });
});

describe('displays said as publishing "in and around the school building"; portraits by a professional photographer', () => {
  it.each([
    [
      'Use of images\n\nWe need your consent before we photograph your child. We use photographs in these ways:\n\n- We publish pictures in and around the school building to show life at school.\n- We put photographs on the academy website.',
      ['displays', 'website'],
    ],
    ['Photographs\n\nPlease sign the consent form for photographs. Images of pupils are displayed throughout the school premises.', ['displays']],
    [
      'Photographs\n\nPhotographs may also be taken in the following ways:\n\n- We ask parents for their consent for photographs on the registration form.\n- A professional photographer takes portraits of the children each spring, which parents may buy.',
      ['class-photo'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
  });

  it.each([
    // Photographs taken around the school and published elsewhere are not displays; portraits of staff are no pupils'.
    'Photographs\n\nPlease sign the consent form for photographs. Pictures taken in and around the school are published on our website only.',
    'Staff photographs\n\nA professional photographer takes portraits of the staff for the entrance board.',
  ])('%s', (page) => {
    expect(uses(page).filter((key) => key === 'displays' || key === 'class-photo')).toEqual([]);
  });
});
