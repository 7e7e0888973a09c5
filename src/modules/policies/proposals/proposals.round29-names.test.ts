import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Round 29 (session 15): how channels name pupils and who hears about which concern, in wording met in the fitted
 * policies of session 14 and the blind sets of session 15, paraphrased and varied.
 */

const press = { 'photos.channels.press.naming': 'full-with-permission' };

describe('round 29: the press names a pupil only with the family’s say', () => {
  it.each([
    'Reporters often ask for full names; we will always check with you before any name is passed on.',
    'A child may be named in the local paper only with the agreement of their parents.',
    'Journalists may wish to print pupils’ names, and we will contact parents beforehand on each occasion.',
    'Press releases that name a pupil are agreed with the family before they go out.',
    'If the newspaper wants to print a name, we will phone you and ask you first.',
    'Full names may be given to the press only with specific written consent.',
  ])('%s', (text) => expect(proposals(text)).toMatchObject(press));

  it('a consent form’s row that warns the press may print a name', () => {
    expect(proposals('Parental consent form\n\n[ ] My child may be photographed for the local newspaper (the newspaper may print names).')).toMatchObject(
      press,
    );
  });

  it.each([
    // A limit on names, or a decision by staff, is another rule.
    'The press will only be given first names.',
    'No names will be given to newspapers.',
    'Names of pupils will never be passed to journalists.',
    'The Headteacher decides whether the local paper may print a pupil’s name.',
    // Names of staff, or of the school; the press with no name at all.
    'Staff names may be given to the press with the consent of the member of staff.',
    'The local press may photograph pupils only with parental consent.',
    // Social media is not the press.
    'Pupils may be named on social media only with parental consent.',
  ])('not named with permission from: %s', (text) => expect(proposals(text)['photos.channels.press.naming']).not.toBe('full-with-permission'));
});

describe('round 29: kinds of concern said in other words', () => {
  const route = (text: string) => Object.fromEntries(Object.entries(proposals(text)).filter(([setting]) => setting.endsWith('.notify')));

  it.each([
    // A parent's or neighbour's post of other children: a community post.
    [
      'A parent shares pictures of other pupils from the sports day on Facebook: tell the Headteacher.',
      { 'concerns.routes.community-post.notify': ['headteacher'] },
    ],
    [
      'Staff who notice posts about a pupil on a village WhatsApp group should report them to the Headteacher.',
      { 'concerns.routes.community-post.notify': ['headteacher'] },
    ],
    // Posts about staff or the school, and staff abused online.
    [
      'Staff who find abusive comments about a teacher online must report them to the Principal.',
      { 'concerns.routes.disparaging-content.notify': ['headteacher'] },
    ],
    [
      'Any member of staff who is the subject of online harassment should tell the Head Teacher.',
      { 'concerns.routes.disparaging-content.notify': ['headteacher'] },
    ],
    ['If a parent posts comments about you on social media, report it to the Headteacher.', { 'concerns.routes.disparaging-content.notify': ['headteacher'] }],
    // Something upsetting or unsuitable seen.
    [
      'Staff who come across something unsuitable online must report it to the Computing Lead.',
      { 'concerns.routes.inappropriate-content.notify': ['ict-lead'] },
    ],
    // Contact on social media from a pupil.
    [
      'Any teacher who is contacted on Instagram by a pupil should not reply and should let the DSL know.',
      { 'concerns.routes.contact-attempt.notify': ['dsl'] },
    ],
    // The kind the sentence is about, not one named on a condition or in an example.
    [
      'Concerns about a member of staff’s use of social media are reported to the Principal and, if a child may be at risk, to the LADO.',
      { 'concerns.routes.staff-misuse.notify': ['headteacher'] },
    ],
  ])('%s', (text, expected) => expect(route(text)).toEqual(expected));

  it('an instruction that ends in telling someone, under a paragraph that opens with the kind', () => {
    expect(
      route('What to do\n\nA pupil shows you a nude image on their phone. Do not copy or forward it. Take the phone, switch it off and tell the DSL at once.'),
    ).toEqual({ 'concerns.routes.safeguarding.notify': ['dsl'] });
    expect(route('What to do\n\nA parent posts a photograph of other children from the nativity on Facebook. Screenshot it and tell the office.')).toEqual({
      'concerns.routes.community-post.notify': ['office'],
    });
  });

  it.each([
    // A colleague's own posts of their own children, the office's hours, a pupil's pledge to tell an adult.
    'Parents may share photographs of their own children on social media.',
    'The office is open from 8am; please call the office to report an absence.',
    'If I see something online that upsets me, I will tell an adult straight away.',
    // An instruction in a paragraph about no kind of concern.
    'Visits\n\nSign in at reception. Wear your badge and tell the office when you leave.',
  ])('no route from: %s', (text) => expect(route(text)).toEqual({}));
});

