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

describe('who approves a school account', () => {
  it.each([
    'Nobody may open an account in the name of the Federation or either school without the written agreement of the Executive Headteacher.',
    'No member of staff may set up an account that represents, or appears to represent, the school or a team without the written approval of the Headteacher.',
    'Clubs or departments wishing to run an account (for example the drama account) must have the approval of the Principal.',
  ])('"%s"', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it("a member of staff's own account is not the school's", () => {
    expect(proposals('Staff wishing to run a personal account need no approval from the Headteacher.')).not.toHaveProperty(['decisions.accounts']);
  });
});

describe('a look at a sample of posts afterwards', () => {
  it.each([
    'The link governor meets the DSL each term and will review a sample of the school social media posts annually.',
    'The Headteacher checks a random selection of posts on the school Facebook page each half term.',
  ])('"%s" decides nothing about publishing', (sentence) => {
    const found = proposals(sentence);
    expect(found).not.toHaveProperty(['decisions.photoPublication']);
    expect(found).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});

describe('who decides a request to block a site', () => {
  it('"…or who find a site that should be blocked" then "Requests are considered by…, who will decide"', () => {
    const text =
      'Staff who need a blocked site opened for teaching, or who find a site that should be blocked, fill in the filtering request form. Requests are considered by the Online Safety Lead, who will decide whether the change is appropriate.';
    const found = proposals(text);
    expect(found).toHaveProperty(['decisions.unblock'], ['ict-lead']);
    expect(found).toHaveProperty(['decisions.blockedContentRequests'], ['ict-lead']);
  });

  it('"Requests to block a site go the same way" after who decides an unblocking', () => {
    const text =
      'If a teacher needs a website unblocked, they ask the Deputy Headteacher, who decides whether the request is appropriate. Requests to block a site that turns out to be unsuitable go the same way.';
    expect(proposals(text)).toHaveProperty(['decisions.blockedContentRequests'], ['deputy-headteacher']);
  });

  it('"…tell the Computing Lead and she\'ll get it blocked"', () => {
    const text = 'If you find something that ought to be blocked, tell the Computing Lead straight away and she will get it blocked.';
    expect(proposals(text)).toHaveProperty(['decisions.blockedContentRequests'], ['ict-lead']);
  });

  it('"…go the same way" with no decider before it settles nothing', () => {
    const text = 'Staff email the office about broken laptops. Requests to block a site go the same way.';
    expect(proposals(text)).not.toHaveProperty(['decisions.blockedContentRequests']);
  });
});
