import { describe, expect, it } from 'vitest';
import type { ConsentStatus } from '../consent/consent.rules.ts';
import { defaultSettings } from '../settings/settings.defaults.ts';
import {
  mentions,
  prohibitedContextsIn,
  publishRefusals,
  retentionDates,
  retentionDue,
  type PublishCheck,
  type PupilNames,
  type TaggedPupil,
} from './photos.rules.ts';

const channel = (key: string) => defaultSettings.photos.channels.find((c) => c.key === key)!;
const purposeOf = (key: string) => defaultSettings.consent.purposes.find((p) => p.key === channel(key).purpose);
const amelia: PupilNames = { id: 'p-amelia', givenName: 'Amelia', familyName: 'Clarke', preferredName: null };
const alex: PupilNames = { id: 'p-alex', givenName: 'Alexander', familyName: 'Wright', preferredName: 'Alex' };
const noah: PupilNames = { id: 'p-noah', givenName: 'Noah', familyName: 'Begum', preferredName: null };
const harry: PupilNames = { id: 'p-harry', givenName: 'Harry', familyName: 'Wood', preferredName: null };
const jack: PupilNames = { id: 'p-jack', givenName: 'Jack', familyName: 'Clarke', preferredName: null };
const ameliaShah: PupilNames = { id: 'p-amelia-shah', givenName: 'Amelia', familyName: 'Shah', preferredName: null };
const directory = [amelia, alex, noah, harry, jack, ameliaShah];
const tag = (p: PupilNames, status: ConsentStatus, express: ConsentStatus | null = null): TaggedPupil => ({ ...p, status, express });
const check = (key: string, tagged: TaggedPupil[], extra: Partial<PublishCheck> = {}): PublishCheck => ({
  channel: channel(key),
  purpose: purposeOf(key),
  tagged,
  unidentified: 0,
  texts: { caption: '', altText: '', fileName: '' },
  directory,
  ...extra,
});
const texts = (caption: string, altText = '', fileName = '') => ({ texts: { caption, altText, fileName } });

