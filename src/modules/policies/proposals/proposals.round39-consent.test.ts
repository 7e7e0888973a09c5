/**
 * The twenty-fifth session's readings of how long a carer's answers last: said of "it" after the consent, "stays in
 * place", "is given for the whole time", "while your child is a pupil at"; and the exceptions that shorten it.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('answers that last the child’s whole time', () => {
  it.each([
    'Consent for photographs is asked when a child joins. It lasts for the whole time the child is at Elm Road unless parents tell the office in writing.',
    'Consent is given for the whole time your child is at St Mary’s, from Nursery to the end of Year 6.',
    '# Photograph consent form\n\nYour answers will apply for the whole time your child is a pupil at Elm Road Primary, unless you tell us otherwise.',
    '# Photograph consent form\n\nThe choices you make on this form will stay in place for as long as your child is at Hillside, up to the end of Year 11.',
    '# Photographs of your child\n\nPermission stays in place while your child is with us, but we will ask you to check it every September.',
  ])('%s', (text) => {
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });
});

describe('but not when the time is cut short', () => {
  it('"…for as long as your child is at Glenmorven, except that the form is renewed in P1 and P5"', () => {
    const read = proposals(
      '# Photograph consent form\n\nYour answers stay in place for as long as your child is at Glenmorven, except that the form is sent out again when your child starts P1 and P5.',
    );
    expect(read).not.toHaveProperty(['consent.lapse'], 'never');
  });

  it('"…for as long as your child is in the same phase"', () => {
    const read = proposals('# Media consent form\n\nYour choices stay in place for as long as your child is in the same phase.');
    expect(read).not.toHaveProperty(['consent.lapse']);
  });

  it('nor "it" after a sentence about something else', () => {
    expect(proposals('The Headteacher approves every post. It lasts for the whole time the child is at Elm Road.')).not.toHaveProperty(['consent.lapse']);
  });
});

describe('a termly summary is not the review', () => {
  it('"approve this policy and review its effectiveness, receiving a termly online safety summary"', () => {
    const read = proposals(
      'Governors approve this policy and review its effectiveness, receiving a termly online safety summary from the DSL.\n\nThis policy is reviewed every year by the DSL and the Computing Lead.',
    );
    expect(read).toHaveProperty(['policyReview.intervalMonths'], 12);
  });
});
