/**
 * The forty-third session: the concern's own words read before the telling. An adult who "tries to contact" a pupil is
 * the concern, not the telling; a worry about something a child "has seen, said or done" is a safeguarding worry; images
 * someone takes are no unsuitable material a pupil met; a bracket's list is the kind's examples; a worry about a pupil's
 * safety beside one sort of it is the kind as a whole; a numbered line of its own between paragraphs heads them.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

describe('"tries to contact a pupil" is what happened, not whom staff tell', () => {
  it('"If an adult not known to the school tries to contact a pupil…, report it to the Designated Safeguarding Lead at once"', () => {
    const text =
      'If an adult who is not known to the school tries to contact a pupil through a comment on our page, report it to the Designated Safeguarding Lead at once.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.immediate': true });
  });

  it('"If a stranger tries to message a child online, staff tell the DSL straight away"', () => {
    const text = 'If a stranger tries to message a child online, staff must tell the DSL straight away.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.immediate': true });
  });

  it('a pupil who tries to contact a teacher still routes a contact attempt to the one told', () => {
    const text = 'If a pupil tries to contact a member of staff through a personal social media account, the member of staff must tell the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['headteacher']);
  });
});

describe('a worry about something a child has seen, said or done', () => {
  it('"Any adult with a concern about something a pupil has said or done online must tell the DSL straight away"', () => {
    const text = 'Any adult with a concern about something a pupil has said or done online, in or out of school, must tell the DSL straight away.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
  });

  it('"…something a child has seen, heard or done online…"', () => {
    const text = 'A member of staff who has any concern about something a child has seen, heard or done online reports it to the Designated Safeguarding Lead.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('one thing seen alone is not that worry', () => {
    const text = 'A member of staff who has any concern about something a child has seen online reports it to the Designated Safeguarding Lead.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('images someone takes are no unsuitable material a pupil came across', () => {
  it('"Any concern that a camera has been used to take inappropriate images … is a safeguarding concern and must be reported to the DSL immediately"', () => {
    const text =
      'Any concern that a camera has been used to take inappropriate images, or that photographs of pupils have been shared without permission, is a safeguarding concern and must be reported to the DSL immediately.';
    const found = proposals(text);
    expect(found).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
    expect(found).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('inappropriate images a pupil finds are still unsuitable material', () => {
    const text = 'If a pupil finds inappropriate images on a school laptop, staff must tell the Network Manager.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });
});

describe('a bracket after a safeguarding worry lists its examples', () => {
  it('"If there is any safeguarding element (nudes, threats of self-harm, grooming, threats of violence) the DSL must be told … immediately"', () => {
    const text =
      'If there is any safeguarding element (nudes, threats of self-harm, grooming, threats of violence) the DSL must be told in person immediately.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
  });

  it('a bracket beside a kind that is not safeguarding does not make the sentence a safeguarding route', () => {
    const text = 'Online bullying (or any contact from a stranger online) must be reported to the DSL.';
    const found = proposals(text);
    expect(found).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
    expect(found).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});

describe('a risk to a pupil’s safety beside one sort of it', () => {
  it('"Monitoring alerts that suggest a risk to a pupil’s safety or of radicalisation are passed to the DSL immediately" is the kind’s haste', () => {
    const text = "Monitoring alerts that suggest a risk to a pupil's safety or of radicalisation are passed to the DSL immediately.";
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('radicalisation alone is still one sort of it, with its own haste', () => {
    const text = 'Concerns about radicalisation are passed to the DSL immediately.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });
});

describe('a numbered line of its own between paragraphs is a heading', () => {
  const page = [
    'Responding to incidents',
    '',
    '4. Online bullying between students',
    '',
    'Staff who receive a report pass it to the Head of Year within 24 hours.',
    '',
    '5. An adult or a stranger messages a student through a game or an app',
    '',
    'This covers anyone a student has never met in person. Tell the DSL immediately, in person or by phone.',
  ].join('\n');

  it('the heading’s scenario is the kind of the instruction under it', () => {
    expect(proposals(page)).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.immediate': true });
  });

  const headingOf = (text: string, opening: string) => sentencesOf(text).find((x) => x.lower.startsWith(opening))?.heading ?? '';

  it('a numbered use under a lead that ends in a colon stays an item of the lead', () => {
    const form = [
      'I give permission for photographs of my child to be used in:',
      '',
      '1. Classroom and corridor displays, and the learning journal we share with you',
      '',
      'We keep this form in the office.',
    ].join('\n');
    expect(headingOf(form, 'we keep')).not.toContain('classroom');
  });

  it('a numbered use over tick boxes stays a form’s question', () => {
    const form = [
      'Please answer for each use.',
      '',
      '1. Classroom and corridor displays, and the learning journal we share with you',
      '',
      'Yes ☐      No ☐',
      '',
      'We keep this form in the office.',
    ].join('\n');
    expect(headingOf(form, 'we keep')).not.toContain('classroom');
  });

  it('a numbered step to take is no heading', () => {
    const steps = [
      'When a pupil tells you something, stay calm.',
      '',
      '2. Report what the pupil has told you to the DSL at once',
      '',
      'Then write it down.',
    ].join('\n');
    expect(headingOf(steps, 'then write')).toBe('');
  });

  it('a numbered scenario between paragraphs heads the paragraph under it', () => {
    expect(headingOf(page, 'this covers')).toContain('an adult or a stranger messages a student');
  });
});

describe('what not to do first, then whom to tell', () => {
  it('"…do not respond and tell the DSL" routes the contact attempt to the DSL', () => {
    const text = 'If a stranger tries to contact a pupil on a game or app, do not respond and tell the DSL.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('"do not screenshot and forward it to the DSL" stays a prohibition (only a reply is set apart)', () => {
    const text = 'If a pupil shares a nude image, do not screenshot and forward it to the DSL.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('the review’s guards', () => {
  it('staff who "try to contact the DSL" still tell the DSL', () => {
    const text = 'If a member of staff is worried that a pupil is at risk of harm, they should try to contact the DSL immediately.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
  });

  it('harmful material a pupil has taken from a website is still unsuitable material', () => {
    const text = 'If a pupil has taken harmful material from a website and shared it with others, tell the IT Manager.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });
});
