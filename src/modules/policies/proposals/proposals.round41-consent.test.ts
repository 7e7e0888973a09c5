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

describe('how long an answer lasts', () => {
  it('consent renewed each September on the data collection sheet lasts a year', () => {
    const text = ['Photographs of pupils', '', 'Consent is renewed every September on the annual data collection sheet.'].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'each-september');
  });

  it('asking carers to check their choices each September renews nothing', () => {
    const text = [
      'Photographs of pupils',
      '',
      'Your consent lasts for the whole time your child is at the school. We will ask you to check your choices each September.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('nor does sending families their current choices and asking for changes', () => {
    const text = [
      'Photographs of pupils',
      '',
      'Every September the office sends each family its current consent choices with the data collection sheet and asks for any changes.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });

  it('but a data collection sheet for trips is no consent for images', () => {
    const text = ['School trips', '', 'Consent for trips is renewed every September on the data collection sheet.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });
});

describe('how long an answer lasts, in other words', () => {
  const onImages = (sentence: string) =>
    proposals(['Photographs of pupils', '', 'We ask for your consent before we use photographs of your child.', '', sentence].join('\n'));

  it('"the consent runs until the student leaves"', () => {
    expect(onImages('The consent runs until the student leaves the school unless it is withdrawn in writing.')).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"stays in place for the whole of the school year"', () => {
    expect(onImages('Your choices will stay in place for the whole of the school year.')).toHaveProperty(['consent.lapse'], 'each-september');
  });

  it('"lasts for that session only", a Scottish school year', () => {
    expect(onImages('Consent given on the data check lasts for that session only.')).toHaveProperty(['consent.lapse'], 'each-september');
  });

  it('but not a session of something else', () => {
    expect(onImages('Consent for a filming session lasts for that session only.')).not.toHaveProperty(['consent.lapse'], 'each-september');
  });
});
