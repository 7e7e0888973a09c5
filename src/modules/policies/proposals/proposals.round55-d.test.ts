/**
 * The forty-first session: the age the school holds pupils to, beside an aside about one app in brackets, a game's rating,
 * advice to families after the school's own rule, and a service "below its minimum age".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const age = 'ageLimits.socialMediaMinimumAge';

describe('the age the school holds pupils to, in other words', () => {
  it('an aside about one app in brackets leaves the age: "…a minimum age of 13 (WhatsApp is 13 in the UK since 2024; it was 16 before)"', () => {
    const text =
      'Most social media sites and apps, including WhatsApp, TikTok, Snapchat and Instagram, have a minimum age of 13 (WhatsApp is 13 in the UK since 2024; it was 16 before). We do not encourage pupils to use them and we will never ask a pupil to set up a social media account for school work.';
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('a game’s rating is no second age: "…a minimum age of 13, and some games and apps are rated 16 or 18"', () => {
    const text =
      'Most of the popular social media apps have a minimum age of 13, and some games and apps are rated 16 or 18. We do not think primary school children should have their own social media accounts and we will not support children using them.';
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('"The Trust does not teach with, or encourage the use of, any service below its minimum age"', () => {
    const text =
      'Most social media services set a minimum age of 13. The Trust does not teach with, or encourage the use of, any service below its minimum age.';
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('the school’s own rule, then advice to parents in a clause of its own', () => {
    const text =
      'Most social media services have a minimum age of 13. The school will not use any social media service with learners below the age set by that service, and we advise parents not to allow children to hold accounts before they reach that age.';
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('"We expect pupils to keep to the age limits set by each platform, and we ask parents not to help a child get round them"', () => {
    const text =
      'Most social media services set a minimum age of 13 in their terms. We expect pupils to keep to the age limits set by each platform, and we ask parents not to help a child get round them.';
    expect(proposals(text)).toHaveProperty([age], 13);
  });

  it('advice alone is still no rule: "…a minimum age of 13. We advise parents to check the privacy settings…"', () => {
    const text = 'Most social media platforms have a minimum age of 13. We advise parents to check the privacy settings on their children’s accounts.';
    expect(proposals(text)).not.toHaveProperty([age]);
  });

  it('social media not used with pupils in school is no age rule', () => {
    const text =
      'Most social media services have a minimum age of 13 in their terms. We do not use any social media with pupils in school, and we ask families to think carefully before allowing children to hold accounts.';
    expect(proposals(text)).not.toHaveProperty([age]);
  });

  it('a second age outside the brackets still settles nothing: "Most apps are 13, and WhatsApp is 16"', () => {
    const text = 'Most social media apps have a minimum age of 13, and WhatsApp is 16. We do not expect pupils to hold accounts.';
    expect(proposals(text)).not.toHaveProperty([age]);
  });

  it('an app’s own age is still a second age: "…and WhatsApp is rated 16"', () => {
    const text = 'Most social media apps have a minimum age of 13, and WhatsApp is rated 16. We do not expect pupils to hold accounts.';
    expect(proposals(text)).not.toHaveProperty([age]);
  });

  it('accounts not used in school are no age rule: "Pupils must not use social media accounts in school, and we advise parents…"', () => {
    const text =
      'Most social media services have a minimum age of 13. Pupils must not use social media accounts in school, and we advise parents not to let children under 13 join such sites.';
    expect(proposals(text)).not.toHaveProperty([age]);
  });
});
