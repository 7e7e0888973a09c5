/**
 * The thirty-fourth session's reading of how long carers' answers last, under a question ("How long does my consent
 * last?") or a numbered heading that asks it ("Part 6 – How long your answers last").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('how long the answers last, said under the question that asks it', () => {
  it.each([
    ['How long does my consent last?', 'Your choices stay in place for the whole time your child is with us, unless you change them.'],
    ['How long does my photo permission last?', 'Your answers last for as long as your child attends Willow Bank, unless you tell us otherwise.'],
  ])('%s / %s', (question, answer) => {
    const text = ['Questions from parents', '', question, answer].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('a numbered heading that asks it: "Part 6 – How long your answers last"', () => {
    const text = [
      'Welcome pack for new families',
      '',
      '## Part 6 – How long your answers last, and changing your mind',
      '',
      'Your answers stay in place for the whole time your child is at Willow Bank, unless you change them.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"your choices" under a question about school dinners says nothing of consent', () => {
    const text = [
      'Questions from parents',
      '',
      'How long do dinner choices last?',
      'Your choices stay in place for the whole time your child is with us, unless you change them.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });
});
