import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 15 (a): kinds met on a fifth real dev set (read, never copied: every sentence here is written for the test,
 * with other schools, roles and channels), each as a rule any school's wording would meet, with must-propose-nothing
 * cases beside it.
 */

const naming = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^photos\.channels\.[a-z-]+\.naming$/.test(setting)));

describe('a letter or form that says its purpose is to ask for permission', () => {
  it.each([
    [
      'Photographs in school\n\nThe purpose of this letter is to ask for your consent to our displaying photographs of your child around the school and, now and then, publishing them in the local newspaper.',
      ['displays', 'press'],
    ],
    [
      'Pupil images\n\nThe aim of this form is to seek parental permission for photographs of your son or daughter to appear on the academy website.',
      ['website'],
    ],
    [
      'Dear Parent,\n\nThis letter is to ask for your permission to include pictures of your child in the school prospectus and the yearbook.',
      ['publications'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Another subject: a trip.
    'Dear Parent,\n\nThe purpose of this letter is to ask for your permission for your child to go on the museum trip, where we will post updates on the school website.',
    // A negated purpose.
    'Photographs\n\nThis letter does not ask for your consent to photographs on our website; that form comes in September.',
    // The purpose is to inform, not to ask.
    'Photographs\n\nThe purpose of this letter is to tell you that the website now shows photographs of the new building.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('a school that follows a practice of seeking, or has, permission before using images', () => {
  it.each([
    ['Our website\n\nThe school follows a policy of seeking parents’ permission before using images which show pupils on the website.', ['website']],
    [
      'Images\n\nHillcrest Academy has a practice of obtaining written consent from carers before any photograph of a pupil appears in the newsletter.',
      ['publications'],
    ],
    // The channel from the page's title, for a list item under the school's own lead.
    [
      'Facebook Policy\n\nAt Little Oaks we ensure:\n\n- We have prior written permission in place from parents before posting any images of children\n- We check every comment daily',
      ['social-media'],
    ],
    ['Our Instagram account\n\nWe always hold signed consent from families before posting photographs of the children on Instagram.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The Head's permission, not the carers'.
    'Facebook Policy\n\nWe have written permission from the Headteacher before posting any images of children.',
    // Staff's own rule.
    'Staff and social media\n\nStaff must have permission from the Principal before posting any photographs of pupils on the school Twitter account.',
    // Negated.
    'Website\n\nThe school does not follow a policy of seeking consent before using photographs of groups on the website.',
    // A condition.
    'Website\n\nIf the school follows a policy of seeking permission before using images on the website, parents will be told.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('the school’s undertakings as a list: each item read with the school as its subject', () => {
  it.each([
    [
      'Social Media\n\nRiverside Infant School will:\n\n- Share news that suits a wide audience.\n- Use images of children, but only when permission has been granted by the parents or carers.\n- Not print a child’s name if it is accompanied by a photograph.',
      { uses: ['social-media'], naming: { 'photos.channels.social-media.naming': 'none' } },
    ],
    [
      'Our Twitter Feed\n\nAs a school we shall:\n\n- publish photographs of pupils, but only where their parents have given consent;\n- never use a pupil’s full name when it is shown with a picture.',
      // A full name never used: a first name at most (the keying guide, thirteenth session).
      { uses: ['social-media'], naming: { 'photos.channels.social-media.naming': 'first-names' } },
    ],
    [
      'School Website\n\nThe academy will:\n\n- post pictures of students only with parental consent\n- check every page once a term',
      { uses: ['website'], naming: {} },
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected.uses);
    expect(naming(page)).toEqual(expected.naming);
  });

  it.each([
    // Staff's undertakings, not the school's.
    'Social Media\n\nStaff will:\n\n- Use images of children, but only when permission has been granted by the parents.',
    // Parents' list: their own posts.
    'Social Media\n\nWe expect parents to:\n\n- Use images of other children only when permission has been granted by their parents.',
    // No consent in the item.
    'Social Media\n\nOakfield School will:\n\n- Use images of children to celebrate success.',
    // Two channels in the title: which one is not said.
    'Website and Social Media\n\nOakfield School will:\n\n- Use images of children, but only when permission has been granted by the parents.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('carers given the choice to consent or not', () => {
  it.each([
    [
      'Our pages\n\nAll families are given the choice to consent or not consent to photographs of their child being shared on our Facebook page.',
      ['social-media'],
    ],
    ['Photographs\n\nParents are offered the option whether to give consent or not for images of their child to appear on the nursery website.', ['website']],
    [
      'Photographs\n\nEvery carer is given the opportunity to give or withhold permission for their child’s picture to be used in the newsletter.',
      ['publications'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The choice is about a trip.
    'Trips\n\nParents are given the choice to consent or not to their child going on the zoo trip, which we share on Facebook afterwards.',
    // Staff given the choice.
    'Our pages\n\nStaff are given the choice to consent or not to their own photographs appearing on our Facebook page.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('names kept apart from photographs', () => {
  it.each([
    // The classic guidance's pair, with a first-names rule that is about text without photographs.
    [
      'Photographs on our website\n\nGreenbank Primary uses the following rules for its website:\n\n- Where pupils are named, only their first names are used;\n- If a child is named, no photograph of that child is displayed;\n- Where a photograph is used which shows a pupil, no name is displayed.',
      { 'photos.channels.website.naming': 'none' },
    ],
    ['Twitter\n\nWe will not print a pupil’s name if it is accompanied by a photograph.', { 'photos.channels.social-media.naming': 'none' }],
    ['Newsletter\n\nWhen a picture is published in the newsletter, no child’s name is printed.', { 'photos.channels.newsletter.naming': 'none' }],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // A first-names rule alone stays first names.
    ['Website\n\nOn the website, children are referred to by their first names only.', { 'photos.channels.website.naming': 'first-names' }],
    // Parents' own posts.
    ['Facebook\n\nParents should not print a child’s name if it is accompanied by a photograph.', {}],
    // An exception for permission.
    ['Website\n\nWhere a photograph is used, no name is displayed unless parents have agreed.', {}],
    // Staff who are not named: no rule for pupils.
    ['Our Facebook page\n\nMembers of staff who appear on our page are not named.', {}],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));
});

describe('a page with no title whose opening says which channel it is about', () => {
  it.each([
    [
      'This policy sets out how Busy Bees Preschool uses its Facebook page and the standards staff keep to protect the children.\n\nAdmins check that posts meet these standards;\n\n- Children who appear on our page are not named.\n- Posts are checked by two admins.',
      { 'photos.channels.social-media.naming': 'none' },
    ],
    [
      'This document explains how we use our school website to share the life of the school.\n\nPupils shown in photographs are identified by first name only.',
      { 'photos.channels.website.naming': 'first-names' },
    ],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // The opening is about staff's own accounts.
    'This policy sets out how staff use their personal Facebook accounts outside work.\n\nChildren are not named.',
    // Two channels in the opening.
    'This policy explains how we use our website and our Twitter account.\n\nChildren are not named.',
    // The opening is not a scope statement.
    'We love sharing our news on Facebook.\n\nChildren are not named.',
  ])('%s', (page) => expect(naming(page)).toEqual({}));
});

describe('consent that lasts until withdrawn', () => {
  it.each([
    'Photograph consent\n\nThis form is valid indefinitely from the date you sign it.',
    'Photographs\n\nYour consent remains in place until you withdraw it in writing.',
    'Image permissions\n\nPermission for photographs stands until a parent tells us otherwise.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).toBe('never'));

  it.each([
    // Not valid indefinitely.
    'Photograph consent\n\nThis form is not valid indefinitely: we ask again each September.',
    // Another form.
    'Trips\n\nThe trip consent form is valid indefinitely.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).not.toBe('never'));
});

describe('what a page keeps off a channel is no use of it', () => {
  it('"we will not include addresses … on our website or in the prospectus" on a consent page names no use (the newsletter’s naming rule does)', () =>
    expect(
      uses(
        'Photographic Consent\n\nConditions of photography\n\n- We will not include home addresses or telephone numbers on our website or in the prospectus.\n- We will not print pupils’ full names in the newsletter.',
      ),
    ).toEqual(['publications']));
});

describe('an opt-out under a heading about another matter leaves the page’s own request standing', () => {
  it.each([
    [
      'When your child joins the nursery, you are asked to agree to your child being photographed by our staff. Pictures may be used on the nursery website and in the local paper.\n\nIn house use of photographs\n\nPhotographs are used on display boards in the playroom.\n\nCopies of photographs\n\nParents sometimes ask for copies of group photographs. If you do not wish your child to appear in copies given to other families, tell your key person.',
      ['displays', 'press', 'website'],
    ],
    [
      'Photography consent\n\nWe ask parents to give written consent for their child’s photograph to be used in the school newsletter.\n\nParents at events\n\nIf you do not want to be filmed by other parents at the concert, please sit at the back.',
      ['publications'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The opt-out is the page's own: nothing.
    'Photographs\n\nWe ask parents to agree to photographs on admission. Pictures may be used on our website.\n\nYour choices\n\nIf you do not want your child’s photograph on the website, please tell the office.',
    // Unheaded opt-out: the page is opt-out.
    'We ask parents to agree to photographs on admission. Pictures may be used on our website. If you do not want this, please tell the office.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('the school photographer, and carers asked whether they want their child photographed', () => {
  it.each([
    [
      'Photographs policy\n\nSchool photographer\n\nEach autumn a professional photographer visits. We tell every family the date and ask whether they want their child’s photo to be taken.',
      ['class-photo'],
    ],
    [
      'Photographs\n\nClass photographs\n\nThe office asks parents whether they would like their son or daughter’s portrait to be taken by the school photographer.',
      ['class-photo'],
    ],
    // A consent form's question and row.
    ['Consent form\n\nDo you give permission for your child to be photographed by the school photographer for class photographs? Yes / No', ['class-photo']],
    [
      'Photograph permissions\n\nPlease tick each use you agree to:\n\n☐ Class and individual photographs taken by the school photographer\n☐ The school website',
      ['class-photo', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The press's own photographer.
    'Photographs\n\nNewspaper photographers sometimes visit to take pictures of events; we ask whether they want to name the children.',
    // Asked whether they want to buy prints: no consent.
    'School photographer\n\nThe photographer visits each June. Parents can order prints online.',
    // A rule for parents.
    'School photographer\n\nParents are asked whether they wish to take their own photographs at the sports day.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('names given only with express permission, on the channel named', () => {
  it.each([
    [
      'Where photographs are sent to the local newspaper, they will not be released with the children’s names unless the parent gives express permission.',
      { 'photos.channels.press.naming': 'full-with-permission' },
    ],
    ['Pupils are never named on the website without the written consent of their parents.', { 'photos.channels.website.naming': 'full-with-permission' }],
    [
      'No names will appear in the newsletter unless specific permission has been given by carers.',
      { 'photos.channels.newsletter.naming': 'full-with-permission' },
    ],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // Permission with no "express" or "written": a condition, as before.
    'We do not name children in the newsletter unless their parents agree.',
    // The Head's permission.
    'Pupils are never named on the website without the express permission of the Headteacher.',
    // Parents' own posts.
    'Parents must not name other children on Facebook without the express consent of their families.',
  ])('%s', (page) => expect(naming(page)).toEqual({}));
});

describe('a nursery page whose opening sentence names the uses of images', () => {
  it.each([
    [
      'At Little Acorns we use photographs of the children on our website and in the local press, and we ask parents for their written consent before we do so.\n\nCameras\n\nOnly nursery cameras are used.',
      ['press', 'website'],
    ],
    [
      'Camera and image policy\n\nPhotographs of children may be used on the setting’s website and in newspapers, with the permission of parents.\n\nStaff must not bring personal cameras into the playroom.',
      ['press', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The opening names uses, but nothing asks consent.
    'At Little Acorns we use photographs of the children on our website and in the local press.\n\nCameras\n\nOnly nursery cameras are used.',
    // The opening is staff's rule.
    'Staff must not put photographs of the children on their own websites or send them to the press.\n\nParents sign a consent form for trips.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('never guess: displays and first names the page does not settle', () => {
  it.each([
    // The request names its uses outside school; displays are tied to learning inside it.
    [
      'Camera Policy\n\nWe ask parents to sign a consent form for photographs to be used on our website and in the local press.\n\nPhotographs are also taken for the children’s learning journeys and for display in the playroom as part of their learning.',
      ['press', 'website'],
    ],
    [
      'Photographs at Willow Tree Nursery\n\nParents give written consent for images of their child to appear in our newsletter and on Facebook.\n\nPictures taken for assessment are used in learning journals and on display boards in the nursery.',
      ['publications', 'social-media'],
    ],
    // The request names no use: the page's displays are among the uses it asks about (the keying guide's rule).
    [
      'Photographs\n\nWe ask every family for written consent to photographs of their child.\n\nPictures are shown on our website and on display boards around the nursery.',
      ['displays', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Parents' own rule after an opening clause.
    ['Social Media Policy\n\nOur Facebook page shares news of the school.\n\nWhen commenting, parents should use first names only.', {}],
    ['Twitter\n\nOur feed shares class news.\n\nIf replying to a post, families are asked to use children’s first names only.', {}],
    // Another medium than the page's channel.
    ['Social Media Policy\n\nThe school Twitter account celebrates achievements.\n\nIn emails and letters, pupils are referred to by first name only.', {}],
    ['Facebook Guidelines\n\nOn lanyards and trays around the school, children are identified by first name only.', {}],
    // The page's channel, named by the rule itself: still read.
    [
      'Social Media Policy\n\nOur Facebook page shares news of the school.\n\nChildren are referred to by first names only on Facebook.',
      { 'photos.channels.social-media.naming': 'first-names' },
    ],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));
});
