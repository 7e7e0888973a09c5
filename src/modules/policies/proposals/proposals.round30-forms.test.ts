import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

/**
 * Round 30 (session 16): consent forms, signatures, who approves and decides, roles and first names, as the blind sets
 * of this session say them.
 */

describe('round 30: a consent form’s choices, in more layouts', () => {
  it.each([
    'Parents may choose separately whether the school may use their child’s image:\n  a) on the school website;\n  b) in the termly newsletter.',
    'We take photographs of students. Consent is asked for when a student joins. Families are asked separately about each of these uses:\n- the academy website;\n- the printed newsletter.',
    'Photographs of pupils\n\nThe consent form covers each use separately:\n  – photos on the school website\n  – photos in the newsletter',
    'For all other uses of photographs the academy will ask for consent. The form asks separately for consent to:\n  a) the academy website;\n  b) the academy newsletter.',
  ])('%s', (text) => expect(proposals(text)).toMatchObject({ 'consent.purposes.website.active': true, 'consent.purposes.publications.active': true }));

  it('a form converted with a cell to a line: each use keeps its tick boxes, as a row the carer marks', () => {
    const text = ['Use', 'YES', 'NO', 'School website (no names)', '[ ]', '[ ]', 'Newsletter (first name only)', '☐', '☐', '', 'Thank you.'].join('\n');
    expect(sentencesOf(text).map((s) => s.text)).toEqual([
      'Use',
      'YES',
      'NO',
      'School website (no names) [ ] [ ]',
      'Newsletter (first name only) ☐ ☐',
      'Thank you.',
    ]);
  });

  it('a choice that is a condition still reads nothing', () => {
    expect(proposals('If parents decide whether to allow photographs, the school will use images:\n  a) on the school website;')).not.toHaveProperty(
      'consent.purposes.website.active',
    );
  });
});

describe('round 30: signature lines in more layouts', () => {
  it.each([
    [
      'Signed: ____________________ (Chair of the Trust Board)\nSigned: ____________________ (Chief Executive Officer)',
      ['Chair of the Trust Board', 'Chief Executive Officer'],
    ],
    [
      'Signed: H. Ashdown, Executive Headteacher    Date: 14/03/2024\nSigned: R. Okafor, Chair of the Federation Governing Body    Date: 14/03/2024',
      ['Executive Headteacher', 'Chair of the Federation Governing Body'],
    ],
    [
      'Signed on behalf of the Governors:\n\nChair, Pastoral and Welfare Committee    ..........   Date ......\n\nHead                                     ..........   Date ......',
      ['Chair, Pastoral and Welfare Committee', 'Head'],
    ],
    [
      'Chair of the IEB: ________________________   Date: __________\n\nHeadteacher: ____________________________   Date: __________',
      ['Chair of the IEB', 'Headteacher'],
    ],
    ['Signed: *Chair of Governors*\n\nSigned: *Head*', ['Chair of Governors', 'Head']],
    ['Signed (Chairperson, Board of Governors): ____________\nSigned (Principal): ____________', ['Chairperson, Board of Governors', 'Principal']],
    ['Signed: ____ Principal and Chief Executive\nSigned: ____ Chair of the Corporation', ['Principal and Chief Executive', 'Chair of the Corporation']],
  ])('%s', (text, posts) => {
    const signed = proposals(text)['policyReview.signatories'] as string[];
    expect(signed.map((p) => p.toLowerCase())).toEqual(posts.map((p) => p.toLowerCase()));
  });

  it('a form’s field naming several posts is no signature line, and does not spoil the real ones', () => {
    const text =
      'Signed: ______ (Headteacher)   Date: ____\n\nSigned: ______ (Chair of Governors)   Date: ____\n\nIncident form\n\nReported to (DSL / Online Safety Lead / Headteacher): ______   Date/time: ____';
    expect(proposals(text)['policyReview.signatories']).toEqual(['Headteacher', 'Chair of governors']);
  });
});

