import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { proposeSettings } from './engine.ts';
import { sentencesOf } from './text.ts';

const run = promisify(execFile);

/** The consent purposes a page proposes as asked for, sorted. */
function consentUses(page: string): string[] {
  return proposeSettings(page)
    .proposals.filter((p) => /^consent\.purposes\.[a-z-]+\.active$/.test(p.setting) && p.value === true)
    .map((p) => p.setting.split('.')[2])
    .sort();
}

describe('the page as sections', () => {
  it('numbers sections at headings, a lower-case title and a numbered heading between prose', () => {
    const page = [
      'pictures of pupils',
      '',
      'Some words to open the page.',
      '',
      '2. Where Pictures Go',
      '',
      'They go to the newsletter.',
      '',
      '1. first item, not a heading',
      '2. second item',
    ].join('\n');
    const s = sentencesOf(page);
    expect(s.map((x) => [x.section, Boolean(x.isHeading), Boolean(x.item)])).toEqual([
      [1, true, false],
      [1, false, false],
      [2, true, false],
      [2, false, false],
      [2, false, true],
      [2, false, true],
    ]);
  });
});

describe('consent asked once, its uses named elsewhere on the page (structural reader)', () => {
  it('a request in a section headed by photographs governs the lists of that section', () => {
    const page = [
      'Sharing Pupils’ Photographs',
      '',
      '- in the printed prospectus',
      '- on the school website and our Instagram account',
      '',
      'Families love to see what their children have made. Because of this we have to ask for your consent first.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['publications', 'social-media', 'website']);
  });

  it('"as set out above" governs what comes before it in its section, a visiting photographer included', () => {
    const page = [
      'Photographs at the Nursery',
      '',
      'Ways we might use pictures of your child:',
      '- on the walls of the playroom as display boards',
      '- in a local newspaper when a photographer comes to an open day',
      '',
      'I agree to the nursery using pictures of my child as set out above.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['displays', 'press']);
  });

  it('"listed below" in the sentence after the request points to the next list only', () => {
    const page = [
      'Information for families',
      '',
      'When your child joins, you are asked to give permission for the use of their image. The options are listed below.',
      '',
      '- Pictures in the termly newsletter.',
      '- Pictures on our website.',
      '',
      'Our Facebook page is run by the office.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['publications', 'website']);
  });

  it('"for promotional purposes" governs only the sentences about promotion', () => {
    const page = [
      'About Pupil Images',
      '',
      'Teachers take pictures for classroom displays and class photographs. Pictures may also promote the school on flyers and on our website.',
      '',
      'Conditions',
      '',
      'The consent you give for images used for promotional purposes lasts while your child is at the school.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['website']);
  });

  it('a title that is consent for images governs the section headed by the school’s publication of images', () => {
    const page = [
      'Pupil Photograph Consent',
      '',
      'Parents fill in the form when their child enrols.',
      '',
      'How We Publish Pupil Photographs',
      '',
      'Publications can include the newsletter and the school website.',
      '',
      'Other Things',
      '',
      'The office also runs a Twitter account for news.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['publications', 'website']);
  });

  it('a request about images in a page without headings reads the page, but not the press’s own photographs', () => {
    const page = [
      'Pictures of pupils appear in the school newsletter and on our website.',
      'We ask that parents give consent to the school using photographs of their children.',
      'Sometimes the local press visit to take pictures for their newspapers.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['publications', 'website']);
  });

  describe('proposes nothing', () => {
    it.each([
      [
        'an opt-out page',
        [
          'Photographs in School',
          '',
          'We need your permission for photographs.',
          '- on our website',
          '- in the newsletter',
          '',
          'If you do not want your child to appear, please tell the office.',
        ],
      ],
      [
        'displays shown unless a parent objects',
        ['Photographs in School', '', 'We need your consent for photographs.', 'Pictures go on display boards unless a parent objects to this.'],
      ],
      [
        'a request pointing both up and down',
        ['Photographs in School', '', '- on our website', '', 'I agree to the uses above and the following.', '- in the newsletter'],
      ],
      [
        'consent for any other purpose',
        ['Photographs in School', '', 'Pictures appear on our website.', 'For any other purpose we will ask your permission separately.'],
      ],
      [
        'a request about something other than images, under a heading that is not about them',
        ['School Trips', '', 'We need your consent for every trip.', 'Details appear on our website.'],
      ],
      [
        'uses in another section whose heading is not the school’s use of images',
        ['Photographs', '', 'We ask parents for their consent.', '', 'Who Else Uses Images?', '', 'Families share pictures of the nativity on Facebook.'],
      ],
      [
        'a use the page says needs no consent',
        ['Photographs', '', 'We ask parents for their consent.', 'Photographs on display boards in classrooms do not need consent as part of our public task.'],
      ],
      [
        'an agreement to rules, in a pupils’ agreement',
        ['Computing Rules', '', '- I will only use the school website when a teacher allows it.', '', 'I agree to follow the rules above.'],
      ],
      [
        'a member of staff’s permission',
        ['Photographs', '', 'Pictures go on the website.', 'Publishing any image requires the permission of the Head Teacher.'],
      ],
      [
        'two sections on the school’s use of images, one on each side of the request',
        [
          'Contents',
          '',
          'How We Use Photographs',
          '',
          'Pictures appear on the website.',
          '',
          'Consent',
          '',
          'We ask parents for their consent to photographs.',
          '',
          'Publishing Images',
          '',
          'Pictures appear in the newsletter.',
        ],
      ],
      [
        'a condition of one use that mentions the consent form',
        ['Photographs', '', 'A class album shows your child only if you said yes on the consent form.', 'Pictures appear on the website.'],
      ],
      [
        'what the policy covers',
        ['Photographs', '', 'We need your consent to use photographs.', 'This policy applies to photographs on the website and in the press.'],
      ],
      ['a use under a negation', ['Photographs', '', 'We need your consent to use photographs.', 'The school does not have a Facebook account.']],
    ])('%s', (_name, lines) => {
      expect(consentUses(lines.join('\n'))).toEqual([]);
    });
  });
});

/** The naming rules a page proposes, by channel. */
function namingRules(page: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of proposeSettings(page).proposals) if (/^photos\.channels\.[a-z-]+\.naming$/.test(p.setting)) out[p.setting.split('.')[2]] = p.value;
  return out;
}

describe('naming rules per channel: the channel from the rule’s heading, list lead or earlier sentence', () => {
  it.each([
    ['a numbered heading', ['4. Our Instagram Account', '', 'Children are identified by their first names only.'], { 'social-media': 'first-names' }],
    [
      'the lead of its list',
      ['Pictures on the school’s Facebook page:', '- children are referred to by first names only', '- nobody is tagged'],
      { 'social-media': 'first-names' },
    ],
    [
      'an earlier sentence about publishing there',
      ['We post photographs of class trips on the website. No names will be published with them.'],
      { website: 'none' },
    ],
    // Round 22: the list's lead is nearest, over a heading naming another channel.
    [
      'a lead naming one channel under a heading naming another',
      ['School Website', '', 'In the termly newsletter:', '- pupils are referred to by first names only'],
      { newsletter: 'first-names' },
    ],
    // Round 22: two channels in scope set the rule for both (keyers read "Pictures appear on our website and on Facebook.
    // Only first names are used." so, each alone).
    [
      'an earlier sentence naming two channels',
      ['Pictures appear on our website and on Facebook. Only first names are used.'],
      { website: 'first-names', 'social-media': 'first-names' },
    ],
    // Round 22: a lead naming two channels sets the rule for both ("When publishing images on the website or social media:").
    ['two channels in the lead', ['On the website and in the newsletter:', '- first names only'], { website: 'first-names', newsletter: 'first-names' }],
    [
      'an item whose lead names the channel, under a heading that names the same',
      ['Twitter', '', 'When we tweet pictures:', '- we will never use names'],
      { 'social-media': 'none' },
    ],
  ])('%s', (_name, lines, expected) => {
    expect(namingRules(lines.join('\n'))).toEqual(expected);
  });

  describe('proposes nothing', () => {
    it.each([
      ['an earlier sentence that is not about publishing on the channel', ['The newsletter goes home every Friday. No names are given over the telephone.']],
      ['a rule with no channel anywhere in scope', ['Keeping Children Safe', '', 'Children are known by first names only.']],
    ])('%s', (_name, lines) => {
      expect(namingRules(lines.join('\n'))).toEqual({});
    });
  });
});

it('reads 20 pages of consent requests and lists in under a second', async () => {
  // In a process of its own (test/helpers/policy-read-speed.ts): in a test worker the process's clock counts every file
  // running beside it (1.2 s in a CI run on two cores, best of three, for a read that takes 0.4 s alone).
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/helpers/policy-read-speed.ts', 'consent-lists']);
  const [ms, settings] = stdout.trim().split('\n');
  expect(Number(ms)).toBeGreaterThan(0);
  expect(Number(ms)).toBeLessThan(1000);
  expect(JSON.parse(settings)).toEqual(['consent.purposes.publications.active', 'consent.purposes.social-media.active', 'consent.purposes.website.active']);
});
