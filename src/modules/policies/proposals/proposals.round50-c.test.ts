/**
 * The thirty-sixth session's readings of how long an answer lasts ("for the whole time your child is at …", "continues
 * while the child is at the school") and of names refused "in any form, including first names and initials".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const onAConsentPage = (sentence: string) => proposals(`# Photograph consent\n\n${sentence}\n`);

describe('an answer that lasts the child’s whole time at the school', () => {
  it.each([
    'Consent continues while the child is at the school; parents can change it at any time by contacting the office.',
    'Consent given when your child joins will normally apply for the whole time your child is at Larkrise Primary.',
    'This form covers your child’s whole time at Ysgol y Dderwen, from Nursery to Year 6.',
    'The choices you make on this form apply for the whole of your son’s time at the College, unless you change them.',
    'Your photograph choices stay in place for the whole time your child is at Elm Bank unless you tell us otherwise.',
    'Your choices last for the whole time you are a student here, unless you change them.',
  ])('%s', (sentence) => {
    expect(onAConsentPage(sentence)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('a yearly form is still a yearly form', () => {
    expect(onAConsentPage('Your photograph choices are asked for again on a new consent form every September.')).toHaveProperty(
      ['consent.lapse'],
      'each-september',
    );
  });

  it('a report to governors beside a yearly form leaves the yearly form', () => {
    expect(
      onAConsentPage('Consent forms are sent home every September, and the Headteacher reports to the governing body on the number of withdrawals.'),
    ).toHaveProperty(['consent.lapse'], 'each-september');
  });

  it('"a fresh consent form" when a pupil "moves from Year 6 into Year 7" is asked again at a stage', () => {
    expect(onAConsentPage('Every pupil who moves from Year 6 into Year 7 completes a fresh consent form, which replaces any earlier one.')).toHaveProperty(
      ['consent.lapse'],
      'key-stage-change',
    );
  });
});

describe('names refused in any form', () => {
  it('"…will not be named on Facebook in any form, including first names and initials" is no names', () => {
    expect(proposals('It was agreed that children will not be named on Facebook in any form, including first names and initials.')).toHaveProperty(
      ['photos.channels.social-media.naming'],
      'none',
    );
  });

  it('"first names and initials may be used on the website" is still no naming rule', () => {
    expect(proposals('On the website, first names and initials may be used with photographs.')).not.toHaveProperty(['photos.channels.website.naming']);
  });
});
