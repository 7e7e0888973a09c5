import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { proposeSettings } from './engine.ts';

/**
 * Round 30 (session 16): who hears about which concern, as the blind sets of this session say it. The scenario stands in
 * a heading, a flowchart's question, a table's row or the line an arrow leaves; the text may be a PDF's wrapped lines.
 */

describe('round 30: an instruction under a heading that names the concern', () => {
  it.each([
    '9.3 Concerns about a member of staff, volunteer or visitor\n\n9.3.1 Report to the Headteacher immediately. Do not discuss the concern with the person concerned.',
    '## Worries about an adult who works at the school\n\nTell the Head Teacher straight away.',
    '**Concerns about a colleague’s conduct online**\n\nReport it to the Principal immediately, in person.',
  ])('%s', (text) => {
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('the heading’s kind reaches the outside body told later in the paragraph', () => {
    const text = '7.2 Concerns about a member of staff\n\nTell the Headteacher without delay. The Headteacher will contact the LADO within one working day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.tell': ['lado'] });
  });

  it.each([
    // The heading names no kind: the instruction is no route.
    '9.3 What every member of staff should know about reporting\n\nReport to the Headteacher immediately.',
    // The paragraph names a kind of its own: the heading's does not override it.
    '9.3 Concerns about a member of staff\n\nIf a pupil has seen unsuitable content, tell the Online Safety Lead straight away.',
  ])('no staff route from: %s', (text) => expect(proposals(text)['concerns.routes.staff-misuse.notify']).toBeUndefined());

  it('a wrapped line of a PDF’s clause is no heading', () => {
    // "1.1 Concerns about a member of" would be a heading if a wrapped line counted as one: its kind would reach the next clause.
    const text = '1.1 Allegations against a member of staff must be reported to the Head\nTeacher.\n\n1.2 Report anything else to the office.';
    expect(proposals(text)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']);
  });
});

describe('round 30: a flowchart’s answer takes its question’s concern', () => {
  const flowchart = [
    'STEP 4: Does the incident involve a member of staff, a volunteer or a governor?',
    '   --> YES: Tell the headteacher the same day. If the concern is about the headteacher, tell the Chair of Governors.',
    '   --> NO: go to STEP 5.',
    '',
    'STEP 5: Is this a safeguarding concern (e.g. contact from an unknown adult, online bullying that is causing distress)?',
    '   --> YES: Tell the DSL immediately.',
    '   --> NO: go to STEP 6.',
  ].join('\n');

  it('each answer routes its own question’s kind', () => {
    expect(proposals(flowchart)).toMatchObject({
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.staff-misuse.deadline': 'same-day',
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
    });
  });

  it('an answer after a statement, not a question, takes nothing from it', () => {
    const text = 'Staff receive training on allegations against a member of staff every year.\n--> YES: Tell the headteacher the same day.';
    expect(proposals(text)['concerns.routes.staff-misuse.notify']).toBeUndefined();
  });
});

describe('round 30: a hard-wrapped text reads as its sentences', () => {
  // A PDF's lines wrap near one width; a line that ends no sentence runs on into the next even when that starts in capitals.
  const filler = Array.from(
    { length: 12 },
    (_, i) => `${i + 1}.${i} This clause of the policy explains a rule that is not about concerns at all and it is long.`,
  );
  it('a route broken before a capital runs on', () => {
    const text = [
      ...filler,
      '',
      '8.5 Online bullying between pupils: report to the class teacher, who will investigate under the',
      'Anti-Bullying Policy and record the incident. Parents or carers of the pupils involved',
      'will be contacted.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.cyber-bullying.notify': ['class-teacher'], 'concerns.routes.cyber-bullying.tell': ['carers'] });
  });

  it('a short page, a table’s rows or a form’s fields do not run on', () => {
    // Too few lines to be a wrapped text: the title stays a title.
    expect(
      proposals('Pupil Photographs – Consent Form\nWe ask parents to give consent for the following:\n| Use | Yes | No |\n| School website | ☐ | ☐ |'),
    ).toMatchObject({
      'consent.purposes.website.active': true,
    });
    // A form's field, "Senior leader authorised to approve content: Mr Nnamdi", then a label: no account decision.
    const fields = [
      ...filler,
      '',
      'Senior leader authorised to approve website and social media content (3.4 / 6.2): Mr O. Nnamdi',
      'Academy social media accounts: Facebook, Instagram',
    ].join('\n');
    expect(proposals(fields)['decisions.accounts']).toBeUndefined();
  });
});

