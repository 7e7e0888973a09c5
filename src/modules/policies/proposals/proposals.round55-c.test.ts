/**
 * The forty-first session: a parent among a concern's examples is not someone told, so the route keeps its time; and a
 * parent's worry has a time only as its route does, when staff pass it on.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a time to act beside a parent named in the concern', () => {
  it('"…– something a child says, a message shown by a parent – must report it to the DSL the same day": the route’s time', () => {
    const text =
      "Any member of staff who has a concern about a child's safety online – something a child says, something seen on a screen, a message shown by a parent – must report it to the DSL (or a deputy DSL if the DSL is not on site) the same day, and record it on CPOMS before they go home.";
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('"Concerns … raised by a parent or carer are passed to a Safeguarding Officer on the day they are received"', () => {
    const text = 'Concerns about the welfare of a student raised by a parent or carer are passed to a Safeguarding Officer on the day they are received.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.raised-by-carer.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.raised-by-carer.deadline'], 'same-day');
  });

  it('a parent telling staff something, passed on by them, is no time for a parent’s worry', () => {
    const text =
      'If staff become aware of a reason why a student should be on the list (e.g. a parent tells you about a court order) they must pass it to the DSL the same day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.raised-by-carer.deadline']);
  });

  it('the one told telling the LADO still has their own time: "…reported to the Headteacher, who must consult the LADO within one working day"', () => {
    const text = 'Allegations against a member of staff must be reported to the Headteacher, who must consult the LADO within one working day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.deadline']);
  });
});
