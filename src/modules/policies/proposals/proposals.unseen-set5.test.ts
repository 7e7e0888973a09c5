import { describe, expect, it } from 'vitest';
import { proposeSettings } from './engine.ts';
import { uses } from '../../../../test/helpers/proposals.ts';

/**
 * Wording of the kinds the fifth unseen set missed (described in words, never read here), written for any school's
 * way of saying it: each case paraphrased, with cases that must propose nothing.
 */

describe('one negated sentence naming several channels, "without consent"', () => {
  it.each([
    [
      'The school will not display images of pupils on websites, in publications or in a public place without consent.',
      ['displays', 'publications', 'website'],
    ],
    [
      'We will never show photographs of children in a public place, on Facebook or in the newsletter without parental consent.',
      ['displays', 'publications', 'social-media'],
    ],
    ['Images of students will not be displayed in a public area or in the prospectus without the written permission of parents.', ['displays', 'publications']],
    ['St Anne’s Academy does not publish pictures in the local press or on its website without consent.', ['press', 'website']],
  ])('%s', (sentence, expected) => expect(uses(sentence)).toEqual(expected));

  it.each([
    'Staff must not display images of pupils in a public place without consent.',
    'Parents will not display images of other children in a public place without consent.',
    'We will never display images in a public place.',
    'Photographs taken in a public place by visitors are not the school’s responsibility.',
  ])('nothing from: %s', (sentence) => expect(uses(sentence)).toEqual([]));
});

describe('a request for permission whose object lists the uses', () => {
  it.each([
    [
      'We are writing to ask for your permission to continue taking, displaying on school premises, and on occasion publishing videos and photographs of your child in school media and the local press.',
      ['displays', 'press', 'publications'],
    ],
    [
      'We would like to seek your consent to photograph your child and to display the photographs around the school, in school media and in the public media.',
      ['displays', 'press', 'publications'],
    ],
    ['I am writing to request your permission to publish photographs of your child on the school website and in the newsletter.', ['publications', 'website']],
    [
      'We would like your permission to display photographs of your child in the school hall and to publish them in the local newspaper.',
      ['displays', 'press'],
    ],
    ['We need your written consent to share photographs from the performance on our Facebook page and in the newsletter.', ['publications', 'social-media']],
    ['We wish to ask for parental consent to display images within the academy buildings and on our Twitter feed.', ['displays', 'social-media']],
  ])('%s', (sentence, expected) => expect(uses(sentence)).toEqual(expected));

  it.each([
    'The Department writes to ask for your consent to share data.',
    'We are writing to ask for your permission for the trip to the museum.',
    'Pupils should ask for permission to use the school media room.',
    'We display work in the hall.',
    'We would like your permission to take your child to the museum.',
    'Staff need your permission to publish photographs on the website.',
  ])('nothing from: %s', (sentence) => expect(uses(sentence)).toEqual([]));
});

describe('uses a page says images "may be used" for, on a page that asks permission for images', () => {
  const page = (...paragraphs: string[]) => `Online Safety Policy\n\nUse of digital and video images\n\n${paragraphs.join('\n\n')}\n`;
  it.each([
    [
      page(
        'Staff and pupils need to be aware of the risks of publishing images on the internet. Images may also be used to celebrate success through their publication in newsletters, on the school website, official school social media pages and occasionally in the public media.',
        'The school will comply with the Data Protection Act and request parents/carers permission before taking images of members of the school.',
      ),
      ['press', 'publications', 'social-media', 'website'],
    ],
    [
      page(
        'The academy will seek the written consent of parents or carers before photographs of pupils are taken.',
        'Photographs may be used to celebrate achievement in the prospectus, on our Facebook page and on the academy website.',
      ),
      ['publications', 'social-media', 'website'],
    ],
    [
      page(
        'Pictures of pupils can be used in the school newsletter and occasionally in the local newspaper.',
        'We will always obtain parental permission before taking photographs of children.',
      ),
      ['press', 'publications'],
    ],
  ])('%#', (text, expected) => expect(uses(text)).toEqual(expected));

  it.each([
    // Permission for something other than images, staff's own rule, and an opt-out page: none of the uses is asked.
    page('Images may be used in newsletters and on the school website.', 'The school will request parents’ permission before taking pupils on trips.'),
    page('Images may be used in newsletters and on the school website.', 'Staff will request parents’ permission before taking images.'),
    page(
      'Images may be used in newsletters and on the school website.',
      'The school will request parents’ permission before taking images. If you do not want your child photographed, please tell the office.',
    ),
  ])('nothing from page %#', (text) => expect(uses(text)).toEqual([]));
});

