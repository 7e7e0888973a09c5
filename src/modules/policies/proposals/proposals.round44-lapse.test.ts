/**
 * The thirtieth session's readings of how long consent lasts: "…and it lasts until your child leaves" after the sentence
 * that asks consent with a form; answers that "stay the same" for the child's whole time; a form "sent out again" every
 * September; and a form sent home each September "so you can check it" (a check, which renews nothing).
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe("consent that lasts the child's time at the school", () => {
  it('"…and it lasts until your child leaves", the form named the sentence before', () => {
    const text =
      'We ask for your consent using the form at the back of this leaflet. You complete it once, when your child starts, and it lasts until your child leaves us at the end of Year 6.';
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it.each([
    'Your answers will stay the same for the whole time your child is at Brook Lane.',
    'The choices you make remain unchanged for the whole time your child is at the school.',
  ])('"%s"', (sentence) => {
    const text = ['Photographs: your consent', '', 'The form asks for your consent to photographs on the website.', sentence].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('something else that "lasts until your child leaves" says nothing of consent', () => {
    const text = 'We give every child a reading record. It lasts until your child leaves us at the end of Year 6.';
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });
});

describe('a form sent again each year', () => {
  it.each(['Every September we send the consent form out again.', 'We send the photo form home again at the start of each school year.'])(
    '"%s" asks again each September',
    (sentence) => {
      const text = ['Photograph consent', '', sentence].join('\n');
      expect(proposals(text)).toHaveProperty(['consent.lapse'], 'each-september');
    },
  );

  it('"…each September so you can check it" is a check: the consent still lasts', () => {
    const text = [
      'Photograph consent',
      '',
      'Consent lasts until your child leaves the school, unless you change it. We send the form home each September so you can check it.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });
});
