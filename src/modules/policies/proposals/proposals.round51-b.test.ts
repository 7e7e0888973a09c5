/**
 * The thirty-seventh session's naming rules: full names only where the pupil agreed or a box was ticked, lifting a
 * first-names rule said beside it; photographs never used "with their name attached"; a rule whose channel is named only
 * in the reason for it ("Because it is published on the website, …").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('full names with the family’s or the pupil’s say', () => {
  it('"full names may be used … only where the pupil has agreed on the form" is full names with permission', () => {
    const text =
      'First names may be used on the school website, and full names may be used for major achievements (for example a county selection) only where the student has agreed on the form.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
  });

  it('a ticked box on the form lifts "first name only" said of the channel just before', () => {
    const text = [
      'Naming of pupils:',
      '- Website: first name and class only. Full names may be used on the website for sports results only where the "full name" box has been ticked.',
      '- Facebook: first name only.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });

  it('agreement by "the student (or parent, for under-16s)" counts', () => {
    const text =
      'On the website, full names may be used for prize winners where the student (or parent, for under-16s) has agreed to this on the consent form.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
  });

  it('two rules for two groups in one sentence lift nothing', () => {
    const text = [
      '8.5 The press',
      '8.5.1 Newspapers may photograph pupils only with the Head’s agreement and for pupils whose parents have said yes to the press question. Reporters usually want full names; for infant pupils we will only give first names, for junior pupils we will ask the family first.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming']);
  });

  it('staff’s full names with their own consent lift nothing for pupils', () => {
    const text = 'Website: first names only.\n\nStaff full names may appear on the website only where the member of staff has given written consent.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming'], 'full-with-permission');
  });

  it('the head’s agreement and the family’s together are the family’s say', () => {
    expect(proposals('Full names may be used on the website only where the Headteacher has agreed and parents have given consent.')).toHaveProperty(
      ['photos.channels.website.naming'],
      'full-with-permission',
    );
  });

  it('"full names may be used where the Headteacher agrees" is still not the family’s say', () => {
    expect(proposals('Full names may be used on the website only where the Headteacher has agreed.')).not.toHaveProperty(
      ['photos.channels.website.naming'],
      'full-with-permission',
    );
  });
});

describe('no names beside photographs, in other words', () => {
  it('"We do not use photographs … with their name attached" is no names on each channel named', () => {
    const found = proposals('We do not use photographs of pupils on our public website or social media with their name attached.');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('"Photographs on the website are never published with the pupil\'s name" is no names', () => {
    expect(proposals("Photographs on the website are never published with the pupil's name.")).toHaveProperty(['photos.channels.website.naming'], 'none');
  });

  it('"with their names attached" in a clause after ", and" is no ban', () => {
    const text = "We do not post photographs without consent, and class displays show pupils' work with their names attached.";
    expect(proposals(text)).not.toHaveProperty(['photos.channels.display.naming'], 'none');
  });

  it('"Because they are posted on our Facebook page, photographs carry no names" keeps its channel', () => {
    expect(proposals('Because they are posted on our Facebook page, photographs never carry pupils’ names.')).toHaveProperty(
      ['photos.channels.social-media.naming'],
      'none',
    );
  });

  it('a channel named only in the reason for a rule is not the rule’s channel', () => {
    const text =
      'Our weekly newsletter is emailed to families and placed on the website. Because it is published on the website, pupils are referred to by first name and class only.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});
