/**
 * The forty-first session: who decides which accounts the school has, in other words.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const accounts = 'decisions.accounts';

describe('who decides which accounts the school has', () => {
  it('"Nobody sets up a new account for a department, club or trip. The Head decides on new school accounts."', () => {
    const text = 'Nobody sets up a new account for a department, club or trip. The Head decides on new school accounts.';
    expect(proposals(text)).toHaveProperty([accounts], ['headteacher']);
  });

  it('"The headteacher decides, in each school, which social media accounts the school operates"', () => {
    const text = 'The headteacher decides, in each school, which social media accounts the school operates, and who is allowed to post on them.';
    expect(proposals(text)).toHaveProperty([accounts], ['headteacher']);
  });

  it('"The headteacher decides what the school publishes on its website and social media, and which accounts the school has"', () => {
    const text = 'The headteacher decides what the school publishes on its website and social media, and which accounts the school has.';
    expect(proposals(text)).toHaveProperty([accounts], ['headteacher']);
  });

  it('a decision about posts is still no decision about accounts: "The Head decides on posts for the school accounts"', () => {
    expect(proposals('The Head decides on posts for the school accounts.')).not.toHaveProperty([accounts]);
  });

  it('"Every post on the school accounts is approved by the Head before it goes out": posts, not accounts', () => {
    expect(proposals('Every post on the school accounts is approved by the Head before it goes out.')).not.toHaveProperty([accounts]);
  });
});
