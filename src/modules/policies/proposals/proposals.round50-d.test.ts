/**
 * The thirty-sixth session's readings of how long photographs are kept: a sentence that points back to the photographs
 * before it, a negation inside the subject's own clause, a date in the following year, and a cap beside the pupil leaving.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const kept = (text: string) => proposals(text)['retention.deletePhotosAfterYears'];

describe('years before photographs are deleted', () => {
  it('"They are deleted three years after they were taken" after a sentence about photographs', () => {
    expect(kept('Photos taken for the club pages are saved in the club’s folder on the network. They are deleted three years after they were taken.')).toBe(3);
  });

  it('"anything older than three academic years is deleted" after a sentence about photographs', () => {
    expect(
      kept(
        'Photos for publication are kept in the Media folder. The IT team clears the folder each summer; anything older than three academic years is deleted.',
      ),
    ).toBe(3);
  });

  it.each([
    'Photographs chosen for the school archive are kept permanently. Everything else, such as registers and class lists, is deleted after six years.',
    'Photographs for the newsletter are taken by the office staff. They delete their emails after two years.',
  ])('no photographs deleted: %s', (text) => expect(kept(text)).toBeUndefined());

  it('a sentence that points back to something other than photographs sets nothing', () => {
    expect(kept('Registers are kept in the office. They are deleted three years after the pupil’s last attendance.')).toBeUndefined();
  });

  it('"…that are not needed for the school archive are deleted after two years": the negation is the subject’s', () => {
    expect(kept('Images on the staff drive that are not needed for the school archive are deleted after two years.')).toBe(2);
  });

  it('"Images are not deleted after two years" is still no rule', () => {
    expect(kept('Images on the staff drive are not deleted after two years; they are archived.')).toBeUndefined();
  });

  it('"deleted by 31 October the following year" says when, not how long', () => {
    expect(kept('Photographs of sports fixtures are deleted by 31 October the following year.')).toBeUndefined();
  });

  it('"…when the pupil leaves, or after two years, whichever is sooner": two years at most', () => {
    expect(kept('Other photographs are deleted when the pupil leaves, or after two years, whichever is sooner.')).toBe(2);
  });

  it('"…for one year after the pupil leaves" is counted from leaving, not from the photograph', () => {
    expect(kept('Photographs are kept until the pupil leaves and deleted one year after that.')).toBeUndefined();
  });
});
