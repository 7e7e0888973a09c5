/**
 * The forty-second session: a surname kept back unless the family or pupil agrees is full names with permission, and a
 * sentence about how pupils are identified on a channel is the scope of the sentence after it.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a surname used only with the family’s or pupil’s agreement', () => {
  it('"Surnames are not used on the website, except … where a parent has given specific consent"', () => {
    const text = 'Surnames are not used on the website, except for results in national competitions where a parent has given specific consent.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
  });

  it('"On our Facebook page, surnames are only used with the student’s agreement"', () => {
    const text = 'On our Facebook page, surnames are only used with the student’s agreement, for example for a scholarship.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'full-with-permission');
  });

  it('"We will not give the newspaper your child’s surname unless you have agreed to it for a specific article"', () => {
    const text = 'We will not give the newspaper your child’s surname unless you have agreed to it for a specific article.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('a surname allowed with the Principal’s agreement is a member of staff’s say, not the family’s', () => {
    const text = 'On the website, surnames are only used with the Principal’s agreement.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
  });

  it('"…unless their parents agree" with nothing specific stays a condition', () => {
    const text = 'Surnames are not used on the website unless parents agree.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('the sentence before, naming how pupils are identified on a channel, is the next sentence’s scope', () => {
  it('"…identified on the School’s social media accounts by first name only. Surnames are not used, save … with the specific agreement of the boy and his parents."', () => {
    const text =
      "Pupils may be identified on the School's social media accounts by first name and year group only. Surnames are not used, save in the case of exceptional public achievement (for example, national selection) and then only with the specific agreement of the boy and his parents.";
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'full-with-permission');
  });

  it('a first-name rule for the website followed by a plain ban on surnames stays first names', () => {
    const text = 'On the website pupils are identified by first name only. Surnames are never used.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});
