/**
 * The twenty-fifth session's readings of naming rules: a list labelled "X:", and names that are no caption (on clothes,
 * or in a rule of conduct that names no one).
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a list item labelled with the channel', () => {
  it('"X: photos only, no names." is the X account’s rule, not the website’s', () => {
    const read = proposals(
      '**Our website and social media**\n\nOur school website, X account and Facebook page are public.\n\n - X: photos only, no names.\n - Website: photos, and a first name and class may be used.',
    );
    expect(read).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    expect(read).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});

describe('names that are no caption', () => {
  it('"navy fleeces with no names in" says nothing of the newsletter’s photographs', () => {
    const read = proposals(
      '# Parent Bulletin\n\nIn this Bulletin we only ever use first names.\n\nLost property: we have six navy fleeces with no names in. Anything not collected by Friday goes to the PTA sale.',
    );
    expect(read).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('"never discuss pupils online, even without names" is conduct, not a naming rule', () => {
    const read = proposals(
      'Children are never named in a social media post, not even by first name.\n\nFirst names may be used under photographs on the school website.\n\nStaff must:\n\n- never discuss pupils, families or colleagues online, even without names;',
    );
    expect(read).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(read).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('but a photograph that shows a uniform badge is still about photographs', () => {
    const read = proposals('- School website: first name only, and never with a photograph that shows a school uniform badge and the pupil’s street.');
    expect(read).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});

describe('a noticeboard outside school is no display', () => {
  it('"on the church noticeboard" on a consent form asks for no display use', () => {
    const read = proposals('Photo consent form\n\nPlease tick yes or no for each use.\n\nIn the parish magazine / on the church noticeboard   [ ] Yes  [ ] No');
    expect(read).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('but the school’s own noticeboards are', () => {
    const read = proposals('We ask for your consent before we use photographs of your child on the school noticeboards.');
    expect(read).toHaveProperty(['consent.purposes.displays.active'], true);
  });
});

describe('a list of times photographs are never taken, with one item on a condition', () => {
  it('the other items are still refused ("…except as agreed with the DSL" on one item)', () => {
    const read = proposals(
      '7.2 When we will not take photos\n\nPhotos and videos will never be taken:\n- in toilets or changing areas\n- at the swimming pool during lessons\n- of pupils on the DSL’s confidential list, except as agreed with the DSL',
    );
    expect(read).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('but an occasion refused only with an exception is not ("in swimwear, except at a swimming gala")', () => {
    const read = proposals(
      'We will not photograph or film children:\n   - when they are getting changed, including for PE and swimming;\n   - in swimwear, except where a child is taking part in a swimming gala;\n   - when they are upset.',
    );
    expect(read).not.toHaveProperty(['photos.prohibitedContexts']);
  });

  it('getting changed "for PE, swimming or performances" bans swimming, not performances', () => {
    const read = proposals(
      'Photographs of pupils will never be taken:\n\n- in toilets, or while pupils are getting changed for PE, swimming or performances;\n- when a pupil is injured or upset.',
    );
    expect(read).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });
});
