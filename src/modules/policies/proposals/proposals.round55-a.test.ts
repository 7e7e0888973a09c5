/**
 * The forty-first session: a newspaper named by its title, a fuller name given only where the form's box is ticked or the
 * family agrees otherwise, and an abbreviation's full stops inside a naming rule.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the press names a pupil only with the family’s say, in other words', () => {
  it('"The Gazette: first name and surname, but only if you ticked Part C": a local paper by its title', () => {
    const text = 'The Gazette: first name and surname, but only if you ticked Part C.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"…full names in the Gazette press releases only where box (d) is ticked": a box on the form', () => {
    const text = 'The office can use full names in the Gazette press releases only where box (d) is ticked.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"names will only be given to the paper if you tick the box on the reply slip below"', () => {
    const text =
      'We will only send photographs of pupils who have press consent, and names will only be given to the paper if you tick the box on the reply slip below.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"We will only pass names to the press … where the parent has said yes to press photographs"', () => {
    const text =
      'We will only pass names to the press, or allow a pupil to be photographed by them, where the parent has said yes to press photographs on the consent form.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"Newspapers usually want full names; we give first names only unless the parent has agreed otherwise in writing"', () => {
    const text = 'Newspapers usually want full names; we give first names only unless the parent has agreed otherwise in writing.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"Press: first name only, unless the Headteacher has agreed otherwise with the family"', () => {
    const text = 'Press: first name only, unless the Headteacher has agreed otherwise with the family.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('a first name the family may ask to widen, with no channel named, gives the channels in scope nothing', () => {
    const text = [
      'Children are never named on the website or the Facebook page - not their first name, not their initials.',
      'We give first names only unless the parent has agreed otherwise in writing.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('a newspaper that only wants names is no rule: "The Gazette usually wants full names"', () => {
    expect(proposals('The Gazette usually wants full names and ages.')).not.toHaveProperty(['photos.channels.press.naming']);
  });
});

describe('a naming rule with an abbreviation in it', () => {
  it('"Full names may be used in the College newsletter and in press releases (e.g. results day) but only where the learner has agreed"', () => {
    const text = 'Full names may be used in the College newsletter and in press releases (e.g. results day) but only where the learner has agreed.';
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.newsletter.naming'], 'full-with-permission');
    expect(found).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });
});

describe('a first name the press may widen only with the family’s say (review guards)', () => {
  it('"…unless a journalist asks for full names": the paper’s wish, not the family’s say', () => {
    expect(proposals('Press: first names only, unless a journalist asks for full names.')).not.toHaveProperty(
      ['photos.channels.press.naming'],
      'full-with-permission',
    );
  });

  it('"…unless the Headteacher gives permission": staff decide, not the family', () => {
    expect(proposals('Press: first names only, unless the Headteacher gives permission.')).not.toHaveProperty(
      ['photos.channels.press.naming'],
      'full-with-permission',
    );
  });

  it('staff named in press releases are no pupils: "…staff are named by first name only, unless they have agreed otherwise"', () => {
    expect(proposals('In press releases, staff are named by first name only, unless they have agreed otherwise.')).not.toHaveProperty([
      'photos.channels.press.naming',
    ]);
  });

  it('a newsletter called the Gazette is no newspaper', () => {
    expect(proposals('Our weekly newsletter, the Gazette, gives first names only, unless a parent has agreed otherwise.')).not.toHaveProperty([
      'photos.channels.press.naming',
    ]);
  });
});
