/**
 * The fortieth session's first readings: a line of prose ending in a colon that goes on below, a time said where the
 * concern is reported against a later step's time, an adult who "may have harmed" a child, a table's "Immediately; … if
 * the threshold is met", and a first name that a condition only narrows further.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a sentence that ends its line with a colon and goes on below', () => {
  it('"We do not ask for consent for pictures that stay in school:" then "wall displays, learning journeys…": the displays are the public task', () => {
    const text = [
      '4.2 We do not ask for consent, and do not need it, for pictures that stay in school:',
      'wall displays in classrooms and corridors, learning journeys, and the photograph on each',
      "pupil's record.",
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
    expect(found).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('a lead over bullets is still a lead: "Staff must:" then "- tell the DSL the same day" keeps its items apart', () => {
    const text = ['If a pupil is contacted online by an adult they do not know, staff must:', '- tell the DSL the same day;', '- record it on CPOMS.'].join(
      '\n',
    );
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });
});

describe('a time to act said where the concern is reported', () => {
  it('"…to the DSL immediately and in any event before the end of the school day" beside "the DSL will decide whether it needs to be referred … within 24 hours": the same day', () => {
    const text = [
      '8.1 Any online safety concern about a pupil must be reported to the Designated Safeguarding Lead immediately, and in any event before the end of the same school day.',
      '',
      '8.2 For any online safety concern about a pupil, the Designated Safeguarding Lead will decide whether it needs to be referred to the Early Help hub within 24 hours.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('two times said where the concern is reported still disagree: nothing', () => {
    const text = [
      'Any online safety concern about a pupil must be reported to the DSL before the end of the school day.',
      '',
      'Online safety concerns about a pupil must be reported to the DSL within 24 hours.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.deadline']);
  });
});

describe('"may" in the concern, not in the rule', () => {
  it('"A concern that a colleague may have harmed a child, or may not be suitable to work with children, must be reported to the Principal … the same day"', () => {
    const text =
      'A concern that a colleague or volunteer may have harmed a child online, or may not be suitable to work with children, must be reported to the Principal without delay and in any event on the same day.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });

  it('"may" as the rule\'s own word is still no time to act: "…may be reported to the Principal on the same day"', () => {
    const text = 'A concern about the online conduct of a member of staff may be reported to the Principal on the same day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.deadline']);
  });
});

describe("a table's cell that says at once, then what follows on a condition", () => {
  it('"Immediately; the Head will contact the LADO within one working day if the threshold is met": at once', () => {
    const text = [
      'Type of concern\tWho to tell\tHow quickly',
      'A concern about the online conduct of a member of staff or volunteer\tHead Teacher\tImmediately; the Head Teacher will contact the LADO within one working day if the allegation threshold is met',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('"Immediately if the child is at risk; otherwise the same day" is no haste for the row', () => {
    const text = [
      'Type of concern\tWho to tell\tHow quickly',
      'A concern about the online conduct of a member of staff or volunteer\tHead Teacher\tImmediately if a child is at risk; otherwise the same day',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.immediate']);
  });
});

describe('a first name that a condition only narrows', () => {
  it('"If a local newspaper asks for names, we will give first names only, and only with the parent\'s agreement": first names in the press', () => {
    const text =
      "We take photographs for the school website and for the local press. If a local newspaper asks for names, we will give first names only, and only with the parent's agreement.";
    expect(proposals(text)).toHaveProperty(['photos.channels.press.naming'], 'first-names');
  });

  it('"Website and newsletter ….. first name only (plus year group if you like)": first names on both', () => {
    const text = ['Naming pupils:', '     Website and newsletter ............... first name only (plus year group if you like)'].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('the form\'s "(If No, only the first name may be used)" under a full-name question is what a refusal leaves: not first names', () => {
    const text = [
      'Photographs in the local newspaper',
      'May the newspaper print your child’s full name?  [ ] Yes   [ ] No   (If No, only the first name may be used in the newspaper)',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.press.naming'], 'first-names');
  });

  it('"first names only unless the parent has asked for the full name" is still a condition: no rule', () => {
    const text = 'On the school website we use first names only unless a parent has asked us to print the full name.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});