describe('round 30: kinds and those told, in more words', () => {
  it.each([
    ['A journalist, radio station or TV company contacts any member of staff: pass them to the Headteacher.', 'media-enquiry', ['headteacher']],
    ['An enquiry from a journalist: do not comment; pass the details to the Principal.', 'media-enquiry', ['headteacher']],
    ['Someone the pupil does not know contacts them online: report to the DSL immediately.', 'contact-attempt', ['dsl']],
    // "A safeguarding concern" says how the contact is handled; the concern is the contact.
    [
      'If a pupil is being contacted online by an adult they do not know, this is a safeguarding concern and must go to the DSL without delay.',
      'contact-attempt',
      ['dsl'],
    ],
    ['Does the incident involve a member of staff?\nYes: tell the Headteacher.', 'staff-misuse', ['headteacher']],
  ])('%s', (text, kind, roles) => expect(proposals(text)[`concerns.routes.${kind}.notify`]).toEqual(roles));

  it.each([
    'Concerns about a member of staff must be reported to the Head. The Head will consult the Local Authority Designated Officer (LADO) within one working day.',
    'Allegations about staff go to the Principal. The Principal contacts the LADO about any allegation against staff, within one working day.',
    'Allegations against a member of staff will be reported to the Headteacher, who will seek advice from the LADO.',
  ])('the LADO is told: %s', (text) => expect(proposals(text)['concerns.routes.staff-misuse.tell']).toEqual(['lado']));

  it.each([
    'Online bullying between learners: tell the class teacher. Parents of the children involved will be told.',
    'Cyberbullying is dealt with under the Anti-Bullying Policy. Heads of Year investigate and both families are contacted by the tutors.',
  ])('carers are told: %s', (text) => expect(proposals(text)['concerns.routes.cyber-bullying.tell']).toEqual(['carers']));

  it.each([
    // On a condition of its own.
    'Allegations about staff go to the Principal. The Principal will consult the LADO within one working day where the student is under 18.',
    'If a pupil sees unsuitable material, tell the teacher. Parents will be informed if the material was particularly distressing.',
    // Told of something else.
    'Online bullying is handled under the Anti-Bullying Policy. Parents will be informed of school trips by letter.',
  ])('no one outside is told from: %s', (text) => {
    const out = proposals(text);
    expect(Object.keys(out).filter((k) => k.endsWith('.tell'))).toEqual([]);
  });

  it('the Local Authority Designated Officer is not the DSL, and a report is not a telling', () => {
    expect(
      proposals('Allegations against a member of staff will be referred to the Local Authority Designated Officer (LADO) within one working day.'),
    ).not.toHaveProperty('concerns.routes.staff-misuse.notify');
    expect(
      proposals('Local Academy Board – monitors its effectiveness through the annual safeguarding report; the Chair receives concerns about the Principal.'),
    ).toEqual({});
  });

  it('posts on the school’s accounts approved are not the accounts approved', () => {
    const text =
      'No member of staff may create an account that represents the school without the written approval of the Headteacher. Posts on the main school accounts are approved by the Headteacher or the Deputy Headteacher before publication.';
    expect(proposals(text)['decisions.accounts']).toEqual(['headteacher']);
  });
});

