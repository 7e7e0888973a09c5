/**
 * The thirty-sixth session's later readings of names in the press: the school contacts the parent "and asks for consent
 * for that occasion", a form's row that warns "(names may be printed)", and a carer's own statement on a form.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const press = (text: string) => proposals(text)['photos.channels.press.naming'];

describe('the press names a pupil only with the family’s say', () => {
  it('"…the school will contact the parent and ask for consent for that occasion"', () => {
    expect(
      press(
        'Where a newspaper wishes to print a child’s full name, for example for a competition winner, the school will contact the parent and ask for consent for that occasion.',
      ),
    ).toBe('full-with-permission');
  });

  it('a consent form’s row that warns "(names may be printed)"', () => {
    const text = [
      'Photograph consent form',
      '',
      '6. The school Facebook page                                      [ ]   [ ]',
      '7. Press and media, including the local newspaper and the parish magazine (names may be printed)   [ ]   [ ]',
    ].join('\n');
    expect(press(text)).toBe('full-with-permission');
  });

  it('a carer’s statement on a form, its boxes on the line below', () => {
    const text = [
      'Holmwood Primary School',
      '',
      'Newspapers and local media',
      'I agree to my child being photographed or filmed by local newspapers or media, who may print my child’s name.',
      'YES ☐\tNO ☐',
    ].join('\n');
    expect(press(text)).toBe('full-with-permission');
  });

  it('a carer’s statement that limits the name is no full name with permission', () => {
    expect(press('I agree that local newspapers may print my child’s first name only.')).not.toBe('full-with-permission');
  });

  it('a policy sentence that names may be printed, with no family’s say, sets nothing', () => {
    expect(press('At press events the names of prize winners may be printed in the local newspaper.')).toBeUndefined();
  });
});

describe('full names on a channel where the family has agreed', () => {
  it.each([
    'The website and printed newsletter may use full names where a parent has consented (e.g. awards evening).',
    'On the website and in the newsletter, a full name may be used for significant achievements such as county sports selection or exam success, but only where you have given consent for that use.',
  ])('%s', (text) => {
    const got = proposals(text);
    expect(got).toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
    expect(got).toHaveProperty(['photos.channels.newsletter.naming'], 'full-with-permission');
  });
});
