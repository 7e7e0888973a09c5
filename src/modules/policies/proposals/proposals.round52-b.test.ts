/**
 * The thirty-eighth session's consent readings: a school that runs no social media, said with a list of networks; pupils
 * whose parents have given consent; the school's own accounts named the sentence before.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('no social media, said with the networks listed', () => {
  it('"The academy does not run a TikTok, Instagram, X (Twitter) or other social media account" is no social media use', () => {
    expect(proposals('The academy does not run a TikTok, Instagram, X (Twitter) or other social media account.')).toHaveProperty(
      ['consent.purposes.social-media.active'],
      false,
    );
  });

  it('"We do not have a school Instagram page" is no social media use either', () => {
    expect(proposals('We do not have a school Instagram page.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });

  it('"Pupils do not have a Facebook or other social media account at school" says nothing of the school\'s own', () => {
    expect(proposals('Pupils do not have a Facebook or other social media account at school.')).not.toHaveProperty(['consent.purposes.social-media.active']);
  });
});

describe('pupils whose parents have given consent', () => {
  it('"We will only include children whose parents have given consent for the press" asks about the press', () => {
    expect(proposals('When a newspaper visits, we will only include children whose parents have given consent for the press.')).toHaveProperty(
      ['consent.purposes.press.active'],
      true,
    );
  });

  it("the school's own accounts the sentence before, and a rule joined after the consent: both read", () => {
    const text =
      "We use our official X and YouTube accounts to share pupils' successes. We only use photographs of pupils whose carers have given consent on the admission form, and we do not keep them after pupils leave.";
    expect(proposals(text)).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('"…whose parents have given consent" with no use named near it asks about nothing', () => {
    const text = 'We take pictures in lessons. We only use photographs of pupils whose parents have given consent.';
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('consent.purposes.'))).toEqual([]);
  });

  it('"…whose parents have not given consent" is no use asked about', () => {
    const text = 'We will only include children whose parents have not given consent in the local newspaper.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.press.active']);
  });
});

describe("a model policy's choices left to the school", () => {
  it('"[on entry / each September]" settles nothing, and the sentence after it still does', () => {
    const text =
      '11.2 Parents complete the consent form when their child joins the school [on entry / each September]. Consent remains in place until the child leaves the school unless a parent changes it.';
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"reviewed [annually / every two years]" sets no interval', () => {
    expect(proposals('13.2 This policy will be reviewed [annually / every two years] by the DSL.')).not.toHaveProperty(['policyReview.intervalMonths']);
  });

  it('a header\'s "Next review due | [November 2025 / November 2026]" sets no interval', () => {
    const text = [
      '| Approved by | Full Governing Body |',
      '|---|---|',
      '| Date approved | 14 November 2024 |',
      '| Next review due | [November 2025 / November 2026] |',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });

  it('a header with one next review date still sets the interval', () => {
    const text = ['| Approved by | Full Governing Body |', '|---|---|', '| Date approved | 14 November 2024 |', '| Next review due | November 2025 |'].join(
      '\n',
    );
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });
});

describe('the social media minimum age', () => {
  it('"…say that users must be at least 13 years old. All of our pupils are under 13, so we do not expect…" holds pupils to 13', () => {
    const text =
      'Most social media apps, including Instagram and TikTok, say that users must be at least 13 years old. All of our pupils are under 13, so we do not expect any of them to have their own accounts.';
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"…minimum age of 13. WhatsApp\'s minimum age in the UK is 13. We therefore do not expect any of our pupils to have accounts"', () => {
    const text =
      "Most social media platforms set a minimum age of 13. WhatsApp's minimum age in the UK is 13. We therefore do not expect any of our pupils to have their own social media accounts.";
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"The school will not use any social media service with pupils below the age set by that service" after the terms', () => {
    const text =
      'Most social media services have a minimum age of 13. The school will not use any social media service with pupils below the age set by that service.';
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"We remind parents that most social media apps have a minimum age of 13" is a reminder to families, no rule', () => {
    const text = 'We remind parents that most social media apps have a minimum age of 13, and that children need help to stay safe online.';
    expect(proposals(text)).not.toHaveProperty(['ageLimits.socialMediaMinimumAge']);
  });

  it("\"I'd just remind you that WhatsApp's minimum age in the UK is 13\" is a letter's reminder, no rule", () => {
    expect(proposals("I'd just remind you that WhatsApp's minimum age in the UK is 13.")).not.toHaveProperty(['ageLimits.socialMediaMinimumAge']);
  });
});

describe('occasions listed under a heading that refuses photographs', () => {
  it('"Times when photographs are not taken" over "- At the swimming pool" and "- During assemblies"', () => {
    const text = ['Times when photographs are not taken', '  - At the swimming pool – no exceptions.', '  - During assemblies.'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.prohibitedContexts'], ['swimming', 'assembly']);
  });

  it('"WE WON\'T…" over "• Take photos of children swimming or getting changed"', () => {
    const text = ["WE WON'T…", '', '• Take photos of children swimming or getting changed.'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('a heading that only names the occasions ("Photographs at swimming") refuses nothing', () => {
    const text = ['Photographs at swimming and sports day', '  - Parents may take photographs of their own child.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.prohibitedContexts']);
  });
});
