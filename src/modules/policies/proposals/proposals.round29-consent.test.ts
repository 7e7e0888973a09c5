import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 29 (session 15): consent forms read whole, how long an answer lasts, and the occasions never photographed, in
 * wording met in the fitted policies of session 14 and the blind sets of session 15, paraphrased and varied.
 */

describe('round 29: how long an answer about images lasts', () => {
  const lapse = (text: string) => proposals(text)['consent.lapse'];

  it.each([
    ['The photo consent form is sent home in Reception and reissued at the start of Year 3 and Year 7.', 'key-stage-change'],
    ['Image consent is collected on entry and renewed when a pupil moves up to the junior school.', 'key-stage-change'],
    ['Photograph consent stays valid for as long as your child attends the school, unless you withdraw it.', 'never'],
    ['Photographs\n\nPlease tick each use you agree to on the form. Your choices stay in place for the whole time your child is at the school.', 'never'],
    ['Photographs\n\nPlease tick each use you agree to on the form. We will check your choices with you each September.', 'each-september'],
  ])('%s', (text, expected) => expect(lapse(text)).toBe(expected));

  it.each([
    // A reminder asks nothing again.
    'Photographs\n\nPlease tick each use you agree to on the form. Each September we send a reminder asking you to check your choices.',
    // Another form, renewed at a change of phase.
    'The trip consent form is reissued at the start of Year 7.',
    // The answers are not what is renewed.
    'Your choices about school dinners can be changed each September.',
  ])('no lapse from: %s', (text) => expect(lapse(text)).toBeUndefined());
});

describe('round 29: a refusal to one item is no opt-out; online safety concerns', () => {
  it('“If a parent does not consent to (b)…” under a list of uses asked about leaves the list asked', () => {
    expect(
      uses(
        'Parental consent\n\nParents are asked on the registration form to agree (or not) to:\n\na) photographs on displays in the nursery;\nb) photographs on the nursery’s website.\n\nIf a parent does not consent to (b), staff will crop the child out of any picture before it is uploaded.',
      ),
    ).toEqual(['displays', 'website']);
  });

  it('“If a parent does not want…” is still an opt-out of the page', () => {
    expect(
      uses(
        'Photographs\n\nWe use photographs on displays in school and on our website. If a parent does not want their child photographed, please tell the office.',
      ),
    ).toEqual([]);
  });

  it.each([
    ['All staff must report online safety concerns to the Designated Safeguarding Lead without delay.', { 'concerns.routes.safeguarding.notify': ['dsl'] }],
    ['Any e-safety concern must be passed to the DSL.', { 'concerns.routes.safeguarding.notify': ['dsl'] }],
  ])('%s', (text, expected) => expect(proposals(text)).toMatchObject(expected));
});

