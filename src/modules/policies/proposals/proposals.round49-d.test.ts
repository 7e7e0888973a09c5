/**
 * The thirty-fifth session's reading of concerns about staff: "Concerns about staff" as a clause's heading, "About a member
 * of staff:" as a card's label, an aside that passes the DSL over, and the route for concerns about the head alone.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('concerns about staff', () => {
  it('"Concerns about staff (…) go to the Headteacher, not the DSL"', () => {
    const text =
      '7.2 Concerns about staff (for example a teacher messaging a pupil from a personal account) go to the Headteacher, not the DSL, and the Headteacher will contact the LADO within one working day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('a card’s label: "About a member of staff, supply teacher or volunteer: tell the Headteacher the same day"', () => {
    const found = proposals('About a member of staff, supply teacher or volunteer: tell the Headteacher the same day.');
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });

  it('an aside that passes the DSL over leaves the route', () => {
    const text = 'If a concern relates to a member of staff or a volunteer it must be reported to the Headteacher (not the DSL if the DSL is the subject).';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('the route for concerns about the head adds no one to the route for staff', () => {
    const text = [
      '6.1 Concerns about staff. Any concern that a member of staff has behaved inappropriately online must be reported to the Headteacher.',
      'If the concern is about the Headteacher, report it to the Chair of Governors and the Designated Officer.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('concerns about staff wellbeing are no concern about what staff did', () => {
    expect(proposals('Concerns about staff wellbeing should be raised with the Headteacher.')).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });
});
