/**
 * The twenty-first session's incident tables: the labels schools give a row, the columns they give the time, whom the
 * one told tells in turn, and a summary sent on a timetable. Each case paraphrases a row the keyed sets had and the
 * reader missed, with the row it must still not read.
 */
import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

const table = (header: string, ...rows: string[]) => [header, '|---|---|---|', ...rows].join('\n');

describe('a row’s label names the kind of concern in a few words', () => {
  it.each([
    ['| Bullying over text or group chats | Head of Year | Same day |', 'cyber-bullying'],
    ['| Unkind messages between children | Class teacher | Same day |', 'cyber-bullying'],
    ['| A carer posts pictures from a school concert | Headteacher | Same day |', 'community-post'],
    ['| Threatening messages by a member of the public | Headteacher | Same day |', 'disparaging-content'],
    ['| Abuse of teachers by parents online | Headteacher | Same day |', 'disparaging-content'],
    ['| An account that pretends to be the school | Headteacher | Same day |', 'disparaging-content'],
    ['| A pupil has seen something frightening on a tablet | DSL | Same day |', 'inappropriate-content'],
    ['| A filtering failure in a classroom | DSL | Same day |', 'inappropriate-content'],
    ['| A carer complains about a video lesson | Class teacher | Same day |', 'raised-by-carer'],
  ])('%s', (row, kind) => {
    expect(proposals(table('| Concern | Who to tell | When |', row))).toHaveProperty([`concerns.routes.${kind}.deadline`], 'same-day');
  });

  it('a kind said not to be there is not read: "bullying with no wider safeguarding concern" is bullying alone', () => {
    const read = proposals(table('| Concern | Who to tell | When |', '| Online bullying with no wider safeguarding concern | Head of Year | Same day |'));
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.deadline']);
  });

  it('a photograph found online is a parent’s post only when a parent is named', () => {
    expect(
      proposals(table('| Concern | Who to tell | When |', '| You find a photo of a pupil on social media, e.g. a parent’s page | DSL | Same day |')),
    ).toHaveProperty(['concerns.routes.community-post.notify'], ['dsl']);
    expect(proposals('If a photograph of a pupil is posted online without consent, tell the Headteacher at once.')).not.toHaveProperty([
      'concerns.routes.community-post.notify',
    ]);
  });
});

describe('the time column, however it is headed, and a time said as "as soon as seen"', () => {
  it.each(['How fast', 'How soon', 'Time to act'])('a column headed "%s"', (heading) => {
    expect(proposals(table(`| Concern | Tell | ${heading} |`, '| Concern about a staff member’s posts | Headteacher | Immediately |'))).toHaveProperty(
      ['concerns.routes.staff-misuse.immediate'],
      true,
    );
  });

  it.each(['As soon as seen', 'As soon as you become aware', 'As soon as it is noticed'])('"%s" is at once', (cell) => {
    expect(proposals(table('| Concern | Tell | When |', `| A post online about the school or staff | Headteacher | ${cell} |`))).toHaveProperty(
      ['concerns.routes.disparaging-content.immediate'],
      true,
    );
  });

  it('"as soon as you can" is not', () => {
    expect(proposals('Please tell the DSL about any safeguarding concern as soon as you can.')).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });
});

describe('who is told first in a row', () => {
  it.each([
    ['Class teacher, who tells the DSL if there is a safeguarding concern'],
    ['Class teacher, who records it and lets the DSL know'],
    ['Class teacher (she tells the DSL)'],
  ])('%s', (cell) => {
    expect(proposals(table('| Concern | Who to tell | When |', `| Cyberbullying between pupils | ${cell} | Same day |`))).toHaveProperty(
      ['concerns.routes.cyber-bullying.notify'],
      ['class-teacher'],
    );
  });
});

describe('a summary sent on a timetable is not a route', () => {
  it.each([
    'The Network Manager reports filtering failures to the DSL each week.',
    'A summary of online safety incidents is reported to the Headteacher termly.',
  ])('%s', (sentence) => {
    expect(Object.keys(proposals(sentence)).filter((k) => k.endsWith('.notify'))).toEqual([]);
  });

  it('the same report without a timetable is one', () => {
    expect(proposals('Any filtering failure must be reported to the DSL.')).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
  });
});

