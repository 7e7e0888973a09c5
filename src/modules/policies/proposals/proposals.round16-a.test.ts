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
