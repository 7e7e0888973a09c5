import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Round 29: wording met in the fitted policies of session 14, paraphrased and varied. The press names
 * a pupil only with the family's say.
 */

const press = { 'photos.channels.press.naming': 'full-with-permission' };

describe('round 29: the press names a pupil only with the family’s say', () => {
  it.each([
    'Reporters often ask for full names; we will always check with you before any name is passed on.',
    'A child may be named in the local paper only with the agreement of their parents.',
    'Journalists may wish to print pupils’ names, and we will contact parents beforehand on each occasion.',
    'Press releases that name a pupil are agreed with the family before they go out.',
    'If the newspaper wants to print a name, we will phone you and ask you first.',
    'Full names may be given to the press only with specific written consent.',
  ])('%s', (text) => expect(proposals(text)).toMatchObject(press));

  it('a consent form’s row that warns the press may print a name', () => {
    expect(proposals('Parental consent form\n\n[ ] My child may be photographed for the local newspaper (the newspaper may print names).')).toMatchObject(
      press,
    );
  });

  it.each([
    // A limit on names, or a decision by staff, is another rule.
    'The press will only be given first names.',
    'No names will be given to newspapers.',
    'Names of pupils will never be passed to journalists.',
    'The Headteacher decides whether the local paper may print a pupil’s name.',
    // Names of staff, or of the school; the press with no name at all.
    'Staff names may be given to the press with the consent of the member of staff.',
    'The local press may photograph pupils only with parental consent.',
    // Social media is not the press.
    'Pupils may be named on social media only with parental consent.',
  ])('not named with permission from: %s', (text) => expect(proposals(text)['photos.channels.press.naming']).not.toBe('full-with-permission'));
});
