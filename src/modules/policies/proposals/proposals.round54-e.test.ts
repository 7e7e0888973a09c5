/**
 * Guards after a second reader went through the fortieth session's change: a pupil who talks to their own parents, a
 * family support worker, a bracket that lets a fuller name through or is the form's own choice, "if at all possible", the
 * time of the one told's next step, a name refused "in full or in part", images that leave the school by e-mail, a
 * newspaper's wish for full names, "staff only" in a sentence, and an aim never to name pupils.
 */
import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

describe('a talk that tells no carers', () => {
  it('"If a pupil is bullied online, they should talk to their parents and a member of staff": no one outside the staff', () => {
    const text = 'If a pupil is being bullied online, they should talk to their parents and a member of staff.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });

  it('"The DSL will meet with the Family Support Worker" about bullying: the worker is staff, not the carers', () => {
    const text = 'Where cyberbullying between pupils continues, the DSL will meet with the Family Support Worker.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});

describe('brackets that are no narrowing of a first name', () => {
  it('"first names only (unless a parent has asked us to print the full name)" is a condition: no rule', () => {
    const text = 'On the school website we use first names only (unless a parent has asked us to print the full name).';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });

  it('"(if you tick No, we will use their first name only)" under a newspaper question is the form\'s choice: not first names', () => {
    const text = [
      'May the newspaper print your child’s full name with their photograph?  [ ] Yes  [ ] No',
      '(if you tick No, we will use their first name only in the newspaper)',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming'], 'first-names');
  });

  it('"…by first name only, if at all possible" is a hedge: no rule', () => {
    const text = "Pupils on the school's Facebook page will be identified by first name only, if at all possible.";
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.naming']);
  });

  it('"If a newspaper wants full names, we ask parents first, and otherwise give first names only": not first names', () => {
    const text = 'If a newspaper wants full names, we ask parents first, and otherwise we give first names only.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming'], 'first-names');
  });

  it('"Children will not be named in full or in part on social media": no names', () => {
    expect(proposals('Children will not be named in full or in part on the school’s social media.')).not.toHaveProperty(
      ['photos.channels.social-media.naming'],
      'first-names',
    );
  });

  it('"We try never to name pupils on our Facebook page" is an aim: no rule', () => {
    expect(proposals('We try never to name pupils on our Facebook page.')).not.toHaveProperty(['photos.channels.social-media.naming']);
  });

  it('"Images that leave the school by e-mail must not include surnames" is no rule for the channels', () => {
    const text = [
      'We publish photographs on our website and Facebook page.',
      '',
      "Images that leave the school by email must not include pupils' surnames.",
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('the time of a next step', () => {
  it('"…reported to the DSL, who will decide on next steps within 24 hours" beside another time: not 24 hours', () => {
    const text = [
      'Online safety concerns about a pupil must be reported to the DSL, who will decide on next steps within 24 hours.',
      '',
      'All online safety concerns about a pupil must be passed on before the end of the school day.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.deadline'], '24-hours');
  });
});

describe('"staff only" in a sentence', () => {
  it('"Photographs are taken by staff only, on school devices." at the top of a letter home does not make it a staff page', () => {
    const text = ['Photographs are taken by staff only, on school devices.', '', 'We use first names only on the school website, never surnames.'].join('\n');
    expect(uses(text)).toContain('website');
  });
});
