/**
 * The twenty-ninth session's readings of the lawful basis a privacy notice states: consent named as the basis ("For these
 * uses we rely on your consent") asks it for the uses the section names; the public task named by its article or words
 * ("we rely on Article 6(1)(e) … a task in the public interest") needs no consent; and a right to object to the public task
 * is no opt-out of the page's other uses.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const notice = (promote: string, teach = '') =>
  [
    'Privacy notice: images of your child',
    '',
    'Why we use images and our lawful basis',
    '',
    `(a) Teaching and assessment. Photographs help staff to record what a child can do. Photographs may also be used on classroom displays. ${teach}`,
    '',
    `(b) Celebrating the school. ${promote}`,
    '',
    'Your rights',
    '',
    'You have the right to:',
    '- withdraw your consent at any time for any use that relies on consent;',
    '- object to our use of images for the public task purpose; we will consider this carefully.',
  ].join('\n');

describe('consent named as the basis of the uses beside it', () => {
  it.each([
    'We would like to use images in our newsletter and on the school website. For these uses we rely on your consent (Article 6(1)(a)).',
    'Images may appear in the newsletter and on the school website. For these purposes the school relies on parental consent.',
    'We hope to use photographs in our newsletter and on our website; for these we rely on your consent.',
  ])('%s', (promote) => {
    const found = proposals(notice(promote));
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.publications.active'], true);
  });

  it('"where we rely on consent" is a condition, and asks for none', () => {
    const text = 'Your rights\n\nWhere we rely on consent for photographs, you can withdraw it at any time by contacting the office.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.website.active']);
  });
});

describe('the public task named by its article or its words', () => {
  it.each([
    "For this, we rely on Article 6(1)(e) of the UK GDPR – carrying out a task in the public interest – because assessment is part of the school's job.",
    'For this, the school relies on a task carried out in the public interest.',
    'For these, we rely on our public task.',
  ])('%s', (teach) => {
    const found = proposals(notice('We would like to use images on the school website. For these uses we rely on your consent.', teach));
    expect(found).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
    expect(found).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('"for this" in a sentence of its own, not pointing back, names no use', () => {
    const text = "Displays\n\nWe put up classroom displays of pupils' work. For this, we rely on the goodwill of parents who lend us materials.";
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});

describe('a right to object to the public task', () => {
  it('leaves the consent the notice asks for its other uses', () => {
    const found = proposals(notice('We would like to use images on the school website. For these uses we rely on your consent.'));
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
  });

  it("an opt-out of the page's uses still reads as one", () => {
    const text = [
      'Photographs in school',
      '',
      'We use photographs of pupils on classroom displays and in the school newsletter. If you do not want photographs of your child used in these ways, please contact the school office.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.publications.active']);
  });
});

describe('what the form covers, under a heading about consent', () => {
  it('"How consent is collected" over "- The form covers: displays; the website; social media"', () => {
    const text = [
      'How consent is collected',
      '',
      '- Families complete a form in the admissions pack when their child starts.',
      '- The form covers: displays inside the school; the school website; school social media.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.displays.active'], true);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('a form that covers trips, under a heading about the trip, asks nothing about images', () => {
    const text = ['Year 6 residential', '', '- The form covers: the coach journey; the activities; the evening meal.'].join('\n');
    expect(proposals(text)).toEqual({});
  });
});

describe("a form's questions about the child", () => {
  it.each([
    'May your child appear in photographs taken by the local newspaper? *',
    'May photographs of your child appear in the local newspaper?',
    'Can your child be photographed by the local newspaper? Yes / No',
  ])('%s', (question) => {
    const text = ['Photograph permission form', '', 'Please answer every question marked *.', '', `1. ${question}`, '   ( ) Yes   ( ) No'].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('a question about something else asks no consent for images', () => {
    const text = ['Trip form', '', '1. May your child travel on the minibus driven by a member of staff? *', '   ( ) Yes   ( ) No'].join('\n');
    expect(proposals(text)).toEqual({});
  });
});
