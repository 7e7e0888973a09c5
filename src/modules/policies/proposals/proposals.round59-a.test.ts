/**
 * The forty-fifth session: people named on a who's who list, a pupil who sees something they shouldn't, and a section
 * approved with the larger policy it belongs to. "- Computing lead: Miss Hannah Brierley (Year 4)" makes "tell Miss
 * Brierley" a telling of the computing lead; "a pupil sees something they shouldn't on a school iPad" is inappropriate
 * content; "This section is reviewed every year …, and the whole … Policy is … approved by the Full Governing Body" names
 * the body that approves the section too; "No pupil's name is used on the school website with an image" withholds names as
 * "no child's name" always did.
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

  it('a field that is not a post ("Approved by: …") gives the name no post of its own', () => {
    const text = ['Approved by: Mrs Ruth Garside (Chair of Governors)', '', 'If a pupil is being bullied online, tell Mrs Garside.'].join('\n');
    expect(proposals(text)['concerns.routes.cyber-bullying.notify']).not.toEqual(['dsl']);
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

  it('something a pupil should not share or post is their conduct, not content they met', () => {
    const text = 'If a pupil finds something they should not share online, tell the class teacher.';
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

  it('a section that names no larger policy approves nothing by these words', () => {
    const text = 'This section is reviewed every year by the DSL and the class teachers approved by the Head.';
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

  it('posts drafted by one person and approved by another are no approval of the policy', () => {
    const text = 'Posts are drafted by the school office or class teachers and approved by the Headteacher or Deputy Headteacher.';
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
