/**
 * The fortieth session's naming readings: a pupil never "named in full", a first name "at most", "no surnames", "never to
 * name or tag children", a first name "if at all", and a surname refused after an example in brackets or in the passive.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a name refused in part is a first name at most', () => {
  it('"We never name pupils in full on Facebook, X or Instagram": first names on social media', () => {
    expect(proposals('We never name pupils in full on Facebook, X or Instagram.')).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });

  it('"Children will not be named in full on the school website": first names there', () => {
    expect(proposals('Children will not be named in full on the school website.')).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });

  it('"We never name pupils on Facebook" is still no names at all', () => {
    expect(proposals('We never name pupils on our Facebook page.')).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('"Website: no surnames." under a list of channels: first names on the website', () => {
    const text = ['How we name pupils beside their photographs:', '', '- Website: no surnames.', '- Newsletter: first name and class.'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });

  it('"School website - photo with first name at most": first names', () => {
    expect(proposals('Q2  The school website - a photograph with a first name at most')).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});

describe('a first name allowed, a surname refused', () => {
  it('"…may use your child\'s first name and class (for example, "Well done to Ali in Otters"), but never their surname": first names in the newsletter', () => {
    const text =
      'In the fortnightly newsletter we may use your child\'s first name and class (for example, "Well done to Ali in Otters Class"), but never their surname.';
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('"On social media, first names may be used where it adds to the post, but surnames will never be used": first names', () => {
    const text = 'On social media, first names may be used where it adds to the post, but surnames will never be used.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });

  it('a form row "(first name only)" still reads as the rule it is', () => {
    const text = ['Please tick each use you agree to:', '[ ] Photographs in the school newsletter (first name only)'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('"Pupils will be identified by first name only, if at all, and never with their full name … on the school\'s social media": first names', () => {
    const text =
      "Pupils will be identified by first name only, if at all, and never with their full name or year group together with a photograph on the school's social media.";
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });
});

describe('a name refused with tagging', () => {
  it('"We will continue never to name or tag children on our Facebook page": no names', () => {
    expect(proposals('We will continue never to name or tag children on our Facebook page.')).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('"never to tag children on our Facebook page" alone says nothing of names', () => {
    expect(proposals('We will continue never to tag children on our Facebook page.')).not.toHaveProperty(['photos.channels.social-media.naming']);
  });
});
