/**
 * The forty-second session: families told about online bullying in the ways schools say it — a list's item of its own, "we'll",
 * the children involved "and their parents", a later step of the same duty, "the families involved", "contact home".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const told = ['concerns.routes.cyber-bullying.tell'];

describe('the families of those involved in online bullying are told', () => {
  it('a list’s item of its own: "Parents of all the pupils involved will be contacted."', () => {
    const text = [
      '## 8. Cyberbullying',
      '',
      '- Any pupil or member of staff who becomes aware of cyberbullying should tell the class teacher.',
      '- Parents of all the pupils involved will be contacted.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"We’ll talk to the parents of all the children involved", after the paragraph’s opening', () => {
    const text =
      'Online bullying is dealt with under our Anti-Bullying Policy, even if it happened at home. Tell the class teacher, who logs it on CPOMS. We’ll talk to the parents of all the children involved.';
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"We will talk to the children involved and to their parents", the first sentence under its heading', () => {
    const text = ['## 6. Online bullying between children', '', '6.2 We will talk to the children involved and to their parents.'].join('\n');
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"…who will involve the Headteacher and contact the parents of the children concerned": a later step of the duty', () => {
    const text =
      'Online bullying is dealt with under the Anti-Bullying Policy. Staff report it to the class teacher, who will involve the Headteacher and contact the parents of the children concerned.';
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"…and will talk to the families involved"', () => {
    const text =
      'Online bullying between pupils is taken seriously. If a child tells you about unkind messages, tell the class teacher. We will deal with it under our Behaviour Policy and will talk to the families involved.';
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });

  it('"…to the Head of Year, who will now contact home within two school days"', () => {
    const text = 'Cyberbullying between students goes on CPOMS to the Head of Year, who will now contact home within two school days.';
    expect(proposals(text)).toHaveProperty(told, ['carers']);
  });
});

describe('and not where no family is told of the concern', () => {
  it('a parent asked to take a post down is no family told of a concern', () => {
    const text =
      'If a parent posts a photograph of other children from a school event on Facebook, tell the office. Someone will contact the parent and politely ask them to take it down.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.community-post.tell']);
  });

  it('a pupil who talks to their own parents tells no one for the school', () => {
    const text = 'If a pupil is bullied online, they should talk to their parents and a member of staff.';
    expect(proposals(text)).not.toHaveProperty(told);
  });

  it('"…who will ring home" is a call, not the telling keyers read', () => {
    const text = 'Online bullying is dealt with under the Anti-Bullying Policy. The Head of Year will investigate and will phone home.';
    expect(proposals(text)).not.toHaveProperty(told);
  });
});
