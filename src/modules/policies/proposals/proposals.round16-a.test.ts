import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 16 (a): kinds met on two real dev sets (read, never copied: every sentence here is written for the test, with
 * other schools, roles and channels), each as a rule any school's wording would meet, with must-propose-nothing cases.
 */

const basis = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^consent\.purposes\.[a-z-]+\.basis$/.test(setting)));

describe('an opt-out said with "otherwise": images used unless the carer (or pupil) has asked otherwise', () => {
  // A page whose images are used unless a carer says otherwise is an opt-out page, even where it also mentions a consent
  // form: none of its uses is one consent is asked for, and its uses inside school are opt-out.
  it.each([
    [
      'Images of pupils\n\nFamilies joining Elmfield are invited to sign the image consent form when they accept a place.\n\nUnless a pupil or their parent has requested otherwise, the school will use pupil images for the following purposes:\n\n- on classroom displays and notice boards around the school;\n- in the termly newsletter;\n- on the school website.',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      'Photographs\n\nWe hand out a permission form to every new family. Unless you tell us otherwise, photographs of your child will be put up on displays in the classrooms and corridors.',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      'Class photographs\n\nThe school photographer visits each summer. Unless we are informed otherwise by a carer, every child will have a class photograph taken.',
      { 'consent.purposes.class-photo.basis': 'opt-out' },
    ],
    [
      'Use of images\n\nUnless otherwise requested by the parent, pictures of pupils will appear on display boards in the school hall. A consent form is also sent home each year.',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual([]);
    expect(basis(page)).toEqual(expected);
  });

  it.each([
    // A use outside school cannot be opt-out: nothing proposed for it, and no consent use read from the page either.
    'Images\n\nUnless a parent has asked otherwise, photographs of pupils may appear in the local press and on our website. Please return the consent form.',
    'Pictures\n\nA consent form is sent home in September. Unless you have indicated otherwise, images of your child may be included in the school prospectus.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
    expect(basis(page)).toEqual({});
  });

  it.each([
    // A member of staff's discretion, not the carers' word.
    [
      'Photographs\n\nParents are asked to give consent for photographs on displays around the school. Unless the Headteacher agrees otherwise, no photograph will be used in the newsletter.',
      ['displays'],
    ],
    // The document's own caveat.
    [
      'Photographs\n\nUnless otherwise stated, this policy applies to all year groups. We ask parents for consent to use photographs on our website.',
      ['website'],
    ],
  ])('%s', (page, expected) => {
    expect(uses(page)).toEqual(expected);
    expect(basis(page)).toEqual({});
  });
});

describe("a question that asks to let someone photograph the child, and the photography company's portraits", () => {
  it.each([
    [
      'Photograph permission form\n\nPlease answer each question.\n\n1. May we let a professional photography company take individual and class photographs of your child?\n2. May we use your child’s photograph on the school website?',
      ['class-photo', 'website'],
    ],
    ['Image consent\n\nCan the academy allow the visiting school photographer to take your son or daughter’s photograph? Yes / No', ['class-photo']],
    ['Permissions\n\nCould we invite the local newspaper to photograph your child at the summer fair? Yes / No', ['press']],
    [
      'Consent for photographs\n\nWe ask every family for written consent before class portraits are taken by our portrait studio each autumn.',
      ['class-photo'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // A question about the internet, not an image.
    'Consent form\n\n1. May we allow your child to use the internet in lessons? Yes / No',
    // The company's own sales to parents: no use the carer is asked about.
    'Photographs\n\nThe photography company will send you a proof card, and you may order prints directly from them.',
    // A negated use: the company does not photograph pupils.
    'Photographs\n\nThis year no photography company will visit the school, so there will be no class portraits.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('a consent form that needs completing only once', () => {
  it.each([
    'Photography consent form\n\nPlease fill in this form and return it to the office. This only needs to be completed once.',
    'Images of pupils\n\nWe ask for your consent to use photographs on the website. Your consent need only be given once.',
    'Media consent\n\nParents only need to sign the photograph permission slip once, when their child joins the school.',
    'Photographs\n\nThe image consent form is signed once only, on admission.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).toBe('never'));

  it.each([
    // Once a year is yearly, not once.
    'Photography consent form\n\nThe photograph consent form only needs to be completed once a year.',
    // A trip's form, not the consent for images.
    'School trips\n\nPlease complete the trip form. This only needs to be completed once.',
    // Negated.
    'Photography consent form\n\nPlease complete this form. This does not only need to be completed once; we will check it again.',
    // Someone else's form.
    'Photographs\n\nPlease read the guidance on photographs. The home-school agreement only needs to be signed once.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).not.toBe('never'));
});

describe("staff taking photographs for the school's own purposes, on a page that asks carers", () => {
  it.each([
    [
      'Cameras and photographs\n\nCarers sign on admission to allow photographs of their child, including for learning records, and whether images may appear on our website.\n\n- Practitioners may take photographs on the setting’s tablets, to be used in learning records or for display purposes in the playroom.',
      ['displays', 'website'],
    ],
    [
      'Photography\n\nWe ask all parents for their written consent to photographs of their child.\n\nTeachers regularly take pictures of pupils at work for use in the termly newsletter.',
      ['publications'],
    ],
    [
      'Images of children\n\nParents are asked to give consent for images of their child when they join.\n\nStaff will take photographs on school cameras to be used on classroom displays.',
      ['displays'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Staff's conduct: a rule, not a use.
    [
      'Photography\n\nWe ask all parents for their written consent to photographs of their child.\n\nStaff must not take photographs on personal phones to be used on social media.',
      [],
    ],
    // A condition.
    [
      'Photography\n\nWe ask all parents for their written consent to photographs of their child.\n\nTeachers may take pictures for use in the newsletter if the headteacher agrees.',
      [],
    ],
    // No request on the page.
    ['Photography\n\nTeachers regularly take pictures of pupils at work for use in the termly newsletter.', []],
    // The request names only uses outside school: displays tied to learning inside it stay unasked.
    [
      'Camera policy\n\nParents sign a form giving consent for photographs on our website and in the local paper.\n\nPhotographs are also taken for learning records and for display in the classroom.',
      ['press', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));
});

describe('a name withheld beside photographs still says where the photographs are used', () => {
  it.each([
    [
      'Photographs\n\nWe ask parents to sign the consent form if they are happy for us to use photographs of their child.\n\nWe will not publish pupils’ full names alongside their photographs in the newsletter or on the school website.',
      ['publications', 'website'],
    ],
    [
      'Images of children\n\nPlease complete the enclosed permission slip for photographs of your child.\n\nThe school does not print surnames beside pictures on its Facebook page.',
      ['social-media'],
    ],
    // With no request on the page as well.
    [
      'Photographs\n\nWe will not publish pupils’ full names alongside their photographs in the newsletter or on the school website.',
      ['publications', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The photographs themselves are withheld.
    'Photographs\n\nWe ask parents to sign the consent form for photographs of their child.\n\nPhotographs will not be published with names in the newsletter or on the website.',
    // The photographs are not used there at all.
    'Photographs\n\nWe ask parents to sign the consent form for photographs of their child.\n\nWe do not use photographs or names on the website.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('a question whether the child may appear on a channel, on a form with no heading of images', () => {
  it.each([
    [
      'Skip to main content\n\n1. Are you happy for your child to appear in the local newspaper?\n2. Would you be happy for your son or daughter to be featured on our Instagram page?',
      ['press', 'social-media'],
    ],
    ['Menu\n\nDo you agree to your child appearing in the school prospectus? Yes / No', ['publications']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Appearing in a performance is no channel.
    'Menu\n\n1. Are you happy for your child to appear in the Christmas play?',
    // The pupil's own use of a channel, no image.
    'Menu\n\n1. Are you happy for your child to use the school website for homework?',
    // A statement, not a question asked of the carer.
    'Menu\n\nYour child may appear in the local newspaper from time to time.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('a consent form valid for the child’s time at the school, on a page that asks for consent for images', () => {
  it.each([
    'Skip to content\n\nWe need your permission before we photograph your child for the school website.\n\nThis form is valid for the duration of your child’s time at Riverside Primary.\n\n1. May we use your child’s photograph on our website?',
    'Home | News\n\nMay we use photographs of your child in the school newsletter? Yes / No\n\nThe form remains valid for the whole length of your child’s stay at the academy.',
    'Images consent\n\nYour consent for photographs on the website applies for the entire period of your child’s education with us.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).toBe('never'));

  it.each([
    // No consent for images on the page: the form is some other form.
    'Skip to content\n\nThis form is valid for the duration of your child’s time at Riverside Primary.\n\nPlease give details of any allergies.',
    // A trip's form.
    'Home\n\nMay we use photographs of your child in the newsletter? Yes / No\n\nThe residential trip form is valid for the duration of your child’s time in Year 6.',
    // Negated.
    'Images consent\n\nMay we use photographs of your child in the newsletter? Yes / No\n\nThis form is not valid for the duration of your child’s time here; we ask again each September.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).not.toBe('never'));
});

const naming = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^photos\.channels\.[a-z-]+\.naming$/.test(setting)));

describe('captions or labels on photographs inside school are the display’s naming rule', () => {
  it.each([
    ['Photographs\n\nIn school, we use first names only for captions on photographs.', { 'photos.channels.display.naming': 'first-names' }],
    ['Images\n\nPictures put up around the nursery are labelled with the children’s first names only.', { 'photos.channels.display.naming': 'first-names' }],
    ['Use of images\n\nWithin the academy, photographs are never captioned with pupils’ names.', { 'photos.channels.display.naming': 'none' }],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // Outside school: no channel named, so no rule.
    'Photographs\n\nWhen photographs are used outside school, captions give first names only.',
    // Not photographs: pegs and trays.
    'Classrooms\n\nIn school, labels on pegs and trays use first names only.',
    // A condition.
    'Photographs\n\nIn school, captions on photographs use first names only unless parents agree otherwise.',
    // Parents' own rule.
    'Photographs\n\nParents labelling photographs taken in school should use first names only.',
  ])('%s', (page) => expect(naming(page)).toEqual({}));
});

const prohibited = (page: string) => proposals(page)['photos.prohibitedContexts'];

describe("guidelines for parents' own photographs prohibit no occasion of the school's", () => {
  it.each([
    'Concerts and matches\n\nWe let families film and take photographs at our events as long as they keep to these rules:\n\nAll recordings are for the family’s own use.\n\nNo filming is allowed at swimming galas.',
    'Events\n\nVisitors may photograph their own children at school events provided they follow the guidelines below:\n\n- Pictures must not be shared online.\n- Cameras may not be used at sports day.',
  ])('%s', (page) => expect(prohibited(page)).toBeUndefined());

  it.each([
    // The school's own rule, in a section of its own after the parents' guidelines.
    [
      'Events\n\nParents may take photographs at concerts if they follow these rules:\n\n- Photos are for personal use only.\n\nOur own photographs\n\nStaff never take photographs at swimming lessons.',
      ['swimming'],
    ],
    // A lead that is the school's, not parents'.
    ['Photography\n\nThe school follows these guidelines for its own photographs:\n\nNo photographs are taken at swimming lessons.', ['swimming']],
  ])('%s', (page, expected) => expect(prohibited(page)).toEqual(expected));
});