describe('no names "when images are published": on every channel the page publishes on', () => {
  const naming = (text: string) =>
    Object.fromEntries(
      proposeSettings(text)
        .proposals.filter((p) => p.setting.endsWith('.naming'))
        .map((p) => [p.setting.split('.')[2], p.value]),
    );
  const page = (...paragraphs: string[]) => `E-Safety Policy\n\nImages\n\n${paragraphs.join('\n\n')}\n`;
  it.each([
    [
      page(
        'Images may also be used to celebrate success through their publication in newsletters, on the school website, official school social media pages and occasionally in the public media.',
        'We will also ensure that when images are published that the young people cannot be identified by the use of their names.',
      ),
      { newsletter: 'none', press: 'none', 'social-media': 'none', website: 'none' },
    ],
    [
      page(
        'When photographs of pupils are posted, children will not be identified by their names.',
        'Photographs may be shared on the academy website and on our Instagram account.',
      ),
      { 'social-media': 'none', website: 'none' },
    ],
    [page('We publish pictures of events in the local newspaper.', 'Once images are published, students must not be named.'), { press: 'none' }],
  ])('%#', (text, expected) => expect(naming(text)).toEqual(expected));

  it.each([
    // A condition, a hedge, full names only, parents' rule, or no channel of the school's: nothing.
    page('Images may be used on the school website.', 'When images are published, pupils will not be named unless parents agree.'),
    page('Images may be used on the school website.', 'When images are published, pupils generally will not be identified by their names.'),
    page('Images may be used on the school website.', 'When images are published, pupils cannot be identified by their full names.'),
    page('Images may be used on the school website.', 'Parents must ensure that when images are shared, children cannot be named.'),
    page('When images are published, pupils cannot be identified by their names.'),
    page('Parents may post pictures on Facebook.', 'When images are published, pupils cannot be identified by their names.'),
  ])('nothing from page %#', (text) => expect(naming(text)).toEqual({}));
});

describe('consent asked for a use "and use of their name": on that channel a name needs express permission', () => {
  const naming = (text: string) =>
    Object.fromEntries(
      proposeSettings(text)
        .proposals.filter((p) => p.setting.endsWith('.naming'))
        .map((p) => [p.setting.split('.')[2], p.value]),
    );
  it.each([
    ['Parental consent will be obtained annually for publication in a newspaper (and use of their name).', { press: 'full-with-permission' }],
    [
      'We will seek parents’ permission for photographs on the school website, together with the use of their child’s name.',
      { website: 'full-with-permission' },
    ],
    ['We seek consent for the newsletter, and for the local newspaper together with the use of their full name.', { press: 'full-with-permission' }],
    [
      'Permission is requested each year for images on our Facebook page (including publication of the child’s name).',
      { 'social-media': 'full-with-permission' },
    ],
  ])('%s', (sentence, expected) => expect(naming(sentence)).toEqual(expected));

  it.each([
    // Two channels before the name, staff's rule, a hedge, or no consent asked: no naming rule.
    'We will ask for your permission for photographs on the website and in the local press, including publication of your child’s name.',
    'Staff will ask for consent for the newspaper (and use of their name).',
    'Consent is generally sought for the newspaper (and use of their name).',
    'Photographs appear in the newspaper (and use of their name is common).',
  ])('nothing from: %s', (sentence) => expect(naming(sentence)).toEqual({}));
});
