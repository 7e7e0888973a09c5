/**
 * The thirty-fourth session's reading of a guide for parents that says what staff do: "The adult will calm and reassure
 * your child, note what was seen, and tell Mrs Pearce" answers the question above it ("…my child sees something upsetting
 * on a school iPad?"), with a member of staff as its subject ("your" is the child, not the reader told whom to speak to).
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const guide = (question: string, answer: string) =>
  [
    '# Hollins Lane Infant School',
    '',
    '### A guide for parents and carers',
    '',
    '- **Online Safety Lead:** Mrs Jo Pearce, Computing Leader',
    '',
    '### What happens if…',
    '',
    `**${question}**`,
    answer,
  ].join('\n');

describe('what staff do, in a guide for parents', () => {
  it.each([
    ['…my child sees something upsetting on a school iPad?', 'The adult will calm and reassure your child, note what was seen, and tell Mrs Pearce.'],
    ['…my child sees something upsetting on a school laptop?', 'The teacher will close the screen, reassure your child and tell the Online Safety Lead.'],
  ])('%s / %s', (question, answer) => {
    expect(proposals(guide(question, answer))).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('the parent told whom to speak to is still advice, not a route', () => {
    const read = proposals(guide('…my child sees something upsetting at home?', 'If you are worried, you can speak to Mrs Pearce at the school office.'));
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('without a question above, the adult’s steps are no scenario of their own', () => {
    const text = [
      '# Online safety at Hollins Lane',
      '',
      'The adult will calm and reassure the child, note what was seen, and tell the Online Safety Lead.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});