describe('publishing check (MED-4)', () => {
  it.each<[string, PublishCheck, { pupilId: string | null; reason: RegExp }[]]>([
    ['every pupil may, nobody unidentified: passes', check('website', [tag(amelia, 'may'), tag(alex, 'may')]), []],
    ['no pupils at all, nobody unidentified: passes', check('display', []), []],
    [
      'a refusal blocks, naming the pupil',
      check('website', [tag(amelia, 'may'), tag(alex, 'may-not')]),
      [{ pupilId: 'p-alex', reason: /Alex Wright may not appear in school website: their carers have said no/ }],
    ],
    ['no answer counts as no (CON-5)', check('display', [tag(noah, 'no-answer')]), [{ pupilId: 'p-noah', reason: /Noah Begum .* no answer on record/ }]],
    [
      'unidentified people block it',
      check('display', [tag(amelia, 'may')], { unidentified: 2 }),
      [{ pupilId: null, reason: /2 people in the photograph are not identified/ }],
    ],
    [
      'outside school, a caption naming a tagged child needs express permission from every child',
      check('website', [tag(amelia, 'may'), tag(alex, 'may')], texts('Well done amelia!')),
      [
        {
          pupilId: 'p-amelia',
          reason: /The caption gives the name “Amelia”: naming a child outside school needs express written permission from Amelia Clarke’s carers/,
        },
        { pupilId: 'p-alex', reason: /Naming a child outside school needs express written permission from Alex Wright’s carers/ },
      ],
    ],
    [
      'a preferred name in the alt text counts too',
      check('social-media', [tag(alex, 'may')], texts('', 'ALEX on the climbing wall')),
      [{ pupilId: 'p-alex', reason: /express written permission/ }],
    ],
    ['named with express permission granted for each child: passes', check('website', [tag(amelia, 'may', 'may')], texts('Amelia wins the cup')), []],
    [
      'naming a child who is not in the photo is refused outright',
      check('website', [tag(amelia, 'may', 'may')], texts('Noah Begum cheers Amelia on')),
      [{ pupilId: 'p-noah', reason: /The caption gives the name “Noah Begum” \(Noah Begum\): outside school no child is named/ }],
    ],
    ['a given name alone is not the name of a child who is not in the photo', check('website', [tag(amelia, 'may')], texts('Our Noah’s Ark assembly')), []],
    ['a family name that is an ordinary word is not a name: “Races in the wood”', check('website', [tag(amelia, 'may')], texts('Races in the wood')), []],
    [
      '…even for the child in the photo, or at the start of a sentence',
      check('website', [tag(harry, 'may')], texts('Wood chopping at forest school. Wood-fired pizza after!', 'Races in the wood')),
      [],
    ],
    [
      'a family name written as a name is one',
      check('website', [tag(amelia, 'may')], texts('Well done to the Wood family')),
      [
        { pupilId: 'p-harry', reason: /The caption gives the name “Wood” \(Harry Wood\)/ },
        { pupilId: 'p-amelia', reason: /Naming a child outside school needs express written permission/ },
      ],
    ],
    [
      'a tagged child’s family name written as a name names them (and everyone sharing it)',
      check('website', [tag(amelia, 'may')], texts('Congratulations to the Clarke family')),
      [
        { pupilId: 'p-jack', reason: /“Clarke” \(Jack Clarke\)/ },
        { pupilId: 'p-amelia', reason: /The caption gives the name “Clarke”: naming a child outside school needs express/ },
      ],
    ],
    [
      'with express permission, the child’s full name passes though others share the given name and the family name',
      check('website', [tag(amelia, 'may', 'may')], texts('Amelia Clarke wins the cup', 'Amelia Clarke holding the cup', 'amelia-clarke-cup.jpg')),
      [],
    ],
    [
      'express permission for one child does not let another’s full name through',
      check('website', [tag(amelia, 'may', 'may')], texts('Amelia Clarke and Jack Clarke')),
      [{ pupilId: 'p-jack', reason: /The caption gives the name “Jack Clarke” \(Jack Clarke\)/ }],
    ],
    [
      'express permission for one tagged child: a shared family name does not name the other',
      check('website', [tag(amelia, 'may', 'may'), tag(jack, 'may', 'may-not')], texts('Amelia Clarke wins')),
      [
        {
          pupilId: 'p-jack',
          reason:
            /^Naming a child outside school needs express written permission from Jack Clarke’s carers: for the chosen request, their carers have said no/,
        },
      ],
    ],
    [
      'another pupil’s full name in a file name is refused',
      check('website', [tag(amelia, 'may')], texts('', '', 'noah_begum.jpg')),
      [
        { pupilId: 'p-noah', reason: /The file name gives the name “Noah Begum”/ },
        { pupilId: 'p-amelia', reason: /express written permission/ },
      ],
    ],
    [
      'a family name in the file name is a name',
      check('prospectus', [tag(noah, 'may')], texts('', '', 'begum_sports-day.jpg')),
      [{ pupilId: 'p-noah', reason: /file name gives the name “Begum”/ }],
    ],
    ['inside school, names are fine without express permission', check('display', [tag(amelia, 'may')], texts('Star of the Week: Amelia Clarke')), []],
    ['whole words only: “Alexandra” and “same” do not name Alex or Sam', check('website', [tag(alex, 'may')], texts('Alexandra Park', 'the same race')), []],
    [
      'the press needs express permission even without names',
      check('press', [tag(amelia, 'may'), tag(noah, 'may', 'may-not')]),
      [
        {
          pupilId: 'p-amelia',
          reason: /Newspaper or other media needs express written permission from Amelia Clarke’s carers: choose the express permission request/,
        },
        { pupilId: 'p-noah', reason: /for the chosen request, their carers have said no/ },
      ],
    ],
    ['the press with every express permission granted: passes', check('press', [tag(amelia, 'may', 'may')]), []],
  ])('%s', (_name, input, expected) => {
    const refusals = publishRefusals(input);
    expect(refusals.map((r) => r.pupilId)).toEqual(expected.map((e) => e.pupilId));
    refusals.forEach((r, i) => expect(r.reason).toMatch(expected[i].reason));
  });

  it('refuses a channel whose purpose the settings no longer have', () => {
    expect(publishRefusals({ ...check('website', []), purpose: undefined })[0].reason).toMatch(/no longer has/);
  });
});

describe('names and contexts', () => {
  it.each([
    ['Well done Sam!', 'Sam', true],
    ['Samuel ran', 'Sam', false],
    ['sam', 'Sam', true],
    ["O'Neill family", "O'Neill", true],
    ['Zoë won', 'Zoë', true],
    ['Zoëy won', 'Zoë', false],
    ['', 'Sam', false],
  ] as const)('%s mentions %s: %s', (text, name, expected) => expect(mentions(text, name)).toBe(expected));

  it('finds prohibited contexts (MED-3)', () => {
    expect(prohibitedContextsIn(['trip', 'swimming'], defaultSettings.photos.prohibitedContexts)).toEqual(['swimming']);
    expect(prohibitedContextsIn(['trip'], defaultSettings.photos.prohibitedContexts)).toEqual([]);
  });
});

