/**
 * The thirty-eighth session's readings of who approves what goes out: "nothing is posted without…" under sentences that
 * name the channels, and the head who looks at a post and agrees it.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('nothing goes out without the head, on the channels the sentences before name', () => {
  it('"Nothing is posted without the approval of the Head" after a sentence naming the website and Facebook: both, and publishing', () => {
    const text = [
      '8.1 Our website and our Facebook page share news of the children with families.',
      '',
      '8.2 Items for the website and the Facebook page are put up by the office staff or by a teacher with editing rights. Nothing is posted without the approval of the Head.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });

  it('"Nothing goes up on either without being approved by the Principal" after one sentence for each channel', () => {
    const text = [
      'Who looks after them. The school website is kept up to date by the Principal. The Instagram account is run by the Principal and one teacher chosen each year. Nothing goes up on either without being approved by the Principal.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('with no channel named near it, "nothing is posted without…" sets no channel', () => {
    const text = 'Pupils may write for the class blog. Nothing is posted without the approval of the Headteacher.';
    const found = proposals(text);
    expect(Object.keys(found).filter((k) => k.endsWith('.headteacherApproval'))).toEqual([]);
  });

  it('"nothing is posted without the approval of a parent" gives the head nothing', () => {
    const text = 'The website and the Facebook page show pupils at work. Nothing is posted without the approval of a parent.';
    const found = proposals(text);
    expect(Object.keys(found).filter((k) => k.endsWith('.headteacherApproval'))).toEqual([]);
    expect(found).not.toHaveProperty(['decisions.photoPublication']);
  });
});

describe('the head who looks at a post and agrees it', () => {
  it('"only after the Headteacher has looked at the post and agreed it" is the head approving each post on that channel', () => {
    const text =
      'Only the school secretary posts on our Facebook page, and only after the Headteacher (or the Deputy Headteacher when she is out) has looked at the post and agreed it.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('"…until the Executive Headteacher, or the Head of School of the site it concerns, has read it and approved it" is no one head\'s approval', () => {
    const text =
      'Staff may draft posts, but nothing goes onto the Facebook page until the Executive Headteacher, or the Head of School of the site it concerns, has read it and approved it.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});

describe('a stand-in named before the sentence goes on', () => {
  it('"…approved by the Head or, in his absence, the Deputy Head before it is posted" is the head deciding what is published', () => {
    const text =
      '6.4 The office posts our news. Every post that includes a photograph of a pupil is checked against the consent list and approved by the Head or, in his absence, the Deputy Head before it is posted.';
    expect(proposals(text)).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });
});

describe('printed material is both printed channels', () => {
  it('"The Head of School approves … its printed material" is the head approving the newsletter and the prospectus', () => {
    const text = 'The Head of School approves everything the academy publishes in its printed material.';
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.newsletter.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.prospectus.headteacherApproval'], true);
  });
});

describe("a model policy's note to schools in italics", () => {
  it('"*Diocesan guidance note: … others use no names at all.*" sets no naming rule, and the rule above it stands', () => {
    const text = [
      '7.3 In the newsletter, a first name may be used with a photograph.',
      '',
      "*Diocesan guidance note: Schools may wish to set out here whether pupils' names are used with images in the school's prospectus. Some schools prefer first names; others use no names at all.*",
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
    expect(found).not.toHaveProperty(['photos.channels.prospectus.naming']);
  });

  it("a sentence in italics that is the school's own rule is still read", () => {
    const text = '*No photographs are taken at swimming lessons.*';
    expect(proposals(text)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });
});

describe('who decides a request to open a blocked site', () => {
  it('"…are made to the Business Manager, and the DSL decides whether it may be opened": the DSL, not the one asked', () => {
    const text = 'Requests for a blocked website to be opened are made to the Bursar, and the DSL decides whether it may be opened.';
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['dsl']);
  });

  it('"The Headteacher then decides whether the site may be unblocked"', () => {
    const text = 'The Network Manager checks each request for security risks. The Headteacher then decides whether the site may be unblocked.';
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('"…and she will pass it to the Headteacher, who decides" is still the head', () => {
    const text =
      'If you need a site unblocked, e-mail the Computing Lead with the address and the reason, and she will pass it to the Headteacher, who decides.';
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });
});

describe('a subject shared by both halves of a sentence', () => {
  it('"The Deputy Headteacher manages the website, and checks every image before it is published" is the deputy deciding', () => {
    const text = 'The Deputy Headteacher manages the school website day to day, and checks every image before it is published.';
    expect(proposals(text)).toHaveProperty(['decisions.photoPublication'], ['deputy-headteacher']);
  });
});
