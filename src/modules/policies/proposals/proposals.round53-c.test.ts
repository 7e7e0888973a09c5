/**
 * The thirty-ninth session's readings of a page the head writes: "tell me" and "let me know" on a page the head signs, and
 * the head who "checks posts before they go live" in a clause of their own.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"me" on a page the head signs', () => {
  const signed = (body: string) => ['Dear colleagues,', '', body, '', 'Best wishes,', '', 'Joanne Pettifer', 'Headteacher'].join('\n');

  it('"If you see a post about the school, let me know rather than replying" signed by the Headteacher: the head is told', () => {
    expect(proposals(signed('If you see offensive posts about the school online, please let me know rather than replying.'))).toHaveProperty(
      ['concerns.routes.disparaging-content.notify'],
      ['headteacher'],
    );
  });

  it('"Signed: J. Okonkwo-Hale, Headteacher" at the foot of a policy signs it too', () => {
    const text = ['Concerns about a member of staff come to me, not the DSL.', '', 'Signed: J. Okonkwo-Hale, Headteacher'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"…shared with me, as Designated Safeguarding Lead" names the post itself: the DSL alone', () => {
    const text = signed("Any concern about a child's safety should be shared with me, as Designated Safeguarding Lead, or with Mrs Kaur, our Deputy DSL.");
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"If a pupil tells me something that worries me" in an agreement is its signer being told, not the head', () => {
    const text = signed('If a pupil tells me something that worries me about their safety online, I will report it to the DSL immediately.');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('a page the Deputy Headteacher signs leaves "me" alone', () => {
    const text = [
      'If you see offensive posts about the school online, please let me know rather than replying.',
      '',
      'Best wishes,',
      '',
      'Sam Hale',
      'Deputy Headteacher',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });

  it('"Report to the Headteacher" on a line of its own signs nothing', () => {
    const text = ['If you see offensive posts about the school online, please let me know rather than replying.', '', 'Report to the Headteacher'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });

  it('a page no head signs leaves "me" alone', () => {
    const text = ['If you see offensive posts about the school online, please let me know rather than replying.', '', 'Mrs A. Patel', 'Office Manager'].join(
      '\n',
    );
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });
});

describe('concerns that "come to" someone', () => {
  it('"Concerns about a member of staff … come to the Headteacher and not to the DSL": the head alone', () => {
    const text = 'Concerns about a member of staff, including how they use social media with children, come to the Headteacher and not to the DSL.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"…will come to the weekly safeguarding meeting (Head, DSL, deputies)" is a meeting, not someone told', () => {
    const text = "Any concern about a child's safety online that is not urgent will come to the weekly safeguarding meeting (Head, DSL, deputies).";
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('"Pupils come to the Headteacher" is no telling', () => {
    expect(proposals('If pupils see something upsetting online at home, pupils come to the Headteacher at break to talk about it.')).not.toHaveProperty([
      'concerns.routes.inappropriate-content.notify',
    ]);
  });

  it('"When it comes to the Headteacher…" is no telling', () => {
    expect(proposals('When it comes to the Headteacher, offensive posts about the school are answered by the governors.')).not.toHaveProperty([
      'concerns.routes.disparaging-content.notify',
    ]);
  });
});

describe('the head who checks posts in a clause of their own', () => {
  it('"…send it to the School Business Manager, and the Headteacher checks posts before they go live" under a paragraph about the Facebook page', () => {
    const text =
      'The school Facebook page is used to share news with parents. Only the Headteacher and the School Business Manager are administrators. Staff who want something posted send it to the School Business Manager, and the Headteacher checks posts before they go live.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('"…and the Headteacher checks posts weekly for comments" is a look afterwards, not an approval', () => {
    const text =
      'The school Facebook page is used to share news with parents. The office posts the news, and the Headteacher checks posts weekly for comments.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});
