/**
 * The thirty-third session's reading of the uses a page shows the school makes: a naming rule for a channel says pupils'
 * photographs are published there, so the channel's consent purpose is active. Not where the page says the school does
 * not use the channel, where the rule keeps photographs off it, or where the page says something of the purpose itself.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { proposeSettings } from './engine.ts';

const uses = (text: string) =>
  Object.entries(proposals(text))
    .filter(([setting]) => /^consent\.purposes\.[a-z-]+\.active$/.test(setting))
    .map(([setting, value]) => [setting.split('.')[2], value]);

describe('a channel pupils are named on is a use the school makes', () => {
  it.each([
    ['A pupil’s full name never appears beside a photograph on the academy website.', [['website', true]]],
    ['In the weekly bulletin we give a child’s first name and class only.', [['publications', true]]],
    ['Captions on corridor displays use first names.', [['displays', true]]],
    ['Children are not named in anything we post on Instagram or X.', [['social-media', true]]],
    ['The local paper may print a child’s full name only with the family’s written agreement.', [['press', true]]],
  ])('%s', (text, expected) => expect(uses(text)).toEqual(expected));

  it('one purpose for the newsletter and the prospectus, quoting the first rule', () => {
    const text = ['Printed publications', '', 'The prospectus shows no names.', 'The newsletter uses first names only.'].join('\n');
    const uses = proposeSettings(text).proposals.filter((p) => p.setting === 'consent.purposes.publications.active');
    expect(uses).toEqual([{ setting: 'consent.purposes.publications.active', value: true, quote: 'The prospectus shows no names.', line: 3 }]);
  });

  it('where two rules disagree on how pupils are named there, the channel is still used', () => {
    const text = ['Our newsletter gives first names only.', '', 'We do not name children in the newsletter.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.newsletter.naming']);
    expect(uses(text)).toEqual([['publications', true]]);
  });
});

describe('not a use', () => {
  it.each([
    // The school says it has no such channel: that reading wins.
    'We do not use social media. Children’s names will never appear on social media.',
    'The school does not have its own social media accounts. Pupils are never named on Facebook.',
  ])('%s', (text) => expect(uses(text)).toEqual([['social-media', false]]));

  it.each([
    // The rule keeps photographs off the channel.
    'The newsletter goes home on Fridays; it uses first names only and no photographs of pupils.',
    'We will not give names or photographs of your child to the press.',
    'Photographs of pupils will not be published on the website; pupils are never named there either.',
    // A naming rule with a condition settles nothing, and says nothing of use.
    'At no time should a child be named on the website unless their family has agreed.',
    // A page whose uses run unless carers object asks about none of them.
    'We use photographs of pupils in school and on our website unless you tell us you do not want us to. Children are never named on the website.',
  ])('%s', (text) => expect(uses(text)).toEqual([]));

  it('names withheld beside photographs still publish the photographs', () =>
    expect(uses('We will not use full names with photographs on the website.')).toEqual([['website', true]]));

  it('a page that says only one platform is not used leaves the school’s other social media', () => {
    const text = ['Social media', '', 'We do not have Instagram.', '', 'On our Facebook page pupils are named by first name only.'].join('\n');
    expect(uses(text)).toEqual([['social-media', true]]);
  });
});
