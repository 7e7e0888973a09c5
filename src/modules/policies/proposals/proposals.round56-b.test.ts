/**
 * The forty-second session: a parent who contacts a member of staff on a personal account about school is school business
 * sent to the wrong place, not an attempt at contact; a pupil who does so still is.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('contact on a personal account, by whom', () => {
  it('"If a parent messages you on your personal Facebook about school, … pass it to the Headteacher": no contact route', () => {
    const text =
      'If a parent messages you on your personal Facebook about school, reply politely that you will talk to them at school, or pass it to the Headteacher.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('"If a carer contacts you through your own social media about school, do not reply; tell the Principal"', () => {
    const text = 'If a carer contacts you through your own social media about school, do not reply there; tell the Principal.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('a pupil or a parent who contacts a member of staff on a personal account is still reported to the DSL', () => {
    const text = 'If a pupil or parent contacts a member of staff via social media, the member of staff should not reply and must tell the DSL the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('a parent who tries to friend a member of staff, no business named, is still an attempt at contact', () => {
    const text = 'If a parent attempts to friend a member of staff on Facebook, the Headteacher must be informed.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['headteacher']);
  });

  it('a pupil who contacts you on a personal account is reported to the Headteacher', () => {
    const text = 'If a pupil contacts you on your personal social media, do not reply; take a screenshot and tell the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['headteacher']);
  });
});
