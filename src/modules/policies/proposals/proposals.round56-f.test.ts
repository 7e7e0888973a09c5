/**
 * The forty-second session: the LADO told only about what meets the harm threshold is a judgement made first, not a telling
 * every concern about staff carries.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const told = ['concerns.routes.staff-misuse.tell'];

describe('the LADO, on the harm threshold', () => {
  it('"Where the concern meets the harm threshold the LADO will be contacted within one working day"', () => {
    const text =
      'Concerns about a member of staff are reported to the Headteacher. Where the concern meets the harm threshold the LADO will be contacted within one working day.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('"…will contact the LADO within one working day of an allegation that meets the harm threshold"', () => {
    const text = 'The Headteacher will contact the LADO within one working day of an allegation that meets the harm threshold, and before any investigation.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('with no threshold, "The Head will consult the LADO within one working day" still tells the LADO', () => {
    const text = 'Concerns about a member of staff go to the Head. The Head will consult the LADO within one working day.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });
});
