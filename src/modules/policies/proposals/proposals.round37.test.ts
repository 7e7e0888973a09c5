/**
 * The twenty-third session's readings, each written as a paraphrase of what the keyed sets say, with a case that keeps
 * the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('grooming, when it is what the sentence is about, is an adult contacting a pupil', () => {
  it('"being groomed online" routes the contact', () => {
    const read = proposals('If you think a pupil is being groomed online, tell the Designated Safeguarding Lead the same day.');
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.deadline'], 'same-day');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('but grooming given as an example of harm is the safeguarding route alone', () => {
    const read = proposals(
      'Any concern that a pupil may be at risk of harm online, for example grooming, sextortion or radicalisation, must go to the DSL at once.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('a disclosure of online abuse is a safeguarding concern', () => {
    expect(proposals('A disclosure of online abuse must be passed to the Designated Safeguarding Lead immediately.')).toHaveProperty(
      ['concerns.routes.safeguarding.immediate'],
      true,
    );
  });
});
