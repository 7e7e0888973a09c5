/**
 * The thirty-fourth session's reading of a "may" that says what is feared ("…a member of staff may pose a risk"): no
 * discretion about telling the LADO.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const page = (rule: string) => ['Online Safety Policy', '', '5.3 Allegations about adults', '', rule].join('\n');

describe('what is feared, said with "may", and the LADO told', () => {
  it.each([
    'Where there is an allegation that a member of staff or volunteer has harmed a child or may pose a risk, the Headteacher will contact the LADO within one working day.',
    'Any allegation that a member of staff may have behaved in a way that harmed a child will be referred to the LADO within one working day.',
  ])('%s', (rule) => {
    expect(proposals(page(rule))).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it.each([
    'Where there is an allegation against a member of staff, the Headteacher may contact the LADO.',
    'Concerns about a member of staff may be reported to the Headteacher, who will contact the LADO.',
    'Concerns that a colleague is behaving inappropriately might be passed to the Headteacher, who will then inform the LADO.',
  ])('a "may" about the telling itself is still a discretion: %s', (rule) => {
    expect(proposals(page(rule))).not.toHaveProperty(['concerns.routes.staff-misuse.tell']);
  });
});
