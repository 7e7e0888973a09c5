/**
 * The fortieth session's last readings: posts about staff in other words ("the target of online abuse by parents", "a post
 * criticising a named member of staff", "posts … that are abusive … about staff").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('posts about the school or its staff, in other words', () => {
  it('"Staff who are themselves the target of online abuse by students or parents should report it to their line manager and the Headteacher": posts about staff', () => {
    const text = 'Staff who are themselves the target of online abuse by students or parents should report it to their line manager and the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['line-manager', 'headteacher']);
  });

  it('"Staff must tell the Principal about any post criticising a named member of staff"', () => {
    const text = 'Staff must tell the Principal about any post criticising a named member of staff.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });

  it('"Posts on social media that are abusive or that name staff or pupils will be passed to the Headteacher"', () => {
    const text = 'Posts on social media that are abusive or that name staff or pupils will be passed to the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });

  it('abuse between pupils is still no post about staff: "a pupil who is the target of online abuse by pupils"', () => {
    const text = 'A pupil who is the target of online abuse by pupils in another class should tell their class teacher.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });
});
