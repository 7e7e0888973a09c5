/**
 * The twenty-second session's consent lists: the leads schools write over a form's questions ("It asks you to say yes or
 * no to each of these:", "Separate answers are given for:"), and a use that needs no consent but respects an objection.
 * Each case paraphrases a lead the keyed sets had and the reader missed, with the one it must still not read.
 */
import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

const page = (lead: string, items = ['photos on our website', 'photos in the printed newsletter', 'photos in the local newspaper']) =>
  ['# Photographs of children', 'We take photographs of the children during the day.', lead, ...items.map((item) => `- ${item}`)].join('\n\n');

describe('a lead over the form’s questions', () => {
  it.each([
    'It asks you to say yes or no to each of these:',
    'The form asks you to say yes or no to each of the following separately:',
    'You can say yes or no separately to:',
    'The registration form has a separate tick box for each of these uses:',
    'Separate answers are given for:',
    'Parents are asked seperately about each of the following:',
    'Consent is recorded separately for:',
  ])('%s', (lead) => {
    expect(uses(page(lead))).toEqual(['press', 'publications', 'website']);
  });

  it('under a yes-or-no lead with no word of images near it, an item must name images itself', () => {
    const lead = '# Joining us\n\nWe go through the registration pack with you. It asks you to say yes or no to each of these:';
    expect(uses(`${lead}\n\n- photos on our website\n- our newsletter by e-mail\n- a place at breakfast club`)).toEqual(['website']);
  });

  it.each([
    // A lead that refuses, and one that is staff's.
    'We do not ask for consent separately for:',
    'Staff can say yes or no separately to:',
  ])('not: %s', (lead) => {
    expect(uses(page(lead))).toEqual([]);
  });

  it('photographs "on the walls" of the nursery are its displays', () => {
    expect(uses(page('It asks you to say yes or no to each of these:', ['Photos on the walls and in the books we make at nursery']))).toEqual(['displays']);
  });
});

describe('a use that needs no consent, said in a section on images', () => {
  it('is the school’s public task, even when the sentence names no images', () => {
    expect(proposals('# Photographs of pupils\n\nConsent is not asked for internal displays, which are part of our public task.')).toHaveProperty(
      ['consent.purposes.displays.basis'],
      'public-task',
    );
  });

  it('is opt-out when the school still respects a carer’s objection', () => {
    expect(
      proposals('# Images of pupils\n\nDisplays inside the school do not require consent, but we will respect any objection a parent makes in writing.'),
    ).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });

  it('says nothing on a page that is not about images', () => {
    expect(proposals('# School trips\n\nDisplays inside the school do not require consent.')).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});

describe('what the school does not do with images', () => {
  it('"rather than individual portraits" names no portraits the school takes', () => {
    expect(
      uses(
        '# Photographs\n\nWe ask parents for consent to use photographs of their children. Images will show children in groups rather than individual portraits.',
      ),
    ).toEqual([]);
  });

  it.each(['We do not use any social media with pupils in school.', 'The school does not use social media to communicate with students.'])(
    'social media kept out of teaching is no refusal of the school’s page: %s',
    (sentence) => {
      expect(proposals(sentence)).not.toHaveProperty(['consent.purposes.social-media.active']);
    },
  );

  it('the school that has no social media at all still says so', () => {
    expect(proposals('The school does not use social media.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });
});
