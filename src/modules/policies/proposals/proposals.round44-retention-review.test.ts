/**
 * The thirtieth session's readings of retention and review: photographs "more than three years old are deleted" (not
 * taken down from a channel, archived instead, or counted from when a pupil left); the model a policy is based on,
 * "revised by the County Council every two years", has a cycle of its own.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('photographs deleted at an age', () => {
  it.each([
    'Images are reviewed each summer. Images that are more than three years old are deleted unless they have been chosen for the school archive.',
    'The office clears the photos drive every August and deletes anything older than three years that is not needed for the archive.',
  ])('"%s"', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['retention.deletePhotosAfterYears'], 3);
  });

  it.each([
    'Photos on the website older than three years are removed.',
    'Posts with images older than two years are normally archived or deleted.',
    'Images of pupils who left the school more than three years ago are deleted.',
  ])('"%s" sets no retention', (sentence) => {
    expect(proposals(sentence)).not.toHaveProperty(['retention.deletePhotosAfterYears']);
  });
});

describe('the model a policy is based on', () => {
  it("has its own cycle, not the school's", () => {
    const text = [
      'Review cycle: Annually, or sooner after a serious incident',
      '',
      'The county model on which it is based is revised by the County Council every two years, and the school also reviews this policy whenever a new version is published.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('"…or sooner if the model is updated" beside the school\'s own cycle still gives it', () => {
    expect(proposals('This policy will be reviewed every two years, or sooner if the local authority model is updated.')).toHaveProperty(
      ['policyReview.intervalMonths'],
      24,
    );
  });
});
