/**
 * The twenty-eighth session's reading of posts a page shortens to letters it defines: "the Designated Teacher (DT)" and
 * later "tell the DT"; "Child Protection Co-ordinator (CPC)"; "E-Safety Lead (ESL)". Never letters that are not the
 * words' initials, that name no post, or that are also words.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a post the page shortens to its initials', () => {
  it('"Designated Teacher for Child Protection (DT)" and "report it to the DT"', () => {
    const text = [
      'Mrs Quinn is our Designated Teacher for Child Protection (DT).',
      '',
      'Any member of staff who is worried that a pupil may be at risk of harm online must report it to the DT immediately.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true });
  });

  it('"Child Protection Co-ordinator (CPC)" and "Tell the CPC"', () => {
    const text = [
      'Our Child Protection Co-ordinator (CPC) is the Depute Head Teacher.',
      '',
      'If a young person has been contacted online by an adult they do not know, tell the CPC the same day.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.deadline': 'same-day' });
  });

  it('"E-Safety Lead (ESL)": the hyphen starts a word of the initials', () => {
    const text = [
      'The E-Safety Lead (ESL) looks after the filtering.',
      '',
      'A pupil who comes across unsuitable content must tell the ESL straight away.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('a deputy of the post keeps the post: "the DT, or in her absence a Deputy DT"', () => {
    const text = [
      'The Designated Teacher (DT) leads on safeguarding.',
      '',
      'A disclosure of abuse must be passed to the DT, or in her absence a Deputy DT, before the end of the school day.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.deadline': 'same-day' });
  });
});

describe('letters that stand for no post stay letters', () => {
  it("a person's initials after their name (minutes): no post", () => {
    const text = ['Present: Helen Maidment (HM), Tom Evers (TE).', '', 'A pupil who sees unsuitable content must tell HM at once.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('letters that are not the initials of the words before them', () => {
    const text = ['The Designated Safeguarding Lead (XY) is in school every day.', '', 'Any safeguarding concern must be reported to XY at once.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it("the local authority's Designated Officer (DO) is not the school's designated person", () => {
    const text = [
      'Allegations about staff go to the Local Authority Designated Officer (DO).',
      '',
      'A disclosure of abuse by a pupil must be passed to the DO immediately.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('one set of letters defined for two posts is neither', () => {
    const text = [
      'The Designated Person (DP) and the Deputy Principal (DP) share the duty rota.',
      '',
      'A disclosure of abuse must be passed to the DP immediately.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe("a template's offered choice is not the school's review cycle", () => {
  it('"[Template guidance: you may choose to review this policy annually.]" beside the school\'s own two years', () => {
    const text = [
      'The governors approve this policy and review it every two years.',
      '',
      '[Template guidance: you may choose to review this policy annually.]',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 24);
  });

  it('"schools can decide to review it each year" offers a choice and sets nothing', () => {
    expect(proposals('Schools can decide to review this policy every year if they wish.')).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});
