/**
 * The forty-fourth session: how long an answer lasts, said under "How long does this last?" (the question names no
 * consent, the form it sits on does), and "for the length of the placement" in a pupil referral unit's policy.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"How long does this last?" over the answer', () => {
  it('"Your answers last for as long as your child is with the PRU": once, for the child\'s time', () => {
    const text = ['How long does this last?', 'Your answers last for as long as your child is with the PRU. You can change your mind at any time.'].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"How long will it apply?" over "Your choices stay in place while your child is at the school"', () => {
    const text = ['How long will it apply?', 'Your choices stay in place while your child is at the school, unless you tell us otherwise.'].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"How long does this last?" on a form for something else proposes no lapse', () => {
    for (const heading of ['## Free school meals', '## Home-school agreement', '## School dinners'])
      expect(
        proposals([heading, '', 'How long does this last?', 'Your answers last for as long as your child is at the school.'].join('\n')),
        heading,
      ).not.toHaveProperty(['consent.lapse']);
  });
});

describe('consent for the length of a placement', () => {
  it('"Consent lasts for the length of the placement unless withdrawn."', () => {
    const text =
      'Consent lasts for the length of the placement unless withdrawn. Consent can be withdrawn or changed at any time by telling the Head of Centre.';
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it("a work placement's own consent form says nothing of images", () => {
    const text = 'The work placement consent form lasts for the length of the placement.';
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });
});
