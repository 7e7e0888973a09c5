/**
 * The thirty-fifth session's reading of who deals with the press: the subject who handles press enquiries is whom they
 * go to, said in a sentence, a list item under its subject, or an item under a heading that names the role; and "It will
 * be reviewed every year" read past a label ("Welsh translation: M. Hughes.") to the guide the sentence before names.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('whoever deals with the press', () => {
  it.each([
    'The Headteacher deals with all enquiries from the media.',
    'The Principal will handle any requests from journalists.',
    'The Head Teacher is the only point of contact for the press.',
  ])('%s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
  });

  it('a list item under its subject', () => {
    const text = ['The Headteacher will:', '', '- lead the school’s online safety work;', '- respond to all enquiries from the local press.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
  });

  it('an item under a heading that names the role', () => {
    const text = ['5.2 The Headteacher', '5.2.1 approves this policy;', '5.2.2 is the point of contact for the media.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
  });

  it('someone who does not deal with the press is not told', () => {
    expect(proposals('Class teachers do not deal with enquiries from the press.')).not.toHaveProperty(['concerns.routes.media-enquiry.notify']);
  });
});

describe('how often the policy is reviewed, past a label', () => {
  it('"It will be reviewed every year" two sentences after the guide is named, with a label between', () => {
    const text =
      'This leaflet was written by the DSL and approved by the governors in October 2024. Welsh translation: M. Hughes. It will be reviewed every year.';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('a sentence between that names something else leaves "it" unread', () => {
    const text = 'This leaflet was written by the DSL in October 2024. The school also has a Facebook page. It will be reviewed every year.';
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});
