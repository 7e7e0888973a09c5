/**
 * The thirty-first session's readings of names in the press, and of a model policy's notes: a form's line "the newspaper
 * may print my child's first name and surname" (a full name, asked about), "Full name may be given to the press", a line
 * of a page titled as a form with no boxes of its own; and "[Template guidance: …]" left for whoever adopts the model,
 * which is no rule of the school's.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { proposeSettings } from './engine.ts';

describe('the press printing a full name, on a consent form', () => {
  it('"first name and surname" is a full name', () => {
    const text = [
      'Photograph consent',
      '',
      '| 5 | Local newspapers when a reporter visits | ☐ | ☐ |',
      "| 6 | If YES to 5: the paper may print my child's first name and surname with the photo | ☐ | ☐ |",
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"Full name may be given to the press"', () => {
    const text = ['Media consent', '', '11. Full name may be given to the press with the photograph    [ ]    [ ]'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('a line of a page titled as a form, its boxes on the next line', () => {
    const text = [
      'Photograph Permission Form',
      '',
      'Please answer each question.',
      '',
      '5. Local newspapers',
      "(the newspaper may print your child's full name)",
      '',
      'Yes ☐      No ☐',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('a policy saying the paper may print first names is no form', () => {
    const text = ['Use of images policy', '', 'When the local newspaper visits, it may print the first names of the pupils in the photograph.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });
});

describe('what the press wants, and the family asked in the next sentence', () => {
  it('"Newspapers usually want full names. We will always ask you first…"', () => {
    const text = 'Newspapers usually want full names. We will always ask you before a story about your child goes to the paper.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"…ask for full names – we only give these where the family has said yes"', () => {
    const text = '- The local paper will often ask for full names – we only give these where the family has said yes on the form.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('"Only if the student has box C…"', () => {
    const text = '- Newspapers: the Echo usually wants full names. Only if the student has box C, and the parent must also confirm by email.';
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('what the press wants, and the next sentence about something else, is nothing', () => {
    const text = 'Newspapers usually want full names. We will always ask you to sign the form before the end of term.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming']);
  });
});

describe("a model policy's notes to whoever adopts it", () => {
  it('"[Template guidance: …]" is no rule', () => {
    const text = [
      'Photography policy',
      '',
      '6.1 Naming',
      'We use first names only in the newsletter.',
      '',
      '[Template guidance: some schools allow full names in the local press for achievements, but only with the',
      "parents' specific consent. Delete if not applicable.]",
    ].join('\n');
    const found = proposals(text);
    expect(found).not.toHaveProperty(['photos.channels.press.naming']);
    expect(found).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('"[insert …]" is no use of photographs', () => {
    const text = [
      'Photography policy',
      '',
      '7.4 Staff use school cameras and iPads; images are deleted from devices within 24 hours.',
      '',
      '7.5 [insert any additional local arrangements for the official school photographer]',
      '',
      '7.6 Parents may take photographs at school performances for their own family use.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.class-photo.active']);
  });

  it('the lines after a note keep their numbers', () => {
    const text = [
      'Photography policy',
      '',
      '[Guidance note: choose the wording',
      'that suits your setting.]',
      '',
      'Full names are never used with photographs in the newsletter.',
    ].join('\n');
    const found = proposeSettings(text).proposals;
    expect(found.find((p) => p.setting === 'photos.channels.newsletter.naming')?.line).toBe(6);
  });

  it("a bracket that is the school's own words still reads", () => {
    const text = 'Photographs in the newsletter [first names only] are checked by the Headteacher before they go out.';
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.headteacherApproval'], true);
  });
});

describe('the regional press, and particular pupils', () => {
  it('"the local or regional press" is the press, not the channel of the sentence before', () => {
    const text = [
      '6.6 Naming students. Students must not be identified by their full name alongside a photograph on social media or websites.',
      "Where the local or regional press wish to publish a student's full name with a photograph, separate specific consent must be obtained for that occasion.",
    ].join(' ');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.press.naming'], 'full-with-permission');
  });

  it('pupils on a "No Photo / No Name" list are not the channel\'s rule', () => {
    const text = [
      'Social media',
      '',
      "We do not give pupils' full names in social media posts. A first name may be used with a photograph.",
      'Pupils on the No Photo / No Name list are not named or pictured at all.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });

  it('pupils on the consent list are everyone the channel shows: its rule still reads', () => {
    const text = "Only children on the consent list are photographed for the website, and pupils' full names are never used on the website.";
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});
