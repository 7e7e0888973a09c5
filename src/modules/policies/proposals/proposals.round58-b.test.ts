/**
 * The forty-fourth session: who approves posts, said with the approver first and no channel ("The Headteacher approves
 * every post" in a paragraph about the Facebook page and website), and who decides the filter: "All filtering changes go
 * through the DSL and Head", "Any change to the school's filtering level is a decision for the Principal".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"The Headteacher approves every post" in a paragraph that names the channels', () => {
  it('both channels the paragraph names, and publishing as a whole', () => {
    const text =
      "Only the Headteacher, the SBM and the Office Manager post on the school's Facebook page and website. Staff who would like something posted should send it to the office. The Headteacher approves every post.";
    expect(proposals(text)).toMatchObject({
      'photos.channels.social-media.headteacherApproval': true,
      'photos.channels.website.headteacherApproval': true,
      'decisions.photoPublication': ['headteacher'],
    });
  });

  it('"The Principal approves all posts." after a sentence about the Facebook page', () => {
    const text = 'Our Facebook page is run by the office. The Principal approves all posts.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('with no channel anywhere, an approval of every post proposes no channel', () => {
    const text = 'The Headteacher approves every post.';
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('photos.channels.'))).toEqual([]);
  });

  it('approving posts "weekly" after they are up decides nothing', () => {
    const text = 'Our Facebook page is run by the office. The Headteacher checks posts weekly for comments.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });

  it("posts others make, on a learning platform, a class group or the PTA's own page, are no school channel's", () => {
    for (const text of [
      ['# Social Media Policy', '', '## Learning platforms', '', 'Pupils share their work with parents on Seesaw. The Headteacher approves all posts.'].join(
        '\n',
      ),
      'Parents can post on the class Facebook group. The Headteacher approves every post.',
      'The PTA runs its own Facebook page; the Headteacher approves all posts.',
      'Pupils in Year 6 run the school newspaper, which is published on the website. The Headteacher approves every post.',
    ])
      expect(
        Object.keys(proposals(text)).filter((k) => /headteacherApproval|photoPublication/.test(k)),
        text,
      ).toEqual([]);
  });

  it('"The Headteacher usually approves all posts" is no rule', () => {
    const text = 'Our Facebook page is run by the office. The Headteacher usually approves all posts.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});

describe('whom filtering changes go through, and whose decision a change is', () => {
  it('"All filtering changes go through the DSL and Head": both, both ways', () => {
    const text = 'Do not ask the technician to unblock or block sites yourself. All filtering changes go through the DSL and Head.';
    expect(proposals(text)).toMatchObject({ 'decisions.unblock': ['dsl', 'headteacher'], 'decisions.blockedContentRequests': ['dsl', 'headteacher'] });
  });

  it('"…go through the online safety coordinator\'s inbox": an inbox decides nothing', () => {
    const text = "Requests to unblock a site go through the online safety coordinator's inbox.";
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });

  it('changes that go through someone in a clause of their own, or on to someone else, name no decider', () => {
    for (const text of [
      'Filtering changes that go through the technician are logged.',
      'Requests to unblock sites which go through the DSL are logged on CPOMS.',
      'Requests to unblock a site go through the class teacher to the technician.',
      'Requests to unblock a website go through the technician, who checks them with the DSL.',
    ])
      expect(proposals(text), text).not.toHaveProperty(['decisions.unblock']);
  });

  it('"Web filtering changes go through the Headteacher, the DSL and the technician": all three', () => {
    const text = 'Web filtering changes go through the Headteacher, the DSL and the technician.';
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['headteacher', 'dsl', 'ict-lead']);
  });

  it('"Any change to the school\'s filtering level is a decision for the Principal, having consulted the ICT Co-ordinator"', () => {
    const text = "2.2 Any change to the school's filtering level is a decision for the Principal, having consulted the ICT Co-ordinator.";
    expect(proposals(text)).toMatchObject({ 'decisions.unblock': ['headteacher'], 'decisions.blockedContentRequests': ['headteacher'] });
  });

  it('"…is a matter for the Network Manager" about unblocking', () => {
    const text = 'Unblocking a website for a lesson is a matter for the Network Manager.';
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['ict-lead']);
  });

  it('a change to the filtering that is a decision for the trust names no school post', () => {
    const text = 'Any change to the filtering level is a decision for the Trust.';
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });

  it('misconduct with the filter that is "a matter for the Headteacher" decides no request', () => {
    for (const text of [
      'Unauthorised changes to the filtering settings are a matter for the Headteacher.',
      'Any attempt by staff to make changes to the filtering themselves is a matter for the Headteacher.',
      'Changes to the filtering that reveal criminal activity are a matter for the police and the Headteacher.',
    ])
      expect(proposals(text), text).not.toHaveProperty(['decisions.unblock']);
  });
});