describe('round 29: full names kept off a channel', () => {
  it.each([
    [
      'We never put a pupil’s full name beside their picture on our website or Instagram.',
      { 'photos.channels.website.naming': 'first-names', 'photos.channels.social-media.naming': 'first-names' },
    ],
    ['On the school website, children will not be identified by their surname.', { 'photos.channels.website.naming': 'first-names' }],
    ['Children are never identified by full name on the academy’s Facebook page.', { 'photos.channels.social-media.naming': 'first-names' }],
    ['Children will not be named in any post on X.', { 'photos.channels.social-media.naming': 'none' }],
    [
      'On our website we will:\n- not print a child’s full name next to their photograph;\n- keep photographs for two years.',
      { 'photos.channels.website.naming': 'first-names' },
    ],
  ])('%s', (text, expected) => expect(proposals(text)).toMatchObject(expected));

  it.each([
    // The school's undertaking is not staff's conduct; a request to families is theirs.
    'Staff will:\n- not use a pupil’s full name on their personal Facebook page.',
    'Please never put another child’s full name in a comment on our website.',
    // "X" as a letter, not the platform.
    'Mark the box with an x to say whether names may be used.',
  ])('no naming rule from: %s', (text) => expect(Object.keys(proposals(text)).filter((setting) => setting.endsWith('.naming'))).toEqual([]));
});

describe('round 29 (blind sets 38–42): more ways to say how a channel names pupils', () => {
  it.each([
    // The press names a pupil only with the family's say.
    ['Full names will only be passed to newspapers for pupils whose parents have consented to press use.', 'press', 'full-with-permission'],
    ['Where consent for press naming has been recorded, we may give a reporter a pupil’s full name.', 'press', 'full-with-permission'],
    ['We will only give a child’s name to the local paper where the parent has ticked the press box.', 'press', 'full-with-permission'],
    ['The press\n\nWe seldom work with reporters. If we do, we will not give your child’s name without your consent.', 'press', 'full-with-permission'],
    // Names kept off a channel.
    ['Pictures of children on the website will not have names attached.', 'website', 'none'],
    ['Our Instagram account (we never name children on Instagram).', 'social-media', 'none'],
    ['Website: we may use a child’s first name, but never their surname.', 'website', 'first-names'],
    ['On our Facebook page we use a first name and class only.', 'social-media', 'first-names'],
  ])('%s', (text, channel, value) => expect(proposals(text)[`photos.channels.${channel}.naming`]).toBe(value));

  it.each([
    // Someone else decides, or the name is the school's.
    ['The press\n\nWe seldom work with reporters. The Headteacher decides whether a pupil’s name is given.', 'press'],
    // The sentence before names the press, but this one names the website.
    ['The press visit twice a year. On the website we will not give your child’s name without your consent.', 'press'],
  ])('no naming rule for the channel from: %s', (text, channel) =>
    expect(proposals(text)[`photos.channels.${channel}.naming`]).not.toBe('full-with-permission'),
  );
});

describe('round 29 (blind sets 40–45): more words for concerns about staff and posts about the school', () => {
  const route = (text: string) => Object.fromEntries(Object.entries(proposals(text)).filter(([setting]) => setting.endsWith('.notify')));

  it.each([
    ['If your worry is about a member of staff, tell the Headteacher.', { 'concerns.routes.staff-misuse.notify': ['headteacher'] }],
    [
      'Any concern that a teacher has behaved online in a way that may harm a child must be reported to the Principal.',
      { 'concerns.routes.staff-misuse.notify': ['headteacher'] },
    ],
    [
      'Anyone worried about something posted about the school on Facebook should raise it with the Head Teacher.',
      { 'concerns.routes.disparaging-content.notify': ['headteacher'] },
    ],
    [
      'Abusive comments about the school on social media: pass these to the Headteacher, who will decide how to respond.',
      { 'concerns.routes.disparaging-content.notify': ['headteacher'] },
    ],
  ])('%s', (text, expected) => expect(route(text)).toEqual(expected));

  it.each([
    // A worry about a member of staff's own child, and a post about a school trip, are other matters.
    'If your worry is about a member of staff’s own child, speak to the class teacher.',
    'Photographs posted about the school trip are on the website.',
  ])('no staff or school-post route from: %s', (text) => expect(Object.keys(route(text)).filter((s) => /staff-misuse|disparaging/.test(s))).toEqual([]));
});

describe('round 29 (blind sets 46–47): a kind said not to be there, and staff told under a scenario', () => {
  const route = (text: string) => Object.fromEntries(Object.entries(proposals(text)).filter(([setting]) => setting.endsWith('.notify')));

  it('“online bullying which does not raise a child protection concern” is online bullying', () => {
    expect(route('Incidents of online bullying which do not raise a child protection concern are reported to the class teacher.')).toEqual({
      'concerns.routes.cyber-bullying.notify': ['class-teacher'],
    });
  });

  it('“All staff must tell the DSL” in a paragraph that opens with a pupil at risk', () => {
    expect(route('What to do\n\nA pupil may be at risk of harm online. All staff must tell the DSL straight away.')).toEqual({
      'concerns.routes.safeguarding.notify': ['dsl'],
    });
  });

  it('a Scottish school’s Principal Teacher is not the head', () => {
    expect(route('Incidents of online bullying should be reported to the pupil’s Principal Teacher of Pupil Support.')).toEqual({});
  });

  it('staff reporting something else under that opening is no route', () => {
    expect(route('What to do\n\nCyberbullying is taken seriously. Staff must report absences to the office.')).toEqual({});
  });
});
