/**
 * The forty-first session: only the worst sort of bullying told to someone is an escalation, not the bullying route.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('bullying told onward only at its worst', () => {
  it('"Online bullying that includes threats or sexual content is passed to the DSL": no bullying route', () => {
    expect(proposals('Online bullying that includes threats or sexual content is passed to the DSL.')).not.toHaveProperty([
      'concerns.routes.cyber-bullying.notify',
    ]);
  });

  it('"Where cyberbullying involves threats, …, the Principal will consider whether the matter should be referred to the DLP"', () => {
    const text =
      'Where cyberbullying involves threats, the sharing of images, or a possible crime, the Principal will consider whether the matter should be referred to the police and to the DLP.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('"…dealt with under the Behaviour Policy, but the DSL must be told if it involves threats"', () => {
    const text =
      'Cyberbullying between pupils is dealt with under the Behaviour Policy, but the DSL must be told if it involves threats, sexual content or hate.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('bullying itself still has its route: "Online bullying between pupils must be reported to the class teacher the same day"', () => {
    const text = 'Online bullying between pupils must be reported to the class teacher the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('a definition is no escalation: "Cyberbullying involves using technology to hurt or upset someone, and must always be reported…"', () => {
    const text = 'Cyberbullying involves using technology to hurt or upset someone, and must always be reported to the class teacher the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });
});