describe('round 30: the head approves what is published', () => {
  it.each([
    ['Nothing is posted on the website until the Headteacher (or in her absence the Deputy Headteacher) has checked each photograph.', 'website'],
    [
      'No photograph goes on our Facebook page until it has been checked and approved by the Headteacher or, when she is out of school, the Deputy Headteacher.',
      'social-media',
    ],
    ['Images for the press are approved by the Headteacher.', 'press'],
    ['Our Facebook page\n\nEvery post that includes a photograph of children is approved by the Headteacher before it goes live.', 'social-media'],
  ])('%s', (text, channel) => expect(proposals(text)[`photos.channels.${channel}.headteacherApproval`]).toBe(true));

  it('another approval in the same sentence names no channel of its own', () => {
    const out = proposals('The Headteacher approves all photographs before they are used on the website, and agrees any visit from the press.');
    expect(out['photos.channels.website.headteacherApproval']).toBe(true);
    expect(out['photos.channels.press.headteacherApproval']).toBeUndefined();
  });

  it('a list of contacts with dot leaders is no signature block', () => {
    const text =
      'Signed: __________  Principal            Date: ________\n\nSigned: __________  Chair, Board of Governors   Date: ________\n\nKEY CONTACTS\n\nChair of the Board of Governors ........ Dr E. Boyd';
    expect(proposals(text)['policyReview.signatories']).toEqual(['Principal', 'Chair, board of governors']);
  });
});

describe('round 30: more names for roles, and who decides', () => {
  it.each([
    ['If a child has come across something unsuitable on a school device, report it to the Depute Head Teacher the same day.', ['deputy-headteacher']],
    ['If a pupil sees unsuitable content online, staff tell the Head of Centre straight away.', ['headteacher']],
    ['If a child sees unsuitable content on a nursery tablet, tell the Nursery Manager straight away.', ['headteacher']],
    ['If a pupil sees unsuitable content, tell the Digital Competence Co-ordinator the same day.', ['ict-lead']],
    ['If a pupil sees unsuitable content, tell the ICT Technician the same day.', ['ict-lead']],
  ])('%s', (text, roles) => expect(proposals(text)['concerns.routes.inappropriate-content.notify']).toEqual(roles));

  it('a deputy nursery manager is not the head', () => {
    expect(
      proposals('If a child sees unsuitable content, tell the Deputy Nursery Manager straight away.')['concerns.routes.inappropriate-content.notify'],
    ).toBeUndefined();
  });

  it.each([
    'The Digital Lead will look at the site and pass the request to the Headteacher; the Headteacher decides whether the school asks the local authority to unblock it.',
    'The Computing Lead will look at the site and pass the request to the Headteacher, who decides whether it should be unblocked.',
  ])('who decides, not who looks: %s', (text) => expect(proposals(text)['decisions.unblock']).toEqual(['headteacher']));

  it('a second clause with its own subject is not among those who agree', () => {
    const text =
      'A department which would like its own account must first have the written agreement of the Head Teacher, and the Depute Head Teacher must be given administrator access to it.';
    expect(proposals(text)['decisions.accounts']).toEqual(['headteacher']);
  });
});

describe('round 30: first names a channel may give', () => {
  it.each([
    ['First names may be used in the printed newsletter.', 'newsletter'],
    ['In the printed newsletter we use first names and year group.', 'newsletter'],
    ['Our newsletter\n\nWe may use a first name here.', 'newsletter'],
  ])('%s', (text, channel) => expect(proposals(text)[`photos.channels.${channel}.naming`]).toBe('first-names'));

  it.each([
    'We might use a first name in the newsletter.',
    'Children’s first names may be used with their work on classroom displays.',
    'We do not use first names in the newsletter.',
    'The newsletter uses first names and initials.',
  ])('no first-names rule from: %s', (text) => {
    const out = proposals(text);
    expect(Object.entries(out).filter(([k, v]) => k.endsWith('.naming') && v === 'first-names')).toEqual([]);
  });
});
