/**
 * The fortieth session's readings of those told outside the staff: the "LA Designated Officer", a head who "discusses it
 * with the LADO", and a teacher who "will talk to the parents involved" (a call or a letter home is still no duty to tell).
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the LADO in other words', () => {
  it('"…reported to the Principal, who will contact the LA Designated Officer": the LADO is told', () => {
    const text = 'Any allegation that a member of staff has misused technology must be reported to the Principal, who will contact the LA Designated Officer.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it('"The Headteacher will discuss it with the LADO within one working day", after the route: the LADO is told', () => {
    const text = [
      'Any allegation about the online conduct of a member of staff is reported to the Headteacher.',
      'The Headteacher will discuss it with the LADO within one working day.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it('"…may discuss it with the LADO" is a discretion: no one', () => {
    const text = 'Any allegation about the online conduct of a member of staff is reported to the Headteacher, who may discuss it with the LADO.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.tell']);
  });
});

describe('a family talked to', () => {
  it('"Cyberbullying … is dealt with by the class teacher, who will talk to the parents of all the children involved": carers', () => {
    const text = 'Cyberbullying between pupils is dealt with by the class teacher, who will talk to the parents of all the children involved.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('"…who will phone the parents of the children involved" is a call, not a duty to tell them of the concern', () => {
    const text = 'Cyberbullying between pupils is dealt with by the class teacher, who will phone the parents of the children involved.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});
