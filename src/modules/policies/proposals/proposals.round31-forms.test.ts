import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

/**
 * Round 31 (session 17): a consent form's rows the carer marks ask about the uses they name, however the form asks
 * (form.marks.ts).
 */

describe('round 31: the rows a carer marks', () => {
  it('an item with its boxes on the line below', () => {
    const form = [
      'PHOTOGRAPH AND VIDEO CONSENT FORM',
      '',
      'SECTION A – INSIDE THE ACADEMY',
      '',
      'A1. Displays around the school – corridors, classrooms and the reception screens.',
      '',
      '        ☐ YES     ☐ NO',
      '',
      'SECTION B – OUTSIDE THE ACADEMY',
      '',
      'B1. Academy website and the Trust website. We use first names only on the website.',
      '',
      '        ☐ YES     ☐ NO',
      '',
      'B2. The academy’s official social media accounts (Facebook, Instagram, X).',
      '',
      '        ☐ YES     ☐ NO',
    ].join('\n');
    expect(uses(form)).toEqual(['displays', 'social-media', 'website']);
  });

  it('an e-mail’s list answered YES / NO', () => {
    const mail = [
      'Please copy the list below into your reply and put YES or NO after each one.',
      '',
      '  * 1. Photos on the school website ........................ YES / NO',
      '',
      '  * 2. Photos on the school’s social media accounts (Facebook, X,',
      '       Instagram) .......................................... YES / NO',
      '',
      '  * 3. Photos and names given to the local and Catholic press',
      '       (for example the diocesan newspaper) ................ YES / NO',
    ].join('\n');
    expect(uses(mail)).toEqual(['press', 'social-media', 'website']);
  });

  it('a table’s rows with boxes', () => {
    const table = [
      '| | | Yes | No |',
      '|---|---|---|---|',
      '| 4 | Photographs of my child may be used on displays around the nursery. | ☐ | ☐ |',
      '| 10 | I am happy to be asked about local press photos when they come up. | ☐ | ☐ |',
    ].join('\n');
    expect(uses(table)).toEqual(['displays', 'press']);
  });

  it.each([
    // One row is no form.
    ['one row', 'Photos on the school website ........ YES / NO'],
    // Rows about nothing but trips are no form of images.
    ['no images', 'I agree to my child going on local walks  ☐ Yes ☐ No\nI agree to my child using the school website  ☐ Yes ☐ No'],
    // A page whose uses run unless carers object.
    [
      'an opt-out page',
      'Photographs are used unless you tell us you object.\n\nPhotos on the school website  ☐ Yes ☐ No\n\nPhotos in the newsletter  ☐ Yes ☐ No',
    ],
  ])('nothing from %s', (_, page) => expect(uses(page)).toEqual([]));

  it('a row that says "nothing" asks about nothing', () => {
    const form = '[ ] Photos in the class newsletter.\n\n[ ] Nothing from the outing on social media — mine or anyone’s.';
    expect(proposals(form)['consent.purposes.social-media.active']).toBeUndefined();
  });

  it('a form photograph is a class photograph: its opt-out is scoped, and the rest of the form still asks', () => {
    const page = [
      'Photos on the school website ........ YES / NO',
      'Photos in the school newsletter ........ YES / NO',
      '',
      'If you do not want your child to be in the form photograph, please let the form tutor know.',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'website']);
  });
});

describe('round 31: what a marked form’s page says beside it', () => {
  it('an opt-out of how long images are kept leaves the form’s rows asked', () => {
    const page = [
      '| | Use | Yes | No |',
      '|---|---|---|---|',
      '| 1 | Photos in displays in school | [ ] | [ ] |',
      '| 2 | Photos on the school website | [ ] | [ ] |',
      '',
      'Images in printed materials may be used for up to two years, even if the student has left, unless you ask us to stop.',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'website']);
  });

  it('pupils’ work shown with a first name is no naming rule for the photographs', () => {
    const text = 'On the website and Facebook page we will not put a child’s name with their photo. Pupils’ work may be shown with a first name only.';
    expect(proposals(text)).toMatchObject({ 'photos.channels.website.naming': 'none', 'photos.channels.social-media.naming': 'none' });
  });
});

describe('round 31: a Welsh form’s marks, and an address that ends no sentence', () => {
  it('"Ydw / Yes ☐ Nac ydw / No ☐" under a question with the school’s address in it', () => {
    const form = [
      'FFURFLEN GANIATÂD / PHOTOGRAPH CONSENT FORM',
      '',
      '2a. Gwefan yr ysgol / School website',
      'May we use photographs of your child on the school website (www.caeronnen.caerwen.sch.uk)?',
      'Ydw / Yes ☐ Nac ydw / No ☐',
      '',
      '2b. Cyfryngau cymdeithasol / School social media',
      'May we use photographs of your child on the school’s Facebook page?',
      'Ydw / Yes ☐ Nac ydw / No ☐',
    ].join('\n');
    expect(uses(form)).toEqual(['social-media', 'website']);
  });
});

it('an address’s dots end no sentence, and come back in its words', () => {
  const found = sentencesOf('Photos go on www.caeronnen.caerwen.sch.uk/news each week. E-mail office@caeronnen.sch.uk with any worry.');
  expect(found.map((s) => s.text)).toEqual(['Photos go on www.caeronnen.caerwen.sch.uk/news each week.', 'E-mail office@caeronnen.sch.uk with any worry.']);
});

it('a marked row that says how its pupils are named ("Never named") still asks about its use', () => {
  const form = [
    'Photograph consent',
    '',
    '| | Where | Names | Yes | No |',
    '|---|---|---|---|---|',
    '| D | On the school website. | Never named | ☐ | ☐ |',
    '| E | On the school Facebook page. | Never named | ☐ | ☐ |',
  ].join('\n');
  expect(uses(form)).toEqual(['social-media', 'website']);
});
