/**
 * Guards for the thirty-fifth session's readings, written after a review of the change: each sentence here is one a reading
 * could have gone too far on.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the readings stop where they should', () => {
  it('the one who reports to the police drops out, those told after stay', () => {
    const text = 'Any safeguarding concern must be reported to the police by the Headteacher and to the DSL the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"in the past" beside a yearly answer still leaves the yearly answer', () => {
    expect(proposals('Unlike in the past, photo consent is now valid for one academic year only.')).toHaveProperty(['consent.lapse'], 'each-september');
  });

  it('"Concerns about staff well-being" is no concern about what staff did', () => {
    expect(proposals('Concerns about staff well-being should be raised with the Headteacher.')).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });

  it('"it" reaches past a credit only to the sentence just before it', () => {
    const text = 'This policy was agreed in 2024. The school also has a Facebook page. Welsh translation: M. Hughes. It will be reviewed every year.';
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });

  it('a passed-over aside leaves whoever deals with the press', () => {
    expect(proposals('The Headteacher (not class teachers) deals with all enquiries from the press.')).toHaveProperty(
      ['concerns.routes.media-enquiry.notify'],
      ['headteacher'],
    );
  });

  it('"cannot be named" on a channel is no names there', () => {
    expect(proposals('Pupils cannot be named on social media.')).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });
});
