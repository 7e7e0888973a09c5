/**
 * The forty-fifth session: people named on a who's who list, a pupil who sees something they shouldn't, and a section
 * approved with the larger policy it belongs to. "- Computing lead: Miss Hannah Brierley (Year 4)" makes "tell Miss
 * Brierley" a telling of the computing lead; "a pupil sees something they shouldn't on a school iPad" is inappropriate
 * content; "This section is reviewed every year …, and the whole … Policy is … approved by the Full Governing Body" names
 * the body that approves the section too, and so does "Reviewed by the DT and agreed by the Board of Governors"; "No
 * pupil's name is used on the school website with an image" withholds names as "no child's name" always did; and
 * "Online grooming and sexual exploitation. Concerns must go to the DSL immediately." is the run-in heading's kind.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const whosWho = [
  "**Who's who**",
  '',
  '- DSL: Mr Dan Whitlock (Deputy Head), room 4, ext 204',
  '- Deputy DSLs: Mrs Joanna Okafor (Head), ext 201',
  '- Computing lead: Miss Hannah Brierley (Year 4)',
  '',
];

describe("a who's who list: each name read as the post its line is for", () => {
  it("the line's post, whether the brackets after the name hold another post or a class", () => {
    const text = [...whosWho, 'If a pupil sees something inappropriate on a school iPad, tell Miss Brierley and Mr Whitlock the same day.'].join('\n');
    expect(proposals(text)).toMatchObject({
      'concerns.routes.inappropriate-content.notify': ['ict-lead', 'dsl'],
      'concerns.routes.inappropriate-content.deadline': 'same-day',
    });
  });

  it("a deputy's line names a second post: the brackets' post stands", () => {
    const text = [...whosWho, 'If a pupil is being bullied online, tell Mrs Okafor.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['headteacher']);
  });

  it('a field that is not a post ("Approved by: …"): the post in brackets stands (a guard)', () => {
    const text = ['Approved by: Mrs Ruth Garside (Headteacher)', '', 'If a pupil is being bullied online, tell Mrs Garside.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['headteacher']);
  });

  // (The review's mend: only a label that is one post and nothing else is the line's post.)
  it.each([
    ['Backup DSL: Mrs Okafor (Headteacher)', 'Mrs Okafor', ['headteacher']],
    ['DDSL: Mrs Okafor (Headteacher)', 'Mrs Okafor', ['headteacher']],
    ['In the absence of the DSL: Mrs Okafor (Headteacher)', 'Mrs Okafor', ['headteacher']],
    ['Line manager: Mrs Okafor (Headteacher)', 'Mrs Okafor', ['headteacher']],
  ])('"%s": the brackets\' post, not the label\'s', (line, name, notify) => {
    const text = [line, '', `If a pupil is being bullied online, tell ${name}.`].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], notify);
  });

  it.each([
    'Concerns about the Headteacher: Mrs Ruth Garside (Chair of Governors)',
    'Headteacher / DSL: Mrs Ruth Garside (ext 201)',
    '- DSL: Mrs Ruth Garside (Deputy Head). She is also our Computing Lead.',
  ])('"%s": no one post, so the name stays a name', (line) => {
    const text = [line, '', 'If a pupil is being bullied online, tell Mrs Garside.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });
});

describe('a pupil who sees something they should not', () => {
  it('a scenario heading over the steps: inappropriate content, told the same day', () => {
    const text = [
      ...whosWho,
      "**…a pupil sees something they shouldn't on a school iPad or laptop**",
      '',
      "Turn the screen off (don't shut the device down). Reassure the child: it isn't their fault. Note the",
      'web address or the search and the time. Tell Miss Brierley and Mr Whitlock the same day. If it is',
      'very upsetting or looks illegal, tell the DSL straight away.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({
      'concerns.routes.inappropriate-content.notify': ['ict-lead', 'dsl'],
      'concerns.routes.inappropriate-content.deadline': 'same-day',
    });
  });

  it('"…something they shouldn\'t, tell…" and "…on a school iPad": what they saw', () => {
    for (const text of [
      "If a pupil sees something they shouldn't, tell the class teacher.",
      "If a pupil sees something they shouldn't on a school iPad, tell the class teacher.",
    ])
      expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
  });

  it.each([
    'If a pupil finds something they should not share online, tell the class teacher.',
    "If a pupil finds something they shouldn't have, such as a phone, tell the class teacher.",
    "If a pupil sees something they shouldn't be doing, tell the class teacher.",
    'If a pupil sees something they should not in the staff room, tell the class teacher.',
    'If a pupil finds content they should not be sharing, tell the class teacher.',
  ])('"%s": their conduct or an object, not content they met', (text) => {
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('a section approved with the larger policy it belongs to', () => {
  it('"…and the whole Educational Visits Policy is reviewed every two years and approved by the Full Governing Body"', () => {
    const text = [
      '9.10  Review',
      '',
      'This section is reviewed every year by the EVC and the Online Safety Lead, and the whole Educational Visits Policy is reviewed every two years and approved by the Full Governing Body.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], 'Full Governing Body');
  });

  it('"This section is reviewed every year together with the whole policy by the DSL and approved by the Full Governing Board"', () => {
    const text = '14.10.1 This section is reviewed every year together with the whole policy by the DSL and approved by the Full Governing Board.';
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], 'Full Governing Board');
  });

  it.each([
    'This annex forms part of the whole school Safeguarding Policy and visits are approved by the Governing Body.',
    'This appendix is not part of the main policy approved by the Governing Body.',
    'This chapter supplements the main Trust policy, which is approved by the Trust Board, but this chapter is approved by the Local Governing Body.',
  ])('"%s": not the larger policy\'s approval of the section', (text) => {
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('a line that opens with who reviewed it, then who agreed it', () => {
  it('"Reviewed by the DT and agreed by the Board of Governors Sept 2025"', () => {
    const text = [
      'This flowchart forms part of the Safeguarding and Child Protection Policy and the',
      'E-Safety & AUP Policy. Reviewed by the DT and agreed by the Board of Governors',
      'Sept 2025. Next review Sept 2026.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.approvingBody'], 'Board of Governors');
  });

  it.each([
    'Drafted by the school office or class teachers and approved by the Governing Body.',
    'Reviewed by the class teacher and approved by the Governing Body if the trip is residential.',
    'Reviewed by the trip leader and approved by the Governing Body for residential visits.',
  ])('"%s": a step of a procedure, not the policy\'s approval', (line) => {
    const text = ['Some words about the visits and the forms that go with them.', line].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.approvingBody']);
  });
});

describe('"no pupil\'s name" with a channel', () => {
  it('"No pupil\'s name is used on the school website with an image": no names on the website', () => {
    const text = "25. No pupil's name is used on the school website with an image - not in the caption, the file name or the alt text.";
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'none');
  });

  it('"no student\'s name" reads the same', () => {
    const text = "No student's name is printed in the newsletter beside a photograph.";
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.naming'], 'none');
  });

  it("a pupil's name on a peg or a tray is no caption rule", () => {
    const text = "No pupil's name is shown on pegs or trays in the corridor.";
    expect(Object.keys(proposals(text)).filter((k) => k.endsWith('.naming'))).toEqual([]);
  });
});

describe('"Concerns must go to…" after a run-in heading that names the kind', () => {
  it('"14.4.4 Online grooming and sexual exploitation. Concerns must go to the DSL immediately."', () => {
    const text =
      '14.4.4  Online grooming and sexual exploitation. Concerns must go to the DSL immediately. The DSL will refer to the police and to the Front Door.';
    expect(proposals(text)).toMatchObject({
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.contact-attempt.immediate': true,
    });
  });

  it('with no kind in the paragraph, concerns going to the DSL route nothing', () => {
    const text = '14.4.4  Reporting. Concerns must go to the DSL immediately.';
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('concerns.routes.'))).toEqual([]);
  });
});

describe('"Any concerns must go to…" stays a catch-all', () => {
  it('after a run-in heading, "any concerns" routes nothing of the heading\'s kind', () => {
    const text = '14.4.4  Online grooming and sexual exploitation. Any concerns must go to the Head immediately.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('"Concerns must be reported to the DSL" after the heading is its kind too', () => {
    const text = '14.4.4  Online grooming and sexual exploitation. Concerns must be reported to the DSL immediately.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });
});

describe("who's who labels, as the next maintainer read them", () => {
  it.each([
    ['- The DSL: Mrs Jane Okafor (Year 6)', ['dsl']],
    ['- **DSL:** Mrs Jane Okafor (Year 6)', ['dsl']],
    ['1. DSL: Mrs Jane Okafor (Year 6)', ['dsl']],
    ['- Deputy Headteacher: Mrs Jane Okafor (Year 6)', ['deputy-headteacher']],
  ])('"%s": the label\'s post', (line, notify) => {
    const text = [line, '', 'If a pupil is being bullied online, tell Mrs Okafor.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], notify);
  });

  it('"encounters something they shouldn\'t online" is inappropriate content, as "encounters something upsetting" is', () => {
    const text = "If a pupil encounters something they shouldn't online, tell the class teacher.";
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
  });

  it('"No learners\' names are used on the website with a photograph": no names', () => {
    const text = "No learners' names are used on the website with a photograph.";
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'none');
  });
});
