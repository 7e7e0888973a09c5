/**
 * The thirtieth session's readings of consent and concerns: consent "asked for separately" for the uses a sentence lists;
 * social media kept for communicating with pupils "or messaging apps"; one platform the school lacks ("We do not have a
 * Twitter account") beside another it asks consent for; a worry that a child "is being harmed" is a safeguarding concern.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('consent asked separately for each use', () => {
  it.each([
    'Consent is asked for separately for each way the school might use an image (display boards, website, social media, newsletter).',
    'Permission is sought separately for each use: display boards, the website, social media and the newsletter.',
  ])('"%s"', (sentence) => {
    const found = proposals(sentence);
    for (const use of ['displays', 'website', 'social-media', 'publications']) expect(found).toHaveProperty([`consent.purposes.${use}.active`], true);
  });

  it('"consent is not asked for separately" asks nothing', () => {
    const found = proposals('Consent is not asked for separately for the website and the newsletter.');
    expect(found).not.toHaveProperty(['consent.purposes.website.active']);
  });
});

describe('social media the school does not use', () => {
  it('with pupils, "or messaging apps", is contact, not the school\'s page', () => {
    const text = [
      'The school does not use social media or messaging apps to talk to pupils.',
      '',
      'The consent form asks separately about the school website and the school Facebook page.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('one platform it lacks, beside the page it asks consent for', () => {
    const text = [
      'The consent form asks separately about the school website and the school Facebook page.',
      '',
      'The school does not currently have an Instagram account.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('one platform it lacks, with nothing else said of social media, is still no social media', () => {
    expect(proposals('The school does not have a Facebook page.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });

  it('two platforms it lacks are no social media, whatever else the page says', () => {
    const text = ['We ask for consent for the website and social media.', '', 'The school does not have Facebook or Instagram accounts.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.social-media.active'], true);
  });
});

describe('a worry that a child is being harmed', () => {
  it.each([
    'If a child says something that makes staff worried they are being harmed, staff tell the DSL immediately.',
    'Staff who suspect a pupil is being abused, including online, must tell the Designated Safeguarding Lead straight away.',
  ])('"%s" is a safeguarding concern', (sentence) => {
    const found = proposals(sentence);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('a device worried about is not a child harmed', () => {
    expect(proposals('If staff are worried the tablet has been harmed, they tell the office straight away.')).not.toHaveProperty([
      'concerns.routes.safeguarding.notify',
    ]);
  });
});

describe('class photographs a family may keep their child out of', () => {
  it.each([
    'Individual and class photographs are taken once a year. Parents who do not want their child to appear in a class photograph should tell the class teacher.',
    'Individual portraits and the annual class photograph are taken by an external photographer under contract to the school. Families who do not wish their child to take part should let the office know.',
    'Class photographs are taken every summer. Families can opt their child out of the class photograph.',
  ])('"%s" is opt-out', (text) => {
    expect(proposals(text)).toHaveProperty(['consent.purposes.class-photo.basis'], 'opt-out');
  });

  it('an objection after a sentence that names no use sets nothing', () => {
    expect(proposals('Sports day is on 12 July. Parents who do not want their child to take part should tell the office.')).not.toHaveProperty([
      'consent.purposes.class-photo.basis',
    ]);
  });
});