describe('round 30: tables and arrows that say who is told', () => {
  it('a piped table whose rows wrap onto indented lines', () => {
    const text = [
      '     Type of concern | Report to | When | Further action',
      '     ----------------|-----------|------|---------------',
      '     Student contacted online by an adult or someone unknown to them |',
      '       DSL | Immediately | DSL informs parents',
      '     Concern or allegation about a member of staff, volunteer or contractor (including',
      '       online contact with students) | Headteacher | Immediately, and before any other action |',
      '       Headteacher consults LADO within one working day',
      '     Enquiry from a journalist, broadcaster or blogger | Headteacher | Immediately, before any',
      '       response | Headteacher liaises with the Trust communications lead',
    ].join('\n');
    expect(proposals(text)).toMatchObject({
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.media-enquiry.notify': ['headteacher'],
      'concerns.routes.media-enquiry.immediate': true,
    });
  });

  it('a table set out by spaces reads on past a cell’s second line; a "Tell" column; a stand-in is no one told', () => {
    const spaced = [
      'Concern                                         Report to                    When',
      'A student has seen unsuitable content on        Network Manager              Same day',
      'an academy device                               to be informed',
      'Media or press enquiry                          Headteacher                  Do not comment',
    ].join('\n');
    expect(proposals(spaced)['concerns.routes.media-enquiry.notify']).toEqual(['headteacher']);
    const told = '| What happened | Tell | How quickly |\n|---|---|---|\n| A journalist calls or emails | The Principal | Before you say anything |';
    expect(proposals(told)['concerns.routes.media-enquiry.notify']).toEqual(['headteacher']);
    const standIn =
      '| Concern | Who to tell | When |\n|---|---|---|\n| Child protection | Child Protection Co-ordinator; if unavailable, Head Teacher | Immediately |';
    expect(proposals(standIn)['concerns.routes.safeguarding.notify']).toEqual(['dsl']);
  });

  it('a scenario, then an arrow to whoever is told', () => {
    const text = [
      'Who to tell, and when',
      '',
      '  • Online bullying between pupils',
      '      → Assistant Headteacher (Pastoral), within 24 hours. Both families are contacted by the key workers.',
      '  • A concern about a member of staff, supply worker or volunteer',
      '      → Headteacher, immediately. The Headteacher contacts the LADO within one working day.',
      '  • A parent or carer is worried about something online',
      '      → Key worker in the first instance; the key worker passes it to the DSL if it is a safeguarding matter.',
    ].join('\n');
    const out = proposals(text);
    expect(out).toMatchObject({
      'concerns.routes.cyber-bullying.notify': ['senior-leader'],
      'concerns.routes.cyber-bullying.deadline': '24-hours',
      'concerns.routes.cyber-bullying.tell': ['carers'],
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.staff-misuse.immediate': true,
      'concerns.routes.staff-misuse.tell': ['lado'],
    });
    expect(out['concerns.routes.raised-by-carer.notify']).toBeUndefined();
    // The quote is the page's words, arrow and all: nothing is put in the policy's mouth.
    const quote = proposeSettings(text).proposals.find((p) => p.setting === 'concerns.routes.cyber-bullying.notify')?.quote;
    expect(quote).toBe('Online bullying between pupils → Assistant Headteacher (Pastoral), within 24 hours.');
  });

  it('"YES ->" answers a question that ends in examples', () => {
    const text =
      'Is a child at risk of harm, or is there a safeguarding concern? (e.g. disclosure, self-harm content)\n   YES -> Report to the DSL at once, in person.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
  });
});

describe('round 30: a table with one cell to a line, and concerns about staff in more words', () => {
  it('rows one after another', () => {
    const text = [
      'Appendix A: Reporting (text version)',
      'Concern',
      'Who to tell',
      'When',
      'Online bullying between pupils',
      'Class teacher and DSL',
      'Same day',
      'Someone unknown contacting a pupil online',
      'DSL',
      'Immediately',
    ].join('\n');
    expect(proposals(text)).toMatchObject({
      'concerns.routes.cyber-bullying.notify': ['class-teacher', 'dsl'],
      'concerns.routes.cyber-bullying.deadline': 'same-day',
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.contact-attempt.immediate': true,
    });
  });

  it('rows apart by blank lines, a cell that wraps, the stand-in after "If it is about"', () => {
    const text = [
      'Concern',
      'Who to tell',
      'When',
      '',
      'A concern or allegation about a member of staff, volunteer or therapist (including their use of',
      'phones, photos or social media)',
      'Principal. If it is about the Principal, the Chair of the Local Governing Body.',
      'Immediately. Do not discuss with the person concerned.',
      '',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it.each([
    'Any member of staff who has a concern that another adult has misused school systems, or has shared images of children inappropriately, must report it immediately to the Headteacher.',
    'If I am concerned about the behaviour of another adult in school, I will tell the Headteacher straight away.',
    'If your concern is about something a member of staff has said or done online, please contact the Head directly, without delay.',
  ])('%s', (text) => expect(proposals(text)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']));
});

describe('round 30: posts about the school, in more words', () => {
  it.each([
    'Staff who become aware of a post about the school, its staff or its pupils should not respond to it, but should take a screenshot and tell the Head Teacher.',
    'If a post appears online that names or is critical of the school, it should be brought to the attention of the Principal.',
    'Staff who see a negative, offensive or inaccurate post about the academy must send it to the Headteacher.',
    'Staff will report anything they see posted about the academy to the Headteacher.',
  ])('%s', (text) => expect(proposals(text)['concerns.routes.disparaging-content.notify']).toEqual(['headteacher']));

  it('a post about a pupil in a community group is not about the school', () => {
    expect(proposals('If a parent posts photographs of other children in a community Facebook group, tell the Headteacher.')).not.toHaveProperty(
      'concerns.routes.disparaging-content.notify',
    );
  });
});