describe('an objection to something else on a consent form’s page leaves the form’s questions asked', () => {
  const form = (line: string) =>
    [
      'Photograph permission slip',
      '',
      line,
      '',
      'Please tick one box on each line.',
      '',
      'A. Photos on the school website            [ ]   [ ]',
      'B. Photos in the printed newsletter        [ ]   [ ]',
    ].join('\n');

  it.each([
    'If you do not want your child to be photographed, just tell a member of staff on the day.',
    'A few families object to any image of their children being taken, and we respect that.',
    'If you do not want your child to have a portrait taken for purchase, tell the office.',
    'Our carol service is filmed; if you do not want your child included in that recording, please tell the class teacher.',
    'Group photos show other children as well. If you do not want this, tick "individual only".',
    'Your child will not be photographed for the website unless you tell us in writing that you want them to be.',
  ])('%s', (line) => expect(uses(form(line))).toEqual(['publications', 'website']));

  it('an objection that runs the uses is still an opt-out', () => {
    expect(uses(form('Photographs are used on the website and in the newsletter unless you tell us you object.'))).toEqual([]);
  });

  it('a form that offers yes to some uses and no to others asks about each', () => {
    const page = [
      'Joining us',
      '',
      'The enrolment form has a section about photographs. Parents choose yes or no for every one of these uses, separately:',
      '',
      '- Our prospectus',
      '- The school website',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'website']);
  });
});

describe('a consent form’s rows, marked however the form marks them', () => {
  it('boxes marked in two languages, under the row they answer', () => {
    const page = [
      'Photograph permission form',
      '',
      'Please tick one box on each line. A line left blank counts as no.',
      '',
      'A1  Pictures of my child may be used on displays in the classroom.',
      '    Les photos de mon enfant peuvent être affichées en classe.',
      '   [ ] Yes / Oui      [ ] No / Non',
      '',
      'A2  Pictures of my child may be used in the newsletter.',
      '    Les photos de mon enfant peuvent paraître dans la lettre.',
      '   [ ] Yes / Oui      [ ] No / Non',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'publications']);
  });

  it('"☐ I agree ☐ I do not agree" under each row', () => {
    const page = [
      'Permissions',
      '',
      '1. Photographs of my child may be shown on the school website.',
      '',
      '☐ I agree ☐ I do not agree',
      '',
      '2. Photographs of my child may appear on the school’s Instagram account.',
      '',
      '☐ I agree ☐ I do not agree',
    ].join('\n');
    expect(uses(page)).toEqual(['social-media', 'website']);
  });

  it('how a row’s pupils are named is no refusal of the row’s use', () => {
    const page = [
      'Photo consent form',
      '',
      '| 1 | Photos of my child on the school website – the school does not use names with these photos | ☐ | ☐ |',
      '| 2 | Photos of my child in the printed prospectus | ☐ | ☐ |',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'website']);
  });

  it('"Things we only do with consent:" and its list', () => {
    const page = [
      'How we use photographs',
      '',
      'Things we only do with consent (UK GDPR Article 6):',
      '',
      '- putting photos on our website;',
      '- photos in the printed prospectus.',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'website']);
  });
});

describe('a form’s questions said of "it", or in a list inside a list', () => {
  it('"It asks whether we may use photos of your child:"', () => {
    const page = [
      'Pictures',
      '',
      'Each September we send home a permission form. It asks whether we may use photos of your child:',
      '',
      '- on the school website',
      '- in the printed prospectus',
    ].join('\n');
    expect(uses(page)).toEqual(['publications', 'website']);
  });

  it('"It has two separate parts:" after the form about images', () => {
    const page = [
      'Consent',
      '',
      'New families complete our image consent form. It has two separate parts, answered separately:',
      '',
      '(a) the school website;',
      '(b) the local newspaper.',
    ].join('\n');
    expect(uses(page)).toEqual(['press', 'website']);
  });

  it('a list item that leads a list of its own', () => {
    const page = [
      'Parents and carers',
      '',
      '- On joining, families fill in a form with a section on photographs and video.',
      '- The form asks separately about each of these:',
      '    - the school website',
      '    - the school Instagram account',
    ].join('\n');
    expect(uses(page)).toEqual(['social-media', 'website']);
  });

  it('a form that asks nothing about images names no use', () => {
    const page = [
      'Trips',
      '',
      'Each September we send home a trips form. It asks whether your child may go on:',
      '',
      '- local walks',
      '- visits to the website of the museum',
    ].join('\n');
    expect(uses(page)).toEqual([]);
  });
});

