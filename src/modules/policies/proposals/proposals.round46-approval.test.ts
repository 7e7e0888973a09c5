/**
 * The thirty-second session's readings of who approves what the school posts: "Posts are approved by the Headteacher
 * before they go out" under a heading that names the channel (the head alone, nothing let through); posts written by one
 * person and approved by the head; several channels named in the paragraph itself; and the paragraph's own channel
 * nearer than its heading's.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('posts in scope approved by the head', () => {
  it('"Posts about pupils are approved by the Principal before they go out" under "Social media"', () => {
    const text = ['Social media', '', 'Posts about pupils are approved by the Principal (or the deputy in her absence) before they go out.'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('posts written by one person and approved by the head', () => {
    const text = ['Our Instagram account', '', 'Posts are drafted by the office manager and approved by the Head Teacher before they are posted.'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('not when routine posts are let through', () => {
    const text = ['Social media', '', 'Posts are approved by the headteacher before they go live, apart from routine reminders.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });

  it('not when someone else approves as well', () => {
    const text = ['Social media', '', 'Posts are approved by the Marketing Officer or a member of SLT before they go out.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});

describe('several channels in the paragraph', () => {
  it('each channel the paragraph names carries the approval', () => {
    const text =
      'We have a school Instagram account as well as this website. Posts are usually written by the office. Every post must be checked by the Head of School, or by the Executive Head if he is not available, before it goes live.';
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('a heading that names two channels is no one channel', () => {
    const text = ['## 9. The school website and Facebook page', '', '9.2 Every post must be checked and agreed by the Headteacher before it goes live.'].join(
      '\n',
    );
    const found = proposals(text);
    expect(found).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
    expect(found).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });

  it("the paragraph's own channel is nearer than its heading's", () => {
    const text = [
      'School website and social media',
      '',
      'Since 2022 the school has had an Instagram account to share news with families. Posts are written by the Business Manager and approved by the Headteacher before they are posted.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });
});

describe('posts published once the head has approved them', () => {
  it('"Posts are drafted by class teachers and are only published once they have been approved by the Headteacher or, in her absence, the Deputy"', () => {
    const text = [
      "7.3 The school has an Instagram account, used to celebrate pupils' learning.",
      'Posts are drafted by class teachers and are only published once they have been approved by the Headteacher or, in her absence, the Deputy Headteacher.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('posts prepared by one person that must be approved by the head, a stand-in apart', () => {
    const text =
      '4.2 Facebook page. The school has one Facebook page. Posts are prepared by the School Business Manager and must be approved by the Principal, or by the Vice Principal when the Principal is not in school, before they are published.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });
});

describe('the review of the whole change', () => {
  it('a channel the paragraph says the school has is in scope, with an opening phrase and "has had"', () => {
    const text = [
      'School website and social media',
      '',
      'Since 2022 the school has had an Instagram account. Posts are written by the office and approved by the Headteacher before they are posted.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('a display named beside the one channel that carries posts leaves that channel', () => {
    const text =
      'We have a school Instagram account and a display board in the hall. Posts are usually written by the office. Every post must be checked by the Head of School before it goes live.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });
});

describe('a list item with no channel near', () => {
  it('takes the one channel its earlier items name', () => {
    const text = [
      '**School accounts**',
      '',
      '- The school has one Instagram account.',
      '- The office manager writes and posts.',
      '- Every post is approved by the Head of School first.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('not when the earlier items name two channels', () => {
    const text = ['**School accounts**', '', '- We have a website and an Instagram account.', '- Every post is approved by the Head of School first.'].join(
      '\n',
    );
    const found = proposals(text);
    expect(found).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
    expect(found).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });
});
