/**
 * The twenty-second session's naming rules: the press naming a pupil only with the family's say, said over two sentences
 * or in a family's own words; a rule for every channel ("anywhere"), kept for the channels the page uses; and "no pupil
 * names". Each case paraphrases a sentence the keyed sets had and the reader missed, with the one it must still not read.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const press = 'photos.channels.press.naming';

describe('the press names a pupil only with the family’s say', () => {
  it.each([
    'Local papers often ask to print children’s full names. We only allow this if you have said yes to the newspaper question on the form.',
    'The paper will usually want a full name. We only give it if you have ticked yes for the press.',
    'Reporters sometimes want to print pupils’ names with a picture. We will only let them do this where you have agreed to press photographs.',
    'Newspapers generally ask for the full names of children in photographs. We will only agree to this where parents have given consent for press use.',
    'When a photograph goes to the local newspaper, the paper may wish to print names. We will only pass on names if you have told us this is fine.',
  ])('said over two sentences: %s', (page) => {
    expect(proposals(page)).toHaveProperty([press], 'full-with-permission');
  });

  it.each([
    'We only give pupils’ full names to newspapers if you have said yes to press photographs on the form.',
    'Full names may appear in the local newspaper only if you have answered yes to question 6.',
    'For press coverage we will agree with the parents in advance whether a pupil’s full name can be given to the paper.',
    'For press coverage of results day, you will be asked in person before your full name is given to a journalist.',
    'We will only allow a child to be named in the press if the parent has ticked the press box.',
    'The school will contact parents before any named photograph is given to the press.',
    'Where a pupil wins a prize and we want to use their full name (for example in a press article), we will ask the parent first each time.',
    'If a newspaper asks to print a pupil’s full name, the Headteacher will ask the parents for consent for that article.',
  ])('said in one: %s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty([press], 'full-with-permission');
  });

  it.each([
    '| Press | Full name only where the parent has agreed for that particular story |',
    '| External media | Full name only where the family has agreed to that specific article |',
    '| Local press | Full name, if consent for press use is given |',
    '| Local newspaper | The paper may want a full name. We will only give it if you tick row 7 |',
    'Regional newspapers usually want a full name. We only give one if you tick box 5.',
    'Reporters like to print a child’s full name. If you tick both boxes, we may give your child’s full name to the paper.',
  ])('in a table’s row, or as the form’s box: %s', (page) => {
    expect(proposals(page)).toHaveProperty([press], 'full-with-permission');
  });

  it.each([
    // The sentence before limits names: the family's say is about the photograph, not a full name.
    'Newspapers are never given pupils’ names. We will only allow this if you have said yes to press photographs.',
    // Nothing before it about names: "this" is the photograph.
    'A local paper sometimes visits for a sports result. We will only allow this if you have said yes to press photographs.',
    // The school decides, not the family.
    'Newspapers usually want full names. The Headteacher decides whether to allow this.',
    // A row that limits the name, whatever the family ticks.
    '| Press | First name only, if consent for press use is given |',
  ])('not when the names are not the family’s to give: %s', (page) => {
    expect(proposals(page)).not.toHaveProperty([press]);
  });
});

describe('a naming rule for every channel is the rule of each channel the page uses', () => {
  const page = (rule: string) =>
    ['# Photographs of pupils', 'We publish photographs of pupils on our website and in the printed newsletter.', rule].join('\n\n');

  it.each([
    'We will not use a pupil’s full name alongside any photograph, anywhere.',
    'We never put a child’s full name next to their photograph anywhere.',
    'Images of pupils will not be accompanied by their full names in any material published outside the school.',
  ])('%s', (rule) => {
    const read = proposals(page(rule));
    expect(read).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(read).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
    // A channel the page does not use is not given a rule.
    expect(read).not.toHaveProperty(['photos.channels.social-media.naming']);
  });

  it('a channel with a rule of its own keeps it', () => {
    const read = proposals(page('We never put a child’s full name next to their photograph anywhere. On the website we do not name children at all.'));
    expect(read).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(read).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('a page that names no channel of its own gets no rule', () => {
    expect(
      Object.keys(proposals('# Names\n\nWe will not use a pupil’s full name alongside any photograph, anywhere.')).filter((k) => k.endsWith('.naming')),
    ).toEqual([]);
  });

  it('a rule with a condition is not a rule for every channel', () => {
    expect(proposals(page('We will not use a pupil’s full name anywhere unless the family agrees.'))).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('"no pupil names", as "no pupils’ names"', () => {
  it.each(['On the website and the Facebook page no pupil names are used at all.', 'No student names are used on our website or Facebook page.'])(
    '%s',
    (sentence) => {
      const read = proposals(sentence);
      expect(read).toHaveProperty(['photos.channels.website.naming'], 'none');
      expect(read).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    },
  );
});

describe('every name, said as "first name or surname"', () => {
  it.each([
    'We never put a pupil’s name, first name or surname, with a photograph on Facebook.',
    'Pupils must not be named, by first name or surname, in any Facebook post that shows them.',
    'Children will not be named on Facebook in any form, including first names.',
  ])('%s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('a surname alone is still a first name at most', () => {
    expect(proposals('We never put a pupil’s surname with a photograph on Facebook.')).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });
});

describe('a first name the school gives, in the family’s words', () => {
  it.each([
    ['On displays in school, we may use your child’s first name with their photograph.', 'display'],
    ['Photographs of my child may be used on classroom displays, with their first name.', 'display'],
    ['In the printed newsletter we may use your child’s first name with a photo.', 'newsletter'],
    ['The newsletter will only print first names, and only if you tick that box on the form.', 'newsletter'],
    ['Press: first names only, and only if parents agree.', 'press'],
  ])('%s', (sentence, channel) => {
    expect(proposals(sentence)).toHaveProperty([`photos.channels.${channel}.naming`], 'first-names');
  });

  it.each([
    // A question to the carers.
    'Question 4. May we use your child’s first name with their photograph in the newsletter?',
    // What a newspaper may want.
    'The newspaper may want to print your child’s first name.',
    // A menu the carers choose from.
    'If you agree to the press, you can choose whether your child’s full name may be printed, first name only, or no name.',
    // A condition that is not the family's say.
    'Newsletter photographs carry first names only if the Headteacher agrees.',
  ])('not: %s', (sentence) => {
    expect(Object.keys(proposals(sentence)).filter((k) => k.endsWith('.naming'))).toEqual([]);
  });
});
