/**
 * The thirtieth session's readings of who decides a request to unblock a site: the approval the change waits for ("only
 * once the DSL has approved it", "unless the Headteacher agrees", "if the Head agrees"); "The decision rests with the
 * Principal, who will then authorise…" (the one who acts on it does not decide); a bare "The Headteacher decides…" under
 * a heading or after a paragraph about unblocking.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the approval an unblocking waits for', () => {
  it.each([
    ['A blocked website is opened only once the DSL, or a Deputy DSL when the DSL is away, has approved it.', 'dsl'],
    ['The technician will not unblock a site unless the Designated Safeguarding Lead agrees.', 'dsl'],
    ['Staff ask the Computing Lead, who will look at the site and, if the Headteacher agrees, ask the provider to unblock it.', 'headteacher'],
    ['Sites are unblocked only after the Principal has given her approval.', 'headteacher'],
  ])('"%s"', (sentence, role) => {
    expect(proposals(sentence)).toHaveProperty(['decisions.unblock'], [role]);
  });

  it("an approval of something else is not the unblocking's", () => {
    expect(proposals('Pupils may use the tablets only once the class teacher has agreed.')).not.toHaveProperty(['decisions.unblock']);
  });
});

describe('a decision that rests with someone', () => {
  it('the one who acts on it afterwards does not decide', () => {
    const text = [
      'Requests to unblock a website. A member of staff who needs a blocked site should email the ICT Co-ordinator with the address.',
      'The ICT Co-ordinator checks the site and passes the request on with a recommendation.',
      'The decision rests with the Principal, who will then authorise the Network Manager to make the change.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });
});

describe('a bare decision under a heading about unblocking', () => {
  it("a list item's second sentence", () => {
    const text = [
      'Requests to unblock a website',
      '- A teacher who needs a blocked site emails the Online Safety Lead with its address.',
      '- The Online Safety Lead checks the site and sends a recommendation to the Head. The Head decides whether the request goes ahead.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('under a heading about something else, it decides nothing', () => {
    const text = ['Trips and visits', '- Staff plan each trip with the office. The Head decides whether the trip goes ahead.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });
});
