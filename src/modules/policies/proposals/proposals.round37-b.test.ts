/**
 * The twenty-third session's readings, each written as a paraphrase of what the keyed sets say, with a case that keeps
 * the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

describe('who decides a request to unblock a site, named before "who decides"', () => {
  it.each([
    ['Staff who need a site unblocked ask the Online Safety Lead, who decides, and records the decision in the log.', ['ict-lead']],
    ['Staff who need a site unblocked for teaching should ask the Deputy Head, who will decide and arrange the change.', ['deputy-headteacher']],
  ])('%s', (sentence, roles) => {
    expect(proposals(`Filtering\n\n${sentence}`)).toHaveProperty(['decisions.unblock'], roles);
  });

  it('not a template’s choice left open', () => {
    const text =
      'Requests to unblock a website must be made to the [Online Safety Lead / Headteacher] (delete as appropriate), who will decide whether the change is appropriate.';
    expect(proposals(`Filtering\n\n${text}`)).not.toHaveProperty(['decisions.unblock']);
  });

  it('nor, for photographs, whoever they are sent to', () => {
    const text = 'Photographs for the website are sent to the Computing Lead, who decides when to upload them.';
    expect(proposals(text)).not.toHaveProperty(['decisions.photoPublication']);
  });
});

describe('telling the LADO is the staff route', () => {
  it.each([
    'The Headteacher will contact the LADO within one working day.',
    'The Principal will speak to the Local Authority Designated Officer (LADO) within one working day of being told.',
    '- Head informs LADO within 1 working day',
  ])('%s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it('not when only a concern about the head goes that way', () => {
    expect(
      proposals('Where the concern relates to the Headteacher, it must be reported to the Chair of Governors, who will contact the LADO.'),
    ).not.toHaveProperty(['concerns.routes.staff-misuse.tell']);
  });

  it('nor where it is relevant, or where the harm threshold is met', () => {
    expect(proposals('Where relevant the school will refer the matter to the LADO.')).not.toHaveProperty(['concerns.routes.staff-misuse.tell']);
    expect(proposals('Where a concern meets the harm threshold, the Principal will contact the LADO.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.tell',
    ]);
  });
});

describe('who rings the LADO', () => {
  it.each(['The Head speaks to the LADO within one working day.', 'Helen or the Chair will ring the LADO within one working day.'])('%s', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it('is the staff route’s, whatever kind the sentence reads as', () => {
    const read = proposals('Where a member of staff has accepted friend requests from pupils, the Head contacts the LADO within one working day.');
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.tell']);
  });

  // (Read otherwise until the fortieth session: the keyed sets since hold "we will talk to the parents involved" as the
  // carers told in five pages and not in one.)
  it('and a talk with the families involved is telling them', () => {
    expect(
      proposals('Cyberbullying between pupils is dealt with under the Behaviour Policy, and the class teacher will talk to the families involved.'),
    ).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('but a call home is no duty to tell them', () => {
    expect(
      proposals('Cyberbullying between pupils is dealt with under the Behaviour Policy, and the class teacher will phone the families involved.'),
    ).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});

describe('uses listed under a lead that needs no consent', () => {
  it.each([
    'Some images are needed to run the academy and are not covered by consent:',
    'We do not ask for consent for:',
    'The following uses do not need consent:',
  ])('"%s" makes displays the school’s public task', (lead) => {
    const page = `Photographs\n\n${lead}\n\n- classroom and corridor displays inside the school building;\n- the photograph on the pupil's record.`;
    expect(proposals(page)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('but not displays split by place', () => {
    const page = 'Photographs\n\nWe do not ask for consent for:\n\n- classroom displays in areas not open to visitors;\n- ID photographs.';
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});

describe('consent that lasts the child’s time', () => {
  it.each([
    'What you say lasts for the whole time your child is at nursery. You can change your mind at any time.',
    'Your reply slip applies for as long as your child is at Larkhill Lane, but you can change your mind at any time.',
    'Consent lasts for the duration of the course. A student may withdraw consent at any time.',
    "Answers stand for the pupil's whole time at the Academy unless the family tells the office.",
    'The consent given on the form will be used for the whole time your child is at Harrowfield Green.',
    'Consent given on the Acceptance Form lasts until your daughter leaves the school, unless you change it.',
  ])('%s', (sentence) => {
    expect(proposals(`Photograph consent\n\n${sentence}`)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('someone else’s recommendation is not the school’s lapse', () => {
    const page = [
      'Photograph consent',
      '',
      'Consent given on the form will remain valid for the whole time the child is at Millbrook unless the parent withdraws it.',
      '',
      'The county model recommends that schools renew consent every year. Governors agreed that a reminder in the first newsletter of each year is enough.',
    ].join('\n');
    expect(proposals(page)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('a Markdown table’s row is no heading for the rows under it', () => {
    const page = [
      'Publication and naming',
      '',
      '| Channel | Names with images |',
      '|---|---|',
      '| Social media | No names, initials or tags of any kind. |',
      '| Prospectus and advertising | No names. |',
      '| The Chronicle and Friday Notes | First name and year group may be used in captions. |',
    ].join('\n');
    expect(proposals(page)).toHaveProperty(['photos.channels.prospectus.naming'], 'none');
  });
});

describe('a form’s questions listed in the sentence that leads them', () => {
  it('"Consent is separate for: (a) …, (b) …" names each use', () => {
    const read = proposals(
      "Photographs\n\nParents complete the consent form. Consent is separate for: (a) internal displays, (b) the Academy website, (c) the Academy's social media, and (d) local press.",
    );
    expect(read).toHaveProperty(['consent.purposes.displays.active'], true);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('but not a list of what the school does without asking', () => {
    expect(proposals('Photographs\n\nWe use photographs without asking for: internal displays and the pupil record.')).not.toHaveProperty([
      'consent.purposes.displays.active',
    ]);
  });
});

describe('consent categories set out as labelled lines', () => {
  const page = [
    "PHOTOGRAPHS, VIDEO AND PUPILS' NAMES",
    '',
    '6.1 Consent. Parents/carers (or the pupil themselves where they are judged able to decide, normally from age',
    "13) are asked to give consent using the Trust's four photo consent categories:",
    '',
    '  Category B - academy website, printed newsletter and prospectus',
    '  Category C - academy and Trust official social media accounts',
    "  Category D - external media (newspapers, TV, the Trust's partner organisations' publications)",
  ].join('\n');

  it('each category is a use the form asks about', () => {
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('and "13)" at the start of a wrapped line closes the bracket above it, not a list', () => {
    expect(sentencesOf(page).find((s) => /are asked to give consent/.test(s.text))?.text).toMatch(/^Parents\/carers \(or the pupil/);
  });
});

describe('a table after a paragraph that says the form asks about each use', () => {
  it('reads the table’s rows as the form’s questions', () => {
    const page = [
      'Images we only use with your consent',
      '',
      'We ask for it on the admission form when your child joins us. The form lists each use separately. You can agree to some and not others.',
      '',
      '| Box | Use | Names used? |',
      '|-----|-----|-------------|',
      '| 1 | School website | First name only |',
      '| 2 | Local and regional press | Full name, only if you agree |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('not after a paragraph about something else', () => {
    const page = ['Our channels', '', 'We publish news in several places.', '', '| Where | Names |', '| School website | First names |'].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.website.active']);
  });
});
