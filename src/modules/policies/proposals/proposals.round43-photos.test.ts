/**
 * The twenty-ninth session's reading of occasions: a trip's rooms and nights ("on the residential, in dormitories or at
 * bedtime") narrow the trip, and ban no photographs of it; the trip itself, refused, still is an occasion.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const refused = (item: string) =>
  proposals(['Taking photographs', '', 'We will not take photographs or video:', '', '- during swimming lessons', `- ${item}`].join('\n'));

describe("a trip's rooms and nights", () => {
  it.each(['on the residential, in dormitories or at bedtime', 'on school trips, in the bedrooms', 'on the residential at night'])('%s', (item) => {
    expect(refused(item)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('the trip itself, refused, is still an occasion', () => {
    expect(refused('on school trips')).toHaveProperty(['photos.prohibitedContexts'], ['swimming', 'trip']);
  });
});
