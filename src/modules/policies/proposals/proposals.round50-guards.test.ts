/**
 * Guards for the thirty-sixth session's readings, from a review of the whole change: each reading stops where its
 * comment says.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('readings that stop where they should', () => {
  it('"…to the DSL, who will also, where appropriate, inform parents" keeps the DSL’s route', () => {
    expect(proposals('Report any online safety concern to the DSL, who will also, where appropriate, inform parents.')).toHaveProperty(
      ['concerns.routes.safeguarding.notify'],
      ['dsl'],
    );
  });

  it('"The Head of Year will be informed by the class teacher" names who tells, not the route', () => {
    const text = 'Online bullying is dealt with under the Anti-Bullying Policy. The Head of Year will be informed by the class teacher.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('"It is treated as a safeguarding concern if there is a risk of serious harm" under a heading keeps the graver cases safeguarding', () => {
    const got = proposals('## Online bullying\n\nIt is treated as a safeguarding concern if there is a risk of serious harm. Tell the DSL immediately.\n');
    expect(got).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('unkind behaviour between pupils during games or PE is no online bullying', () => {
    expect(proposals('Unkind behaviour between pupils during games or PE must be reported to the class teacher.')).not.toHaveProperty([
      'concerns.routes.cyber-bullying.notify',
    ]);
  });

  it('an adult the child does not know at the school gate is no online contact', () => {
    expect(proposals('If an adult who the child does not know approaches them at the school gate, staff should tell the DSL immediately.')).not.toHaveProperty([
      'concerns.routes.contact-attempt.notify',
    ]);
  });

  it('bedrooms on a swimming residential ban no swimming', () => {
    expect(proposals('Staff must not photograph pupils in their bedrooms on the Year 5 swimming and outdoor activities residential.')).not.toHaveProperty([
      'photos.prohibitedContexts',
    ]);
  });
});
