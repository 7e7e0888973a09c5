/**
 * The thirty-seventh session's consent readings: a use's consent said apart from another's ("does not cover", "a separate
 * choice from", "asked separately about") names both as uses the school asks about.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('consent for one use said apart from another', () => {
  it('"Consent for the school website or newsletter does not cover social media" asks about the website and the newsletter', () => {
    const found = proposals(
      'Photographs of pupils are used in several places. Consent for the school website or the printed newsletter does not cover social media.',
    );
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.publications.active'], true);
    expect(found).not.toHaveProperty(['consent.purposes.social-media.active']);
  });

  it('staff asked separately about their own photographs ask about no use of pupils’ images', () => {
    const text = 'Staff photographs: staff will be asked separately for permission before their photo goes on the school website.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.website.active']);
  });

  it('"This is a separate choice from the school website" after a sentence about consent for social media', () => {
    const text =
      'We only post photographs on Instagram of pupils whose parents have said yes to social media on the consent form. This is a separate choice from the school website.';
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
  });

  it('"you will be asked separately about …" under a question about photographs', () => {
    const text = [
      '**Will photos of my child go on the school website?**',
      'Not straight away. You will be asked separately about the school website, the school Facebook page and the local newspaper.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(found).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('"asked separately" about something other than images asks about no use', () => {
    const text = 'Parents are asked separately about school dinners and the website login for homework.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.website.active']);
  });
});

describe('the head’s say before anything goes up', () => {
  it('"Nothing goes on the website or Facebook until the Head of School has said yes" is the head approving both', () => {
    const found = proposals('Nothing goes on the school website or Facebook until the Head of School has said yes.');
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('"…until a parent has said yes" is no approval by the head', () => {
    expect(proposals('Nothing goes on Facebook until a parent has said yes on the form.')).not.toHaveProperty([
      'photos.channels.social-media.headteacherApproval',
    ]);
  });
});

describe('who decides about the filter, in more words', () => {
  it('"Only the DSL can approve a change to what is filtered" decides both ways', () => {
    const found = proposals('Only the DSL can approve a change to what is filtered.');
    expect(found).toHaveProperty(['decisions.unblock'], ['dsl']);
    expect(found).toHaveProperty(['decisions.blockedContentRequests'], ['dsl']);
  });

  it('"Decisions about what is blocked or allowed are made by the Designated Safeguarding Lead"', () => {
    expect(proposals('Decisions about what is blocked or allowed are made by the Designated Safeguarding Lead.')).toHaveProperty(
      ['decisions.blockedContentRequests'],
      ['dsl'],
    );
  });

  it('"Changes to filtering are the Principal’s decision"', () => {
    expect(proposals("Changes to the web filtering are the Principal's decision.")).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('the same two people named in another order in two sentences agree', () => {
    const text = [
      'Requests to unblock a website are decided by the DSL and the Headteacher together.',
      '',
      'Any request to unblock a site is decided by the Headteacher and the DSL.',
    ].join('\n');
    expect([...((proposals(text)['decisions.unblock'] as string[] | undefined) ?? [])].sort()).toEqual(['dsl', 'headteacher']);
  });

  it('filtering reports "showing what is blocked" approved by the DSL decide no request', () => {
    expect(proposals('Filtering reports showing what is blocked are reviewed and approved by the DSL each term.')).not.toHaveProperty(['decisions.unblock']);
  });

  it('what is filtered, with no decision, settles nothing', () => {
    expect(proposals('The DSL is told each week about what is blocked and what pupils tried to reach.')).not.toHaveProperty(['decisions.unblock']);
  });
});

describe('who makes the decision on blocked websites', () => {
  it('"The Headteacher makes the final decision on blocked websites"', () => {
    expect(proposals('The Headteacher makes the final decision on blocked websites.')).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });
});
