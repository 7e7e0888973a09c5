/**
 * The twenty-sixth session's reading of people named in place of their posts (people.roles.ts): a name the page gives
 * one post reads as that post; a name given two posts, or none, stays a name.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a name the page gives one post is read as that post', () => {
  it('"Our Headteacher, Mrs Garside, …" then "Mrs Garside approves every photograph before it goes on the website"', () => {
    const read = proposals(
      'Our Headteacher, Mrs Ann Garside, leads the school’s work on online safety.\n\nMrs Garside approves every photograph before it goes on the website.',
    );
    expect(read).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('"Mrs J. Okafor (Designated Safeguarding Lead)" then "…passed to Mrs Okafor immediately"', () => {
    const read = proposals(
      'Key people: Mrs J. Okafor (Designated Safeguarding Lead).\n\nAny child protection concern must be passed to Mrs Okafor immediately.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('"Our Online Safety Lead is Mr Dev Patel" then "…tell Mr Patel straight away"', () => {
    const read = proposals(
      'Our Online Safety Lead is Mr Dev Patel.\n\nIf you find an unsuitable website that the filter has not blocked, tell Mr Patel straight away.',
    );
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('a first name, "Jo is our Designated Safeguarding Lead"', () => {
    const read = proposals('Jo is our Designated Safeguarding Lead.\n\nIf a child discloses abuse, staff must tell Jo straight away.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });
});

describe('a name given two posts, or none, stays a name', () => {
  it('"Mrs Carter, Headteacher and Designated Safeguarding Lead"', () => {
    const read = proposals(
      'Mrs Carter, Headteacher and Designated Safeguarding Lead, leads on online safety.\n\nAny child protection concern must be passed to Mrs Carter immediately.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('the DSL whose own conduct goes to the chair of governors is the head as well', () => {
    const read = proposals(
      'If anything worries you about a child, tell the DSL (Mrs Ferris) at once.\n\nIf a member of staff’s conduct online worries you, tell Mrs Ferris. If it is about Mrs Ferris, tell the Chair of Governors.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });

  it('a name in a list after a post is not that post', () => {
    const read = proposals(
      'Staff should tell the DSL, Mrs Pearce and the class teacher about anything upsetting a pupil sees.\n\nMrs Pearce approves every photograph before it goes on the website.',
    );
    expect(read).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
    expect(read).not.toHaveProperty(['decisions.photoPublication']);
  });
});
