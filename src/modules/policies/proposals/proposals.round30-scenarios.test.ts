import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Round 30 (session 16): a route said across a scenario and its instruction. The scenario stands in a heading over the
 * instruction ("9.3 Concerns about a member of staff" then "Report to the Headteacher immediately."), or in a flowchart's
 * question the instruction answers ("Does the incident involve a member of staff?" then "--> YES: Tell the headteacher").
 */

describe('round 30: an instruction under a heading that names the concern', () => {
  it.each([
    '9.3 Concerns about a member of staff, volunteer or visitor\n\n9.3.1 Report to the Headteacher immediately. Do not discuss the concern with the person concerned.',
    '## Worries about an adult who works at the school\n\nTell the Head Teacher straight away.',
    '**Concerns about a colleague’s conduct online**\n\nReport it to the Principal immediately, in person.',
  ])('%s', (text) => {
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });

  it('the heading’s kind reaches the outside body told later in the paragraph', () => {
    const text = '7.2 Concerns about a member of staff\n\nTell the Headteacher without delay. The Headteacher will contact the LADO within one working day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.tell': ['lado'] });
  });

  it.each([
    // The heading names no kind: the instruction is no route.
    '9.3 What every member of staff should know about reporting\n\nReport to the Headteacher immediately.',
    // The paragraph names a kind of its own: the heading's does not override it.
    '9.3 Concerns about a member of staff\n\nIf a pupil has seen unsuitable content, tell the Online Safety Lead straight away.',
  ])('no staff route from: %s', (text) => expect(proposals(text)['concerns.routes.staff-misuse.notify']).toBeUndefined());

  it('a wrapped line of a PDF’s clause is no heading', () => {
    // "1.1 Concerns about a member of" would be a heading if a wrapped line counted as one: its kind would reach the next clause.
    const text = '1.1 Allegations against a member of staff must be reported to the Head\nTeacher.\n\n1.2 Report anything else to the office.';
    expect(proposals(text)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']);
  });
});

describe('round 30: a flowchart’s answer takes its question’s concern', () => {
  const flowchart = [
    'STEP 4: Does the incident involve a member of staff, a volunteer or a governor?',
    '   --> YES: Tell the headteacher the same day. If the concern is about the headteacher, tell the Chair of Governors.',
    '   --> NO: go to STEP 5.',
    '',
    'STEP 5: Is this a safeguarding concern (e.g. contact from an unknown adult, online bullying that is causing distress)?',
    '   --> YES: Tell the DSL immediately.',
    '   --> NO: go to STEP 6.',
  ].join('\n');

  it('each answer routes its own question’s kind', () => {
    expect(proposals(flowchart)).toMatchObject({
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.staff-misuse.deadline': 'same-day',
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
    });
  });

  it('an answer after a statement, not a question, takes nothing from it', () => {
    const text = 'Staff receive training on allegations against a member of staff every year.\n--> YES: Tell the headteacher the same day.';
    expect(proposals(text)['concerns.routes.staff-misuse.notify']).toBeUndefined();
  });
});
