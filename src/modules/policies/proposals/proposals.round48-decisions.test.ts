/**
 * The thirty-fourth session's reading of who decides when one person checks and another approves: "…is checked by the
 * Online Safety Lead and must be approved by the Headteacher before it is published". The one who approves decides.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const page = (heading: string, rule: string) => ['Images Policy', '', heading, '', rule].join('\n');

describe('checked by one, approved by another: the approver decides', () => {
  it.each([
    'All content for the website is checked by the Online Safety Lead and must be approved by the Headteacher before it is published.',
    'Every post on the school website is checked by the office manager and then approved by the Head Teacher before it goes live.',
    'All material for the website is checked by the Computing Lead and must be signed off by the Principal before it is published.',
  ])('%s', (rule) => {
    const read = proposals(page('5. The school website', rule));
    expect(read).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(read['decisions.photoPublication'] ?? []).not.toContain('ict-lead');
  });

  it.each([
    'All photographs are checked by the Headteacher before they go on the school website, with the consent of parents.',
    'Every post on the school website is checked by the Headteacher, including photographs taken by staff on trips.',
    'Every post on the school website is checked by the Headteacher, as agreed by the governing body in 2023.',
  ])('a later "by" that names no one approving leaves the check as the decision: %s', (rule) => {
    expect(proposals(page('5. The school website', rule))).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('a check with no one approving is still who decides', () => {
    const read = proposals(page('5. The school website', 'Every post on the school website is checked by the Computing Lead before it is published.'));
    expect(read).toHaveProperty(['decisions.photoPublication'], ['ict-lead']);
    expect(read).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });

  it('approved by someone other than the head is no head’s approval', () => {
    const read = proposals(
      page(
        '5. The school website',
        'All content for the website is checked by the Headteacher and must be approved by the Computing Lead before it is published.',
      ),
    );
    expect(read).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });
});

describe('new accounts, whose the heading or the paragraph says', () => {
  it.each([
    ['9. Official accounts', 'New accounts may only be set up with the written approval of the Principal.', ['headteacher']],
    [
      '8. Social media',
      'The Academy runs official accounts on Facebook and Instagram. Only the office may post to them. New accounts (for a department, a club or a trip) need the Headteacher’s approval.',
      ['headteacher'],
    ],
  ])('%s / %s', (heading, rule, roles) => {
    expect(proposals(page(heading, rule))).toHaveProperty(['decisions.accounts'], roles);
  });

  it('new accounts under a heading about staff’s own social media are no school’s', () => {
    expect(
      proposals(page('7. Staff’s own social media', 'Staff who open new accounts should tell their line manager and keep them private.')),
    ).not.toHaveProperty(['decisions.accounts']);
  });
});
