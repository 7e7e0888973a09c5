/**
 * The forty-third session: who approves, said before what is approved ("Before anything is posted …, it must be approved
 * by…"), or after when ("approved before publication by…"); and an opening of the filter that waits for someone's own
 * approval ("only with the DSL's approval", "the Headteacher must agree before…").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the approval said before what it approves', () => {
  it('"Before anything is posted on the school’s social media accounts, it must be approved by the Deputy Headteacher"', () => {
    const found = proposals("Before anything is posted on the school's social media accounts, it must be approved by the Deputy Headteacher.");
    expect(found).toHaveProperty(['decisions.photoPublication'], ['deputy-headteacher']);
    // (The posts are approved, not the account.)
    expect(found).not.toHaveProperty(['decisions.accounts']);
  });

  it('"…before any photograph is published on the website it must be approved by the Headteacher" is the head’s approval there', () => {
    const text = 'Staff may suggest pictures, but before any photograph is published on the website it must be approved by the Headteacher.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('"Any post showing an image of a pupil must be approved before publication by a member of the senior leadership team"', () => {
    const text = 'Any post showing an image of a pupil must be approved before publication by a member of the senior leadership team.';
    expect(proposals(text)).toHaveProperty(['decisions.photoPublication'], ['senior-leader']);
  });

  it('a check before publication by someone no key names leaves the later approval', () => {
    const text =
      'Departmental posts are checked before publication by the Head of Department; posts that include a photograph of a pupil must also be approved by the Deputy Headteacher or the E-Safety Officer.';
    expect(proposals(text)).toHaveProperty(['decisions.photoPublication'], ['deputy-headteacher', 'ict-lead']);
  });
});

describe('an opening of the filter that waits for someone’s own approval', () => {
  it('"Blocked sites are unblocked only with the DSL’s approval"', () => {
    expect(proposals("Blocked sites are unblocked only with the DSL's approval.")).toHaveProperty(['decisions.unblock'], ['dsl']);
  });

  it('"The Headteacher must agree before any website is unblocked for pupils"', () => {
    expect(proposals('The Headteacher must agree before any website is unblocked for pupils.')).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('a family’s agreement is no one’s decision on the filter', () => {
    expect(proposals("Sites are unblocked only with the parents' agreement.")).not.toHaveProperty(['decisions.unblock']);
  });

  it('an approval on a condition leaves the one who decides', () => {
    const text = "The IT Manager decides on unblocking requests, with the DSL's agreement where a request raises a safeguarding concern.";
    expect(proposals(text)).toHaveProperty(['decisions.unblock'], ['ict-lead']);
  });

  it('"Before any image of a pupil is posted on a class account, it must be approved by the Headteacher": the posts, not the account', () => {
    const found = proposals('Before any image of a pupil is posted on a class account, it must be approved by the Headteacher.');
    expect(found).not.toHaveProperty(['decisions.accounts']);
    expect(found).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });
});
