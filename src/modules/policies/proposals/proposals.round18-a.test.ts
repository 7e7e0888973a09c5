import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 18 (a): consent uses and their basis, met on two real dev sets (read, never copied: every sentence here is
 * written for the test, with other schools, roles and channels), each as a rule any school's wording would meet, with
 * must-propose-nothing cases.
 */

const basis = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^consent\.purposes\.[a-z-]+\.basis$/.test(setting)));

describe('"media" before consent, release or form names the form, not the press', () => {
  it.each([
    'Image Consent\n\nConsent to identify a pupil by photograph for promotional purposes will be sought by asking carers to sign the Media Consent Form on enrolment.',
    'Photographs\n\nWe ask every family to complete the media release form. The media permission slip is kept on file.',
    'Publicity\n\nParental consent is sought through the annual media consent process before photographs of pupils are used.',
  ])('%s', (page) => {
    expect(uses(page)).not.toContain('press');
  });

  it('the press named as a use is still the press', () => {
    expect(uses('Photographs\n\nWe ask parents for their consent before photographs of pupils are given to the local media.')).toEqual(['press']);
  });
});

describe("an item under a lead that is the carer's way out, or a condition, asks nothing", () => {
  it.each([
    "Visits by journalists\n\nIf you would rather your child were not filmed by reporters, you should:\n\n- Let the class teacher know\n- Return the consent form and ask the school to keep your child's image out of the newspaper.",
    'Outside media\n\nShould you object to your son appearing on television, please:\n\n- Tell the office\n- Sign the consent form asking us to keep his photograph off the website.',
    'Press\n\nIf you do not wish your daughter to be photographed by the local press, you need to:\n\n* Complete the permission form and ask us to avoid the publication of her picture in newspapers.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });
});

describe("a rule for everyone's posting is conduct, not a use carers are asked about", () => {
  it.each([
    'Sharing photographs\n\nPhotographs of staff, children and families of the centre must not be posted on any social networking site without the written consent of the individuals concerned.',
    'Online sharing\n\nImages of children must not be shared on any social media platform without permission.',
    'Social media\n\nPictures taken at the nursery may not be uploaded to Facebook without the permission of the people photographed.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });

  it("the school posting only with carers' consent is still a use asked about", () => {
    expect(uses('Social media\n\nPhotographs of pupils will not be posted on the school Facebook page without the written consent of their parents.')).toEqual([
      'social-media',
    ]);
  });
});

describe('a list the negation reaches is negated whole, and an instruction to parents is their conduct', () => {
  it.each([
    'Concerts and plays\n\nMost families have signed a consent form allowing the school to photograph their children. Please follow these rules when filming:\n\n- Do not upload clips to social platforms (Instagram, TikTok, Facebook etc) because some pupils must not appear online.\n- Film only your own child.',
    'School events\n\nParents have given consent for the school to take photographs. When you take pictures at events:\n\n- Never share them on apps (YouTube, Facebook or Snapchat).\n- Keep them for your family.',
  ])('%s', (page) => {
    expect(uses(page)).toEqual([]);
  });
});

describe("the media's own cameras named in what a policy covers are no use of the school's", () => {
  it('"it also covers … cameras … by parents and the media"', () => {
    expect(
      uses(
        'Use of Images Policy\n\nParents are asked to sign a consent form agreeing to the school using images of their child as this policy sets out. It also covers the use of cameras by staff, by visitors and pupils at events, and by the media.',
      ),
    ).toEqual([]);
  });
});

describe('"without name" on a form\'s option withholds the name, not consent', () => {
  it('the option still names its use', () => {
    expect(
      uses(
        'Photograph permissions\n\nWe ask that parents consent to the school taking and using photographs of their children. Photographs may appear in the local newspaper without a name. Pictures are also used in the prospectus without their names.',
      ),
    ).toEqual(['press', 'publications']);
  });
});

describe('an opt-out notice: a carer who is content does nothing; its options inside school are opt-out, outside ones nothing', () => {
  it.each([
    [
      'Yearly photo notice\n\nIf you have read this letter and are happy for us to use photographs of your child, you do not need to do anything. If you decide that you do not want your child photographed, tick the ways you refuse:\n\n☐ Use inside the school (on display boards in classrooms and corridors)\n☐ Use outside the school (on the website, in the newsletter, on Twitter)',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      'Photo notice\n\nSoon you will receive a form with three options:\n\n- No consent for pictures used internally. This includes classroom displays and learning journals.\n- No consent for pictures used externally. This includes the website and social media.\n- No consent at all.\n\nIf you are comfortable with the college using pictures both internally and externally you need not return the form.',
      { 'consent.purposes.displays.basis': 'opt-out' },
    ],
    [
      "Class photographs\n\nIf you are content for your child to appear in the school photographer's class portraits, no further action is needed. Options you may refuse:\n\n- Class photographs taken by the photographic company\n- Photographs in our prospectus",
      { 'consent.purposes.class-photo.basis': 'opt-out' },
    ],
  ])('%s', (page, expected) => {
    expect(basis(page)).toEqual(expected);
    // The page is opt-out: it asks consent for no use, inside or outside school.
    expect(uses(page)).toEqual([]);
  });

  it.each([
    // An opt-out for uses outside school only: the product refuses it, so nothing is proposed.
    'Website notice\n\nIf you are happy for photographs to appear online, you do not need to return the slip. Options you may refuse:\n\n☐ The website\n☐ Our Facebook page',
    // A form the carer must return is consent, not opt-out: "if you are happy, please sign".
    'Photo consent\n\nIf you are happy for us to use photographs of your child, please sign and return the form:\n\n☐ Displays in school\n☐ The website',
  ])('%s', (page) => {
    expect(basis(page)).toEqual({});
  });
});
