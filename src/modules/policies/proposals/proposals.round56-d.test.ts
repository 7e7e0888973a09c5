/**
 * The forty-second session: the LADO told about a concern about staff, as schools say it — consulted, discussed with, in
 * the present passive, with the allegations procedure's own "may", and a condition that belongs to a later step.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const told = ['concerns.routes.staff-misuse.tell'];

describe('the LADO is told about a concern about a member of staff', () => {
  it('"The Local Authority Designated Officer (LADO) will be consulted within one working day"', () => {
    const text =
      'Any concern that a member of staff has shared images of pupils inappropriately must be reported to the Headteacher without delay. The Local Authority Designated Officer (LADO) will be consulted within one working day.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });

  it('"They will be discussed with the LADO within one working day"', () => {
    const text =
      "Concerns about a member of staff's online behaviour are reported to the Head of School. They will be discussed with the LADO within one working day.";
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });

  it('"…is dealt with under the allegations procedure and the LADO is contacted within one working day"', () => {
    const text =
      'Any concern that a member of staff may pose a risk to children is dealt with under the allegations procedure and the LADO is contacted within one working day.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });

  it('"…of any allegation that an adult may have harmed a child, or behaved in a way that suggests they may…"', () => {
    const text =
      'The Principal will contact the LADO within one working day of any allegation that an adult may have harmed a child, or behaved in a way that suggests they may pose a risk to children.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });

  it('"…contacts the LADO within one working day and informs the Trust if the person works for the Trust"', () => {
    const text =
      'Concerns about a member of staff go to the Head of Service. The Head of Service contacts the LADO within one working day and informs the Trust if the person works for the Trust.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });
});

describe('and not where the LADO is only a possibility', () => {
  it('"…the Headteacher may discuss it with the LADO"', () => {
    const text = 'Concerns about a member of staff are reported to the Headteacher, who may discuss it with the LADO.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('"The Head contacts the LADO if the concern meets the harm threshold"', () => {
    const text = 'Concerns about a member of staff go to the Head. The Head contacts the LADO if the concern meets the harm threshold.';
    expect(proposals(text)).not.toHaveProperty(told);
  });
});