describe('consent "sought separately" for a list of uses', () => {
  it('after a paragraph about images', () => {
    const page = [
      '7. Images of pupils',
      '',
      '7.1 A parent’s consent is obtained before an identifiable image of a pupil is used outside school.',
      '',
      '7.2 Consent shall be sought separately for each of the following uses:',
      '     (a)  displays inside the building;',
      '     (b)  the Trust’s public website;',
      '     (c)  printed newsletters.',
    ].join('\n');
    expect(uses(page)).toEqual(['displays', 'publications', 'website']);
  });
});

describe('naming said as a list of channels with their labels', () => {
  const page = (...items: string[]) => ['Names with photographs', '', ...items.map((i) => `- ${i}`)].join('\n');

  it('"Press:" labels the press', () => {
    expect(proposals(page('Press: full names only with the parents’ written consent.'))).toHaveProperty(
      ['photos.channels.press.naming'],
      'full-with-permission',
    );
  });

  it.each(['Newsletter: first name and class.', 'Newsletter: first name and year group', 'Newsletter: first names only.'])('%s', (item) => {
    expect(proposals(page(item))).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('a first name and an initial is more than a first name', () => {
    expect(proposals(page('Newsletter: first name and initial.'))).not.toHaveProperty(['photos.channels.newsletter.naming']);
  });

  it('how the press names a child asks no consent for the page’s other uses (each channel named is one the school uses)', () => {
    const read = proposals(page('Website: first name only.', 'Press: full name only with written consent.'));
    expect(Object.entries(read).filter(([k]) => k.startsWith('consent.'))).toEqual([
      ['consent.purposes.website.active', true],
      ['consent.purposes.press.active', true],
    ]);
  });
});

describe('one sentence, a naming rule for each channel it joins', () => {
  it.each([
    // (Round 21 read this as no rule at all; keyers give each channel its own, and "full names never" is first names.)
    [
      'Website\n\nChildren’s full names will not be used on the website, and no names will be used on social media.',
      { 'photos.channels.website.naming': 'first-names', 'photos.channels.social-media.naming': 'none' },
    ],
    [
      'First names only in the newsletter, and no names at all on Instagram.',
      { 'photos.channels.newsletter.naming': 'first-names', 'photos.channels.social-media.naming': 'none' },
    ],
    [
      'We use first names on the school website, but we never put a pupil’s name beside a photograph on Facebook.',
      { 'photos.channels.website.naming': 'first-names', 'photos.channels.social-media.naming': 'none' },
    ],
  ])('%s', (sentence, expected) => {
    const read = proposals(sentence);
    for (const [setting, value] of Object.entries(expected)) expect(read).toHaveProperty([setting], value);
  });
});

describe('the review’s cases: what the readings above must still leave alone', () => {
  const form = (line: string) =>
    ['Photograph permission slip', '', line, '', 'A. Photos on the school website   [ ]   [ ]', 'B. Photos in the printed newsletter   [ ]   [ ]'].join('\n');

  it.each([
    'We use photographs on the website and in the newsletter unless you tell us that you wish to opt out.',
    'Parents who object to any photographs being used on the website should tell the office.',
  ])('still an opt-out: %s', (line) => expect(uses(form(line))).toEqual([]));

  it('"It asks whether you object" is an opt-out, not a form’s questions', () => {
    const page = [
      'Pictures',
      '',
      'We send home a photo form each year. It asks whether you object to photos of your child:',
      '',
      '- on the website',
      '- in the newsletter',
    ];
    expect(uses(page.join('\n'))).toEqual([]);
  });

  it('an indented list whose items end in full stops is read to its end', () => {
    const page = [
      'Parents and carers',
      '',
      '- On joining, families fill in a form with a section on photographs and video.',
      '- The form asks separately about each of these:',
      '    - the school website.',
      '    - the school Instagram account.',
    ];
    expect(uses(page.join('\n'))).toEqual(['social-media', 'website']);
  });

  it('a reminder given every term is still a route', () => {
    expect(proposals('Every term, staff are reminded that any cyberbullying must be reported to the DSL immediately.')).toHaveProperty(
      ['concerns.routes.cyber-bullying.notify'],
      ['dsl'],
    );
  });

  it('telling the parents about a photograph online is no parent’s post', () => {
    expect(proposals('If a photo of a pupil is posted online, tell the parents at once.')).not.toHaveProperty(['concerns.routes.community-post.notify']);
  });
});
