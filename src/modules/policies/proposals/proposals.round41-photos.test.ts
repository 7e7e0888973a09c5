/**
 * The twenty-seventh session's reading of occasions never photographed in a sentence of two clauses, each with its own
 * subject and negation.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('occasions refused in a sentence of two clauses', () => {
  it('"…never taken during swimming lessons, and we do not photograph pupils who are upset"', () => {
    const read = proposals(
      'Photographs are never taken in changing rooms, toilets, or during swimming lessons, and we do not photograph pupils who are unwell, injured or upset.',
    );
    expect(read).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('"We never take photos in changing rooms, and we never photograph students in swimming lessons"', () => {
    const read = proposals('We never take photos in changing rooms or hostel rooms, and we never photograph students in swimming lessons.');
    expect(read).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('but not publishing pictures of swimwear, which refuses no occasion', () => {
    const read = proposals('We will not publish photographs of children in swimwear, and we will always check the consent list first.');
    expect(read).not.toHaveProperty(['photos.prohibitedContexts']);
  });

  it('nor a second clause that allows the occasion', () => {
    const read = proposals('We never photograph children while they are getting changed, and we take photographs at sports day for the newsletter.');
    expect(read).not.toHaveProperty(['photos.prohibitedContexts']);
  });
});

describe('pupils as the subject of a refusal', () => {
  it('"Pupils are never photographed in swimming lessons"', () => {
    expect(proposals('Pupils are never photographed in swimming lessons.')).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('"…in the Sports Centre pool" is swimming', () => {
    expect(proposals('Images are never taken in changing rooms or in the College Sports Centre pool.')).toHaveProperty(
      ['photos.prohibitedContexts'],
      ['swimming'],
    );
  });

  it('but pupils who never photograph others refuse no occasion', () => {
    expect(proposals('Pupils are never allowed to photograph other pupils during swimming lessons.')).not.toHaveProperty(['photos.prohibitedContexts']);
  });
});
