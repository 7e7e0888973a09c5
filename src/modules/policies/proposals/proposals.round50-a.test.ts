/**
 * The thirty-sixth session's first readings: a yearly report to governors that counts withdrawals, a place named with the
 * occasion it belongs to, unkind messages between pupils online, someone told as well on a condition, and a post told in
 * the passive under the sentence that names the concern; contact from a pupil on a personal account.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('how long consent lasts, beside a yearly report', () => {
  it('a yearly report to governors that counts consent withdrawals renews no consent', () => {
    const text = [
      'Photo consent given on entry lasts until the end of Year 9; we ask families again at the start of Year 10.',
      'The Assistant Head reports each year to the Governing Body, as part of the safeguarding report, on how this policy is working, including the number of consent withdrawals.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'key-stage-change');
  });

  it('consent asked again every September is still read', () => {
    expect(proposals('Consent forms for photographs are sent home every September and must be returned within two weeks.')).toHaveProperty(
      ['consent.lapse'],
      'each-september',
    );
  });
});

describe('occasions never photographed, and the places inside them', () => {
  it('"in bedrooms/dorms on residentials" bans the rooms, not the trip', () => {
    const text = ['Staff never take photographs:', '- during swimming lessons or at the pool on gala day', '- in bedrooms/dorms on residentials'].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('"in the changing areas before and after the performance" bans the changing areas, not the performance', () => {
    const text = [
      'Staff must not photograph children in the changing areas before and after the school performance.',
      'Staff must not take photographs during swimming lessons.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('a trip named on its own is still an occasion', () => {
    expect(proposals('Staff will not take photographs of pupils on residential trips.')).toHaveProperty(['photos.prohibitedContexts'], ['trip']);
  });
});

describe('whom a concern goes to', () => {
  it('unkind or hurtful messages between pupils online are online bullying', () => {
    expect(proposals('Unkind or hurtful messages between pupils online, including in group chats, must be reported to the class teacher.')).toHaveProperty(
      ['concerns.routes.cyber-bullying.notify'],
      ['class-teacher'],
    );
  });

  it('unkind behaviour between pupils with nothing online is no online bullying', () => {
    expect(proposals('Unkind behaviour between pupils in the playground must be reported to the class teacher.')).not.toHaveProperty([
      'concerns.routes.cyber-bullying.notify',
    ]);
  });

  it('"Tell the DSL as well if the bullying is severe" is an escalation, not the route', () => {
    const text = [
      'Is it unkind behaviour between pupils online, such as nasty messages in a group chat?',
      'YES: Tell the class teacher and record it. Tell the DSL as well if the bullying is severe or repeated.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('someone told beside another on a condition stays on the list', () => {
    expect(
      proposals('If a pupil sees unsuitable content on a school device, tell the Computing Lead the same day and the DSL as well if the pupil was upset.'),
    ).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });

  it('"The class teacher should be told first" under a sentence naming online bullying is its route', () => {
    const text =
      'Unkind or hurtful messages between pupils, including on apps used at home, are dealt with under the Anti-Bullying Policy. The form tutor should be told first and will involve the Head of Year.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('"The DSL must be told of any LADO referral" is a later step, not the route', () => {
    const text =
      'Concerns about a member of staff go to the Principal, who consults the LADO within one working day. The DSL must be told of any LADO referral the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });
});

describe('contact from a pupil on a personal account', () => {
  it('"Any contact from a learner on a personal account should be reported to the DSP"', () => {
    expect(proposals('Any contact from a learner on a personal account should be reported to the DSP.')).toHaveProperty(
      ['concerns.routes.contact-attempt.notify'],
      ['dsl'],
    );
  });

  it('"Report any contact from a pupil to the DSL" in a list of staff rules', () => {
    const text = ['Staff must follow these rules:', '- No posting about pupils, families or the school.', '- Report any contact from a pupil to the DSL.'].join(
      '\n',
    );
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('contact from a parent about a trip, with no personal account, is no such concern', () => {
    expect(proposals('Any contact from a parent about a trip should be passed to the office.')).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});
