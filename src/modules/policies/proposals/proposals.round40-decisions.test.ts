/**
 * The twenty-sixth session's readings of who decides whether a blocked site is opened, said in a short sentence whose
 * list lead, paragraph or heading says what is decided.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"… decides" after what is decided', () => {
  it('an item under the list’s lead: "Unblocking sites:" then "The Headteacher decides."', () => {
    const read = proposals(
      'Unblocking sites:\n\n- Staff email the Computing Lead with the address and the reason.\n- The Headteacher decides.\n- If agreed, the IT company makes the change.',
    );
    expect(read).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('"The DSL decides and, if agreed, asks the IT provider…" after the request', () => {
    const read = proposals(
      'Requests to unblock a website are made to the DSL by email, with the reason. The DSL decides and, if agreed, asks the IT provider to make the change.',
    );
    expect(read).toHaveProperty(['decisions.unblock'], ['dsl']);
  });

  it('a paragraph of its own under a heading that says what is decided', () => {
    const read = proposals(
      'Requests to unblock websites\n\nStaff email the Network Manager with the address and why it is needed.\n\nThe Deputy Headteacher decides.',
    );
    expect(read).toHaveProperty(['decisions.unblock'], ['deputy-headteacher']);
  });

  it('but not where nothing around it is about the filter', () => {
    const read = proposals('Trips\n\nStaff email the office with the date and the place.\n\nThe Deputy Headteacher decides.');
    expect(read).not.toHaveProperty(['decisions.unblock']);
  });
});