describe('round 29 (blind sets 38–39): one sentence no longer silences a consent form', () => {
  const form =
    'Consent\n\nWe ask for photograph consent when your child joins. The form asks separately about photographs in the newsletter, on the website and on our Facebook page.';

  it.each([
    // A heading that opens the uses needing no consent, and a record kept as part of a pupil's education.
    [`${form}\n\n### When we do not need consent\n\nPhotographs of pupils' work are kept in their learning journal, and we do not ask for consent for this.`],
    // The academy's own name or logo used "without permission".
    [`${form}\n\nNo member of staff may set up an account that uses the academy's name or logo without permission.`],
  ])('%s', (page) => expect(uses(page)).toEqual(['publications', 'social-media', 'website']));

  it('a consent form’s questions as a list, whose items name only the place', () => {
    expect(
      uses(
        'Consent\n\nParents complete the Image Consent Form when their child joins. The form asks about each of the following:\n(i) the school website;\n(ii) the school’s X account;\n(iii) the local newspaper.',
      ),
    ).toEqual(['press', 'social-media', 'website']);
  });

  it.each([
    // A form about something else, and a page that needs no consent at all.
    'Trips\n\nParents complete the trips form. The form asks about each of the following:\n- the school website;\n- the residential.',
    'Photographs\n\nWe do not need consent for photographs used in school.\n\nWe use photographs on the website and in the newsletter.',
  ])('no uses asked from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('round 29 (blind set 40): a reply slip as a Markdown table with numbered rows', () => {
  it('reads each numbered row the carer ticks', () => {
    expect(
      uses(
        'Reply slip\n\nPlease tick **Yes** or **No** for each one.\n\n| | Yes | No |\n|---|---|---|\n| 1. Photos of my child on the school website | ☐ | ☐ |\n| 2. Photos of my child in the local newspaper | ☐ | ☐ |',
      ),
    ).toEqual(['press', 'website']);
  });

  it('a numbered table of something else asks nothing', () => {
    expect(
      uses('Reply slip\n\nPlease tick **Yes** or **No** for each one.\n\n| | Yes | No |\n|---|---|---|\n| 1. My child may walk home alone | ☐ | ☐ |'),
    ).toEqual([]);
  });
});

describe('round 29: an opt-out or a "no consent" list said of one use inside school is not the page’s', () => {
  const page = 'Photographs\n\nPlease complete the consent form for photographs.\n\nWe use photographs on our website, on displays and in our newsletter.';

  it('the school photographer’s opt-out leaves the form’s uses asked, and the class photographs are not asked about', () => {
    const text = `${page}\n\nEach autumn a photographer takes individual and class photos. Every child is included unless you tell the office.`;
    expect(uses(text)).toEqual(['displays', 'publications', 'website']);
  });

  it('items under “We do not ask for consent for:” are not asked about', () => {
    const text = `${page}\n\nWe do not ask for consent for:\n- photos on displays inside school;\n- the photo on your child’s school record.`;
    expect(uses(text)).toEqual(['publications', 'website']);
  });

  // (An opt-out said of a use outside school, or of nothing named, stays the page's: page.test.ts, 'an opt-out page reads
  // nothing', and round 19's 'a page that says carers opt out is still an opt-out page'.)
});

describe('round 29 (blind sets 39–42): separate choices, numbered tick boxes, a website without photographs', () => {
  it('“There are separate choices for:” after a sentence about photographs', () => {
    expect(
      uses(
        'Images\n\nPupils’ families are asked about photographs when they join. There are separate choices for:\n- the school website;\n- the press and media;\n- the newsletter.',
      ),
    ).toEqual(['press', 'publications', 'website']);
  });

  it('separate choices about something else ask nothing', () => {
    expect(uses('Clubs\n\nFamilies choose clubs each term. There are separate choices for:\n- the website club;\n- the newsletter team.')).toEqual([]);
  });

  it('a tick box before a numbered row', () => {
    expect(
      uses(
        'Permission form\n\nPlease tick each box you agree to.\n☐ 1. Photographs of my child may be used on the school website.\n☐ 2. Photographs of my child may appear in the newsletter.',
      ),
    ).toEqual(['publications', 'website']);
  });

  it.each([
    ['Our website does not have any photographs of children on it.', false],
    ['The school website does not include images of pupils.', false],
  ])('%s', (text, value) => expect(proposals(text)['consent.purposes.website.active']).toBe(value));

  it.each([
    'Our website does not include photographs of children without their parents’ consent.',
    'The website does not show photographs of pupils with their names.',
    'Their website does not have any photographs of children on it.',
  ])('no website setting from: %s', (text) => expect(proposals(text)['consent.purposes.website.active']).not.toBe(false));
});

describe('round 29 (blind sets 43–45): a consent form read whole', () => {
  const form = 'Consent\n\nParents complete the photo consent form when their child joins. We use photographs on the website and in the newsletter.';

  it.each([
    // A label or a pointer to some uses that need no consent is not the page's "no consent".
    `${form}\n\nUses that do not need consent.\n\nPhotographs kept as evidence of learning.`,
    `${form}\n\nThese are listed in section 5 as uses that do not require consent.`,
    `${form}\n\nEven where consent is not needed, parents can tell us their worries.`,
  ])('%s', (page) => expect(uses(page)).toEqual(['publications', 'website']));

  it('“The form lists each use separately (…)” under a policy about images', () => {
    expect(
      uses(
        'Oakfield Academy\n\nPhotography and Video Policy\n\nConsent is collected on the parent app. The form lists each use separately (website; social media; press and media) so that consent can be given for some uses and not others.',
      ),
    ).toEqual(['press', 'social-media', 'website']);
    // The same words under a school's name and a policy about something else ask nothing.
    expect(
      uses('Oakfield Academy\n\nCharging Policy\n\nThe form lists each use separately (website; social media; press and media) so that parents can choose.'),
    ).toEqual([]);
  });

  it('how long photographs are kept is no use consent is asked for', () => {
    expect(
      uses(
        'Photographs\n\nPlease complete the consent form for photographs. We use photographs on our website.\n\nWe delete photos at the end of each year, apart from whole-class photos, which go in the school’s history folder.',
      ),
    ).toEqual(['website']);
  });
});

describe('round 29 (blind sets 38–45): a refusal reaches each occasion of its list', () => {
  it.each([
    ['Staff will not photograph pupils while they are changing, in the toilets, during swimming lessons, or when they are upset.', ['swimming']],
    [
      'Staff will not take photographs of pupils:\n- while they are changing;\n- at swimming lessons, under any circumstances;\n- in the toilets.',
      ['swimming'],
    ],
  ])('%s', (text, value) => expect(proposals(text)['photos.prohibitedContexts']).toEqual(value));

  it.each([
    // The refusal ends where a new clause with its own subject begins.
    'We do not take photographs when children are getting changed, and photographs of sports day are taken with care.',
    'We will make sure your child is not in any photos that leave school, and we will help you with events like the nativity.',
  ])('no occasion from the clause after: %s', (text) => expect(proposals(text)['photos.prohibitedContexts']).toBeUndefined());
});

describe('round 29: what narrows an occasion in a list of refusals', () => {
  it.each([
    'We never take photographs:\n- in the toilets;\n- at bedtime or in the dormitories on the Year 6 residential trip.',
    'We never take photographs of children:\n- while they are getting changed, for example after water play;\n- of any injury.',
    'Images must never be taken of pupils:\n(a) in toilets;\n(b) in bedrooms or sleeping areas on residential visits.',
    'We will never publish photographs from the residential trip on Facebook.',
  ])('no occasion from: %s', (text) => expect(proposals(text)['photos.prohibitedContexts']).toBeUndefined());

  it('a residential trip or the school play refused outright still is', () => {
    expect(proposals('We never take photographs:\n- on the residential trip;\n- at the school play.')['photos.prohibitedContexts']).toEqual([
      'performance',
      'trip',
    ]);
  });
});
