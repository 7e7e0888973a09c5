/**
 * The thirtieth session's reading of a list whose lead names who ("Any member of staff who:") and whose last item carries
 * the sentence's main clause (", must report it to the DSL before the end of the day"): every item is read with the lead
 * and that clause, not the last item alone.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the main clause on the last item of a list', () => {
  it('reaches every item', () => {
    const text = [
      '5.2 Any adult in school who:',
      '  (a) sees a pupil looking at unsuitable content on a school laptop;',
      '  (b) is told by a pupil that an adult they do not know has been messaging them; or',
      '  (c) has a concern that a child is at risk of harm online,',
      'must tell the Designated Safeguarding Lead straight away, and in any case before the end of the school day.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('"…who has a concern that:" the same way', () => {
    const text = [
      'Any employee who has a concern that:',
      '- a pupil is at risk of harm arising from something online; or',
      '- another employee has behaved inappropriately online towards a pupil,',
      'shall report that concern immediately to the DSL.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['dsl']);
  });

  it('a negation in the clause reaches every item', () => {
    const text = [
      'Any member of staff who:',
      "- sees unsuitable content on a pupil's screen; or",
      '- finds that a site which should be blocked can be reached,',
      'must not tell the DSL until the end of term.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('a list with no main clause after it reads each item alone', () => {
    const text = ['Staff who:', '- see unsuitable content on a screen;', '- hear a pupil mention an adult messaging them.', '', 'The DSL keeps a log.'].join(
      '\n',
    );
    const found = proposals(text);
    expect(found).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
    expect(found).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});
