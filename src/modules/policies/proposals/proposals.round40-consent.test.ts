/**
 * The twenty-sixth session's readings of consent asked in other words: images used once the carers have said yes, and a
 * pupil's agreement to ask their family before the school uses their photograph.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('images used once the carers have said yes', () => {
  it.each([
    ['Photos may be used in class, in our newsletter and on our website if you have agreed.', ['publications', 'website']],
    ['Pictures may be shared on the school website and in the class newsletter when parents have given their consent.', ['publications', 'website']],
    ['Videos of performances may also be posted on our Facebook page once you have said yes on the form.', ['social-media']],
  ])('%s', (text, uses) => {
    const read = proposals(text);
    for (const use of uses) expect(read).toHaveProperty([`consent.purposes.${use}.active`], true);
  });

  it.each([
    'Photos may be used on our website if you have agreed to the class trip.',
    'Photographs may be used in the newsletter if you agree with our values.',
  ])('but not an agreement to something else: %s', (text) => {
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('consent.purposes.'))).toEqual([]);
  });
});

describe('a pupil asks their family before the school uses their photograph', () => {
  it('"Always ask your parents’ permission before the school publishes pictures of you on the website or in the newspaper."', () => {
    const read = proposals('Always ask your parents’ permission before the school publishes pictures of you on the website or in the newspaper.');
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('but not a pupil asking before they post a photograph themselves', () => {
    const read = proposals('Ask your parents’ permission before you post a photo of yourself on social media.');
    expect(read).not.toHaveProperty(['consent.purposes.social-media.active']);
  });
});

describe('answers that last the child’s time at the school', () => {
  it.each([
    'How long your answer lasts\n\nYour answer will apply until your child leaves the school, unless you tell us otherwise.',
    'We ask for your permission before using photographs of your child.\n\nThis permission remains in place for as long as the child is enrolled in the school, unless the parent withdraws it in writing.',
    'Photographs\n\nHow long does my permission last?\n\nThe form you fill in when your child starts with us lasts for the whole of their time with us.',
  ])('%s', (text) => {
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it.each([
    'How long does consent last?\n\nThe choices you make will apply for the whole of your child’s time in Years 7 to 11 unless you tell us otherwise.',
    'Photograph permissions\n\nThese permissions will be used for the whole of your child’s time at the school. Permissions given in the nursery class will be asked for again when your child moves into Primary 1.',
  ])('but not a phase’s time, nor one asked again at a phase: %s', (text) => {
    expect(proposals(text)).not.toHaveProperty(['consent.lapse'], 'never');
  });
});
