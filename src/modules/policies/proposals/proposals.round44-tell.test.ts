/**
 * The thirtieth session's readings of who outside the staff is told: families told in a sentence whose paragraph names no
 * kind ("It will be dealt with under the Anti-Bullying Policy. Parents will be told.") take the kind of the heading over
 * it; a list item of its own ("- The class teacher will let the parents know") the same; a purpose after the telling ("…so
 * they can talk about it at home") is no discretion.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('families told, under a heading that names the concern', () => {
  it('after a sentence that points back and names no kind', () => {
    const text = [
      'Online bullying',
      '',
      '- Tell the class teacher.',
      '- It will be handled under our Anti-Bullying Policy. The parents of everyone involved will be told.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('a list item of its own', () => {
    const text = [
      'When something goes wrong online',
      '',
      '**A pupil sees something unsuitable on a school laptop**',
      '',
      '- Close the lid and reassure the pupil.',
      "- The class teacher will let the pupil's parents know the same day.",
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.tell'], ['carers']);
  });

  it('under a heading that names no concern, nothing', () => {
    const text = ['After school clubs', '', '- Clubs finish at 4.30.', "- The class teacher will let the pupil's parents know the same day."].join('\n');
    const found = proposals(text);
    for (const kind of ['inappropriate-content', 'cyber-bullying', 'safeguarding']) expect(found).not.toHaveProperty([`concerns.routes.${kind}.tell`]);
  });
});

describe('a purpose after the telling', () => {
  it.each([
    "If a child sees something upsetting online, the class teacher will let the child's parents know, so they can talk about it at home.",
    'If a pupil sees unsuitable content online, the teacher will let the parents/carers know so that they can support their child.',
  ])('"%s" is a telling', (sentence) => {
    expect(proposals(sentence)).toHaveProperty(['concerns.routes.inappropriate-content.tell'], ['carers']);
  });

  it('"…may let the parents know" is still a discretion', () => {
    expect(
      proposals("If a child sees something upsetting online, the class teacher may let the child's parents know, so they can talk about it at home."),
    ).not.toHaveProperty(['concerns.routes.inappropriate-content.tell']);
  });
});
