/**
 * The forty-fourth session: concerns named where the paragraph opens, and a wrapped line's aside. "Staff must report
 * concerns to the DSL" under a paragraph that opens with safeguarding concerns is that route; one pupil "being unkind to
 * another online" is online bullying; a member of staff who "has photos of pupils on a personal device" is a concern
 * about staff; a line that starts "- for example, …" after a line that stops mid-sentence carries the sentence on.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

describe('"Staff must report concerns to…" under a paragraph that names the kind', () => {
  it('the paragraph opens with safeguarding concerns: the route and its haste', () => {
    const text =
      'Receive and act on all safeguarding concerns raised by staff, whether in person or on CPOMS. Staff must report concerns to the DSL (or a deputy if the DSL is unavailable) immediately and in any case before the end of the school day.';
    expect(proposals(text)).toMatchObject({
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
      'concerns.routes.safeguarding.deadline': 'same-day',
    });
  });

  it('"Teachers should report any concerns to the Headteacher" after a paragraph opening about a colleague\'s conduct', () => {
    const text = "Worried about a colleague's online conduct? Teachers should report any concerns to the Headteacher on the same day.";
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'] });
  });

  it('with no kind in the paragraph, reporting concerns routes nothing', () => {
    const text = 'Staff must report concerns to the DSL immediately.';
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('concerns.routes.'))).toEqual([]);
  });
});

describe('one child being unkind to another online', () => {
  it('a scenario heading over the steps: the class teacher is told', () => {
    const text = [
      '**…one child is being unkind to another online (group chats, games, messages)**',
      '',
      'Take it seriously even if it happened at the weekend. Log it on CPOMS and tell the class teacher.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('"pupils who are unkind to each other online" in one sentence', () => {
    const text = 'If pupils are being unkind to each other online, staff must tell the class teacher the same day.';
    expect(proposals(text)).toMatchObject({
      'concerns.routes.cyber-bullying.notify': ['class-teacher'],
      'concerns.routes.cyber-bullying.deadline': 'same-day',
    });
  });

  it('a member of staff or a parent unkind to another online is no bullying between pupils', () => {
    expect(proposals('If a member of staff is unkind to another online, tell the Headteacher.')).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
    expect(proposals('Parents who are unkind to one another online about the school should be reported to the Headteacher.')).not.toHaveProperty([
      'concerns.routes.cyber-bullying.notify',
    ]);
  });
});

describe('a member of staff with photos of pupils on a personal device', () => {
  it('"A member of staff has photos of pupils on a personal device: tell the Principal."', () => {
    const text = '- **A member of staff has photos of pupils on a personal device**: tell the Principal.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"If a colleague is keeping photographs of children on their own phone, tell the Headteacher straight away"', () => {
    const text = 'If a colleague is keeping photographs of children on their own phone, tell the Headteacher straight away.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('photos of pupils on a school device are no concern about staff', () => {
    const text = 'A member of staff who has photos of pupils on a school iPad must upload them to the shared drive by Friday and tell the office.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });

  it('the rule for a member of staff who takes photos on their own phone is no concern about them', () => {
    const text = 'A member of staff who takes photos of pupils on a personal device must delete them the same day and tell the Headteacher.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });
});

describe('a wrapped line carried on by a dash aside', () => {
  const text = [
    'If anyone has a concern about the behaviour of a member of staff, a student or a volunteer',
    '- for example, taking photographs on a personal phone - this must be reported to the',
    'Pre-school Leader straight away.',
  ].join('\n');

  it('is one sentence, not a bullet of its own', () => {
    expect(sentencesOf(text).map((s) => s.text)).toHaveLength(1);
  });

  it('so the route is read: the Pre-school Leader, straight away', () => {
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('a list under a lead that ends with a colon keeps its bullets', () => {
    const list = [
      'Examples of unsuitable use of a school device by a member of staff include:',
      '- for example, sharing a password',
      '- such as posting photographs of pupils',
    ].join('\n');
    expect(sentencesOf(list)).toHaveLength(3);
  });

  it('a heading over dash items keeps them as items under it', () => {
    const text = ['### Unsuitable behaviour online', '- for example, sending unkind messages', '- for example, sharing photos'].join('\n');
    expect(sentencesOf(text).map((s) => [s.text, s.heading ?? ''])).toEqual([
      ['Unsuitable behaviour online', ''],
      ['for example, sending unkind messages', 'unsuitable behaviour online'],
      ['for example, sharing photos', 'unsuitable behaviour online'],
    ]);
  });

  it('a bullet wrapped onto an indented line does not swallow the next item', () => {
    const text = ['- Staff must report any concern about a child to the', '  DSL immediately', '- e.g. a child who discloses abuse'].join('\n');
    expect(sentencesOf(text)).toHaveLength(2);
  });
});