describe('retention (MED-7)', () => {
  const settings = defaultSettings.retention;
  const photo = { yearEndsOn: '2026-08-31', archived: false, evidence: false };
  const on = (date: string) => new Date(`${date}T03:00:00Z`);

  it('archives after the year ends and deletes a year later, with notice before', () => {
    const dates = retentionDates('2026-08-31', settings);
    expect(dates.archiveOn.toISOString().slice(0, 10)).toBe('2026-09-01');
    expect(dates.deleteOn.toISOString().slice(0, 10)).toBe('2027-09-01');
    expect(dates.noticeOn.toISOString().slice(0, 10)).toBe('2027-08-18');
  });

  it.each([
    ['2026-07-20', photo, { archive: false, notice: false, delete: false }],
    ['2026-09-01', photo, { archive: true, notice: false, delete: false }],
    ['2027-08-20', { ...photo, archived: true }, { archive: false, notice: true, delete: false }],
    ['2027-09-01', { ...photo, archived: true }, { archive: false, notice: false, delete: true }],
    ['2027-09-01', { ...photo, archived: false }, { archive: false, notice: false, delete: true }],
    ['2030-09-01', { ...photo, archived: true, evidence: true }, { archive: false, notice: false, delete: false }],
    ['2026-09-02', { ...photo, evidence: true }, { archive: true, notice: false, delete: false }],
  ] as const)('on %s', (date, input, expected) => {
    expect(retentionDue(input, settings, on(date))).toMatchObject(expected);
  });
});

describe('issue 19: naming rules per channel, tagging, and the pupil never photographed', () => {
  const withChannel = (key: string, extra: Partial<PublishCheck['channel']>) => ({ channel: { ...channel(key), ...extra } });
  const reasonsOf = (c: PublishCheck) => publishRefusals(c).map((r) => r.reason);

  it('no names: a first name, even with express permission, is refused; so is another pupil’s full name', () => {
    expect(reasonsOf(check('website', [tag(amelia, 'may', 'may')], { ...texts('Well done Amelia'), ...withChannel('website', { naming: 'none' }) }))).toEqual([
      'The caption gives the name “Amelia” (Amelia Clarke): School website gives no child’s name',
    ]);
    expect(reasonsOf(check('display', [tag(amelia, 'may')], { ...texts('', '', 'noah-begum.jpg'), ...withChannel('display', { naming: 'none' }) }))).toEqual([
      'The file name gives the name “Noah Begum” (Noah Begum): Display in school gives no child’s name',
    ]);
    expect(reasonsOf(check('website', [tag(amelia, 'may')], { ...texts('Races in the sun'), ...withChannel('website', { naming: 'none' }) }))).toEqual([]);
  });

  it('first names only: a first name passes without express permission; a family name is refused, even with permission', () => {
    expect(reasonsOf(check('website', [tag(amelia, 'may')], { ...texts('Well done Amelia'), ...withChannel('website', { naming: 'first-names' }) }))).toEqual(
      [],
    );
    expect(
      reasonsOf(check('website', [tag(amelia, 'may', 'may')], { ...texts('Well done Amelia Clarke'), ...withChannel('website', { naming: 'first-names' }) })),
    ).toEqual(['The caption gives the family name of Amelia Clarke (“Amelia Clarke”): School website gives first names only']);
    expect(
      reasonsOf(check('website', [tag(amelia, 'may')], { ...texts('', 'Amelia and Jack Clarke'), ...withChannel('website', { naming: 'first-names' }) })),
    ).toEqual([
      'The alt text gives the family name of Amelia Clarke (“Clarke”): School website gives first names only',
      'The alt text gives the name “Jack Clarke” (Jack Clarke): School website gives first names only',
    ]);
  });

  it('full names with permission stays as before: a name needs express permission', () => {
    expect(
      reasonsOf(check('website', [tag(amelia, 'may')], { ...texts('Well done Amelia'), ...withChannel('website', { naming: 'full-with-permission' }) })),
    ).toEqual([expect.stringMatching(/needs express written permission from Amelia Clarke’s carers/)]);
  });

  it('no tagging: asking to tag the children is refused; not asking passes', () => {
    expect(reasonsOf(check('social-media', [tag(amelia, 'may')], { tagChildren: true, ...withChannel('social-media', { tagging: false }) }))).toEqual([
      'No child is tagged on School social media: the school’s policy does not allow it. Publish without tagging',
    ]);
    expect(reasonsOf(check('social-media', [tag(amelia, 'may')], { tagChildren: false, ...withChannel('social-media', { tagging: false }) }))).toEqual([]);
    expect(reasonsOf(check('social-media', [tag(amelia, 'may')], { tagChildren: true }))).toEqual([]);
  });

  it('a pupil never photographed blocks publication whatever the consent, and blurring their face does not let it through', () => {
    const never = { ...tag(noah, 'may'), doNotPhotograph: true };
    const faces = { checked: true, unaccounted: 0, pupilsOnFaces: ['p-noah'] };
    expect(publishRefusals(check('display', [never], { faces, blur: 'all' }))).toEqual([
      { pupilId: 'p-noah', reason: 'Noah Begum may not appear in any photograph that is published: Do not photograph' },
    ]);
  });
});
