/**
 * The thirty-second session's reading of a flowchart's answer: it reaches the kinds its question gives as examples, as a
 * safeguarding sentence's own examples do.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe("a flowchart's answer", () => {
  it('reaches the kinds its question gives as examples', () => {
    const text = [
      'STEP 3',
      'Is a child at risk of harm, or is there a safeguarding concern? (e.g. a disclosure, a stranger making contact, nude images being shared)',
      '   YES -> Report to the DSL at once, in person. Record on MyConcern.',
      '   NO -> Go to STEP 4.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('the NO answer does not take them', () => {
    const text = [
      'STEP 3',
      'Is a child at risk of harm, or is there a safeguarding concern? (e.g. a disclosure, a stranger making contact, nude images being shared)',
      '   NO -> Tell the Headteacher the same day.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});
