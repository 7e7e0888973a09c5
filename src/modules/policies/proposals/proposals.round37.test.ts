/**
 * The twenty-third session's readings, each written as a paraphrase of what the keyed sets say, with a case that keeps
 * the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

describe('grooming, when it is what the sentence is about, is an adult contacting a pupil', () => {
  it('"being groomed online" routes the contact', () => {
    const read = proposals('If you think a pupil is being groomed online, tell the Designated Safeguarding Lead the same day.');
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.deadline'], 'same-day');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('but grooming given as an example of harm is the safeguarding route alone', () => {
    const read = proposals(
      'Any concern that a pupil may be at risk of harm online, for example grooming, sextortion or radicalisation, must go to the DSL at once.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('a disclosure of online abuse is a safeguarding concern', () => {
    expect(proposals('A disclosure of online abuse must be passed to the Designated Safeguarding Lead immediately.')).toHaveProperty(
      ['concerns.routes.safeguarding.immediate'],
      true,
    );
  });
});

describe('a consent form’s list of uses', () => {
  it('is read when the section, not the lead, says the form is about photographs', () => {
    const page = [
      'Permission from families',
      '',
      'We will not share a photograph of any child without the permission of a parent or carer.',
      '',
      'Permission is collected each autumn on the data check form. The form asks separately about:',
      '',
      '- the school website',
      '- our Instagram account',
      '- the local paper',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('but not when nothing in the section is about images', () => {
    const page = [
      'Contact details',
      '',
      'We keep the details you give us up to date. Permission is collected each autumn on the data check form. The form asks separately about:',
      '',
      '- the school website login',
      '- our Instagram account',
    ].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.website.active']);
  });

  it('"may give or refuse consent separately for each of the following" asks about each use', () => {
    const page = [
      'Use of images',
      '',
      'Parents may give or refuse consent separately for each of the following:',
      '(a) the School website;',
      '(b) local, national and specialist press;',
      '(c) class and individual photographs taken by the school photographer.',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
    expect(read).toHaveProperty(['consent.purposes.class-photo.active'], true);
  });
});

describe('a school that does not use social media', () => {
  it('is not one that does not use it as the only way of telling families', () => {
    expect(proposals("We don't use social media as the only way of telling families anything urgent.")).not.toHaveProperty([
      'consent.purposes.social-media.active',
    ]);
  });

  it('nor one whose tablets have no social media apps', () => {
    expect(proposals('Nursery tablets do not have social media apps, personal email or messaging apps on them.')).not.toHaveProperty([
      'consent.purposes.social-media.active',
    ]);
  });

  it('still is one that says so', () => {
    expect(proposals('The school does not have any social media accounts.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });
});

describe('a table of uses under a consent form’s lead', () => {
  it('each row is a use the form asks about', () => {
    const page = [
      'Photographs: your choices',
      '',
      'When your child joins us you fill in the image consent form. You can choose YES or NO for each of the following:',
      '',
      '| Use | What this means |',
      '|-----|-----------------|',
      '| In school | Classroom displays and learning journals |',
      '| Our website | News pages and the gallery |',
      '| Newspapers | The local paper, when it visits |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.displays.active'], true);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('"There are four options, each ticked separately:" over lettered rows', () => {
    const page = [
      'Consent',
      '',
      'Parents complete the image consent section of the acceptance form. There are four options, each ticked separately:',
      '| Option | Covers |',
      '| A – Internal | displays and the year book |',
      '| B – Online | the website |',
      '| C – Social media | all official social accounts |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('not a table whose own column says which uses need no consent', () => {
    const page = [
      'Photographs',
      '',
      'The photograph consent form asks separately about:',
      '| Use | Consent needed? |',
      '| School website | Yes |',
      '| Classroom displays | No |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('not a table far below the lead', () => {
    const page = [
      'Photographs',
      '',
      'The photograph consent form asks separately about:',
      '',
      'We keep the forms in the office.',
      '',
      'Staff must record every request.',
      '',
      '| Where | Names |',
      '| School website | First names |',
    ].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.website.active']);
  });
});

describe('naming beside photographs', () => {
  it('names kept out of file names and alt text are no naming rule', () => {
    expect(proposals("We do not use pupils' names in image file names or in the alt text of images on the website.")).not.toHaveProperty([
      'photos.channels.website.naming',
    ]);
  });

  it('a table row giving a first name, and a full name with the family’s say, sets neither', () => {
    const table = [
      '| Channel | Names | Notes |',
      '| College website news | First name + course | Full name only with the signed Appendix 1 form |',
      '| Prospectus | No names | Reprinted each year |',
    ].join('\n');
    const read = proposals(table);
    expect(read).not.toHaveProperty(['photos.channels.website.naming']);
    expect(read).toHaveProperty(['photos.channels.prospectus.naming'], 'none');
  });

  it('but "never a full name with a photo" is still first names', () => {
    const table = [
      '| Where | What we do |',
      '| School website | First names only - never a full name with a photo |',
      '| School Facebook page | No names at all, no tagging |',
    ].join('\n');
    expect(proposals(table)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});

describe('the approving body, as the text names it', () => {
  it.each([
    ['Approved by: Local Academy Council', 'Local Academy Council'],
    ['Approved by: Local Academy Board (LAB), Safeguarding & Standards Committee', 'Local Academy Board'],
    ['This policy was adopted by Ashcombe Village Pre-School Committee.', 'Ashcombe Village Pre-School Committee'],
    ['Approved by: Pupil Welfare, Ethos and Community Committee', 'Pupil Welfare, Ethos and Community Committee'],
    ['Approved by the Teaching, Learning and Standards Committee.', 'Teaching, Learning and Standards Committee'],
    ['Approved by: Academy Council', 'Academy Council'],
  ])('%s', (line, body) => {
    expect(proposals(`Online Safety Policy\n\n${line}`)).toHaveProperty(['policyReview.approvingBody'], body);
  });
});

describe('concerns about staff, and showing a post to someone', () => {
  it('"concerns about another member of staff" are concerns about staff', () => {
    expect(proposals('Concerns about another member of staff must be reported to the Headteacher.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
  });

  it('"concerns about staff conduct online" too, but not low-level concerns, which have a process of their own', () => {
    expect(proposals('Concerns about staff conduct online are reported to the Principal the same day.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
    expect(proposals('Low-level concerns about staff conduct online are passed to the Deputy Head.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.notify',
    ]);
  });

  it('"show it to the Headteacher" tells the Headteacher', () => {
    expect(
      proposals('If staff see a post about the school that is abusive or untrue, they should not reply but should show it to the Headteacher.'),
    ).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });
});

describe('the head approves what a channel carries', () => {
  it.each([
    ['The Principal signs off anything going to the press or TV.', 'press'],
    ['The Headteacher must agree anything going to the press.', 'press'],
    ['Nothing is posted on the Facebook page without the Headteacher agreeing to it.', 'social-media'],
    ['Mrs Begum, our Headteacher, says yes or no to every photo before it goes on the website.', 'website'],
  ])('%s', (sentence, channel) => {
    expect(proposals(sentence)).toHaveProperty([`photos.channels.${channel}.headteacherApproval`], true);
  });

  it('but not anything going to the press that a parent sends', () => {
    expect(proposals('Parents must agree anything going to the press with the school office first.')).not.toHaveProperty([
      'photos.channels.press.headteacherApproval',
    ]);
  });
});

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

  it('but a talk with the families is no duty to tell them', () => {
    expect(
      proposals('Cyberbullying between pupils is dealt with under the Behaviour Policy, and the class teacher will talk to the families involved.'),
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
