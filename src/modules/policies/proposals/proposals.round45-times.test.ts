/**
 * The thirty-first session's readings of how fast, and of points marked other than by dashes: "passed straight to the
 * Headteacher", "Tell the DSL NOW" and "right away" are at once; an indented "> " and a tick ("✔ Tell the DSL…") begin a
 * point of a list as a dash does.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('at once', () => {
  it('"…must be passed straight to the Headteacher"', () => {
    const found = proposals('Any call or email from a journalist must be passed straight to the Headteacher.');
    expect(found).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.media-enquiry.immediate'], true);
  });

  it('"Tell the DSL NOW"', () => {
    const text = ['Nude or semi-nude images', '', '- Do not look at the image or copy it.', '- Tell the DSL NOW (ext 214).'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('"now" that is no time to tell is not', () => {
    const text = 'Any safeguarding concern must be reported to the DSL, who now keeps all records on CPOMS.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });
});

describe('points marked other than by dashes', () => {
  it('an indented "> " begins a point', () => {
    const text = [
      "12.1  Concerns about a pupil's safety or welfare",
      '',
      '      > Tell the DSL (Mrs A. Khan) or a Deputy DSL (Mr B. Shah) straight away, in person or by phone.',
      '      > Record what you saw on CPOMS by the end of the day.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('a tick begins a point', () => {
    const text = [
      "Concerns about a child's safety online",
      '',
      '✔ Tell the DSL or a deputy straight away.',
      '✔ Write down what the child said, in their own words.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });
});

describe('the sentence before a lead names the concern', () => {
  it('"All online safety concerns are safeguarding concerns. A member of staff who has a concern must:"', () => {
    const text = [
      '9.1 General principles',
      'All online safety concerns about a pupil are safeguarding concerns. A member of staff who has a concern must:',
      '1.\tmake sure the pupil is safe;',
      '2.\treport it in person to the DSL as soon as possible, and always before the end of the school day;',
      '3.\tlog it on CPOMS.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('one sort of safeguarding concern before the lead is not the whole kind', () => {
    const text = [
      '8.4 Where an incident involves nude or semi-nude images of a pupil, staff must follow the UKCIS guidance. In particular, staff must:',
      '- not view or copy the image;',
      '- report the incident to the DSL immediately.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });

  it('"the same session" is the same day', () => {
    const text = 'Any safeguarding concern must be reported to the DSL in the same session.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });
});
