/**
 * The twenty-eighth session's readings of concerns about adults: someone "concerned that a member of staff … has used…",
 * a member of staff "thought to have taken images", and a stranger who "has been messaging" a pupil.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('concerns about an adult in the school, however the worry is put', () => {
  it('"If anyone is concerned that a teacher or volunteer has used social media in a way that could harm a child…"', () => {
    const read = proposals(
      'If anyone is concerned that a teacher or volunteer has used social media in a way that could harm a child, they must tell the Principal without delay.',
    );
    expect(read).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('"Where a colleague is believed to have shared photographs of pupils…, this must be reported to the Head straight away"', () => {
    const read = proposals(
      'Where a colleague is believed to have shared photographs of pupils from a personal phone, this must be reported to the Head straight away.',
    );
    expect(read).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('but a member of staff who is thought to be at risk is no concern about their conduct', () => {
    expect(proposals('If a member of staff is thought to be at risk from online abuse, they should speak to the Headteacher.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.notify',
    ]);
  });
});

describe('a stranger who "has been messaging" a pupil', () => {
  it('"someone they have never met has been messaging them online": contact, told to the DSL', () => {
    expect(
      proposals('If a pupil tells you that someone they have never met has been messaging them online, tell the Designated Safeguarding Lead the same day.'),
    ).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.deadline': 'same-day' });
  });
});

describe('an attempt to get round the filter, named after the filtering', () => {
  it('"…looks after the web filtering and tells the DSL immediately about any attempted bypass"', () => {
    const text = [
      'The IT technician will:',
      '- look after the web filtering and the monitoring software and tell the DSL immediately about any attempted bypass;',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.filter-circumvention.notify': ['dsl'], 'concerns.routes.filter-circumvention.immediate': true });
  });

  it('but a bypass of something else is no filter circumvention', () => {
    expect(
      proposals('The filtering is checked each term. Staff must tell the DSL about any attempted bypass of the visitor sign-in system.'),
    ).not.toHaveProperty(['concerns.routes.filter-circumvention.notify']);
  });
});
