/**
 * The forty-second session: the LADO told only about what meets the harm threshold is a judgement made first, not a telling
 * every concern about staff carries.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const told = ['concerns.routes.staff-misuse.tell'];

describe('the LADO, on the harm threshold', () => {
  it('"Where the concern meets the harm threshold the LADO will be contacted within one working day"', () => {
    const text =
      'Concerns about a member of staff are reported to the Headteacher. Where the concern meets the harm threshold the LADO will be contacted within one working day.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('"…will contact the LADO within one working day of an allegation that meets the harm threshold"', () => {
    const text = 'The Headteacher will contact the LADO within one working day of an allegation that meets the harm threshold, and before any investigation.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('with no threshold, "The Head will consult the LADO within one working day" still tells the LADO', () => {
    const text = 'Concerns about a member of staff go to the Head. The Head will consult the LADO within one working day.';
    expect(proposals(text)).toHaveProperty(told, ['lado']);
  });
});

describe('a pupil’s own use of social media is no concern route’s telling', () => {
  it('"Where the school becomes aware that a pupil is using social media in a way that means a child is at risk of harm, the DSL will speak to the parents"', () => {
    const text =
      'Where the school becomes aware that a pupil is using social media in a way that means a child is at risk of harm, the DSL will speak to the parents.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('"…most apps have a minimum age of 13 and if a child is using one the parents are told"', () => {
    const text =
      'I have been told that most social media apps have a minimum age of 13 and that if I find out a child is using one the parents will be told, as it becomes a safeguarding concern.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('a safeguarding concern still tells the parents: "Any safeguarding concern … is reported to the DSL, who will inform the parents the same day"', () => {
    const text = 'Any safeguarding concern about a pupil is reported to the DSL, who will inform the parents the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.tell'], ['carers']);
  });
});

describe('a telling left to someone’s judgement, or back to those who raised it', () => {
  it('"The DSL will decide what action is needed, including whether the matter should be referred to children’s social care"', () => {
    const text =
      "Any concern that a pupil may be at risk of harm is reported to the DSL. The DSL will decide what action is needed, including whether the matter should be referred to children's social care or the police.";
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('"…then the DSL decides which of their tutors and parents are told"', () => {
    const text = 'Any concern that a child is at risk of harm goes to the DSL the same day. The DSL decides which of their tutors and parents are told.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });

  it('a parent who raises a worry is not told it back: "Where a parent raises a concern, the Manager will speak to the parent the same day"', () => {
    const text = 'Where a parent raises a concern about their child online, it is passed to the Nursery Manager, who will speak to the parent the same day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.raised-by-carer.tell']);
  });
});
