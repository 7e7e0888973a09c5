/**
 * The twenty-seventh session's readings of uses that need no consent: photographs displayed inside the building, a list
 * led by "These are:" after the sentence that says they need no consent, a table's "No consent needed" cell, and a
 * carer who may still ask for their child to be left out.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('uses that need no consent', () => {
  it('"photographs displayed inside the school building" are displays', () => {
    const read = proposals('4.1 Photographs used for ID badges, and photographs displayed inside the school building, do not require parental consent.');
    expect(read).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('a list led by "These are:" takes its basis from the sentence it points back to', () => {
    const text = [
      'Some uses of pupil images are part of our public task and do not need parental consent. These are:',
      '- the photograph on the management information system;',
      '- displays in classrooms and corridors.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('but not when the sentence before says consent is asked', () => {
    const text = [
      'We ask for your consent before we use photographs of your child in these ways. These are:',
      '- displays in classrooms and corridors;',
      '- the school website.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });

  it('a table\'s "No consent needed" cell', () => {
    const text = [
      'How we use photographs',
      '',
      'Use | Who sees it | Consent? | Names',
      'Classroom displays | Pupils, staff and visitors | No consent needed | First names',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('"no consent needed, but parents can ask us to leave their child out" is an opt-out', () => {
    const text = [
      'How we use photographs',
      '',
      'Use | Who sees it | Consent? | Names',
      'Corridor displays | Pupils and visitors | No consent needed, but parents can ask us to leave their child out | First names',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });
});
