/**
 * The thirty-second session's readings of who outside the staff is told: a later part after a comma with its own condition
 * ("The DSP will speak to parents and, where appropriate, report to CEOP or the police") leaves the first telling a duty;
 * "this is not usually a safeguarding matter" says the kind is not there; and the families of those involved, told in a
 * paragraph that opens with its concern.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a telling with a later part on its own condition', () => {
  it('"…will speak to parents and, where appropriate, report to CEOP or the police" tells the parents only', () => {
    const text = 'Online grooming: tell the DSL straight away. The DSL will speak to the parents and, where appropriate, report it to the police.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.tell'], ['carers']);
  });

  it('"…will contact the parents, and the police or social services if necessary"', () => {
    const text =
      'Contact from a stranger online must be reported to the Designated Person the same day. The Designated Person will contact the parents, and the police or social services if necessary.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.tell'], ['carers']);
  });

  it('a condition on the telling itself still leaves it unsettled', () => {
    const text = 'Online grooming: tell the DSL straight away. Where appropriate, the DSL will speak to the parents.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.tell']);
  });

  it('a judgement anywhere in the sentence still leaves it unsettled', () => {
    const text = 'Online grooming: tell the DSL straight away. The DSL will decide whether to speak to the parents, and will contact the police.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.tell']);
  });
});

describe('"not usually a safeguarding matter"', () => {
  it('is no safeguarding concern', () => {
    const text =
      'Where we learn that a pupil under the minimum age has an account, the class teacher will let the parent know and may share advice; this is not usually a safeguarding matter in itself.';
    const found = proposals(text);
    expect(Object.keys(found).filter((setting) => setting.startsWith('concerns.routes.'))).toEqual([]);
  });
});

describe('the families of those involved, in a paragraph that opens with its concern', () => {
  it('are told for that concern', () => {
    const text =
      'Cyberbullying is handled under the Anti-Bullying Policy. Staff log it on CPOMS first. Heads of Year will contact the parents of both pupils within two school days.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('not the police named in such a paragraph, which are its graver cases', () => {
    const text = 'Cyberbullying is handled under the Anti-Bullying Policy. Serious cases, such as threats of violence, will be reported to the police.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});
