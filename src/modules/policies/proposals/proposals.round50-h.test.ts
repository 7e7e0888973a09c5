/**
 * The thirty-sixth session's readings for early years settings: a phone or camera used against the policy by an adult is a
 * concern about staff, and a setting's manager marked as the DSL is told as the DSL.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a phone or camera used against the policy', () => {
  it.each([
    'Any member of staff who sees a personal phone or smart watch being used in the rooms must tell the Nursery Manager (DSL) straight away.',
    'Anyone who is worried about the way a phone, camera or tablet is being used must tell the Manager (DSL) straight away.',
    'Any member of staff who sees or hears about a camera being used inappropriately must report it to the Pre-school Manager (DSP) immediately.',
  ])('%s', (text) => {
    const got = proposals(text);
    expect(got).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('"If you see anyone using a phone or camera in a way that breaks this policy, tell the Manager straight away"', () => {
    expect(proposals('If you see anyone using a phone or camera in a way that breaks this policy, tell the Manager straight away.')).toHaveProperty(
      ['concerns.routes.staff-misuse.immediate'],
      true,
    );
  });

  it.each([
    'If you are worried about the way a tablet is being used by a pupil, tell the Computing Lead the same day.',
    'If a parent’s phone or camera is being used inappropriately at a school event, staff should tell the Headteacher straight away.',
  ])('a device a pupil or a parent uses is no concern about staff: %s', (text) => {
    expect(Object.keys(proposals(text)).filter((key) => key.startsWith('concerns.routes.staff-misuse.'))).toEqual([]);
  });

  it('"the Network Manager (DSL)" is read as both posts, not the DSL alone', () => {
    expect(proposals('If a pupil sees unsuitable content, tell the Network Manager (DSL) the same day.')).toHaveProperty(
      ['concerns.routes.inappropriate-content.notify'],
      ['ict-lead', 'dsl'],
    );
  });

  it('"the Headteacher (DSL)" is still read as both posts', () => {
    expect(proposals('Any safeguarding concern must be reported to the Headteacher (DSL) straight away.')).toHaveProperty(
      ['concerns.routes.safeguarding.notify'],
      ['headteacher', 'dsl'],
    );
  });
});
