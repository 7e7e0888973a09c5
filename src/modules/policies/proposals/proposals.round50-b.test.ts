/**
 * The thirty-sixth session's readings of scenarios and tables: a paragraph that opens "This is a safeguarding concern"
 * under the scenario it classes, a stranger "who the child does not know", a row of a one-cell-to-a-line table that runs
 * onto a further line, those outside the staff a row's other cells name, and a table drawn with box characters.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a scenario, and the paragraph under it that says how it is handled', () => {
  it('"This is treated as a child protection concern. Tell the DSL immediately." under stranger contact routes stranger contact', () => {
    const text = [
      '**Someone the pupil does not know contacts them online, or asks to meet them**',
      '',
      '- This is treated as a child protection concern. Tell the DSL immediately. Parents will be informed.',
    ].join('\n');
    const got = proposals(text);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.immediate'], true);
  });

  it('a question answered "YES: This is a safeguarding concern. Tell the DSL the same day." routes what the question asks about', () => {
    const text = [
      'Question 4: Has an adult who the child does not know in real life contacted them online, or asked to meet them?',
      '',
      '    YES: This is a safeguarding concern. Tell the DSL the same day. Keep the device switched on.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('with no scenario above, "This is a safeguarding concern. Tell the DSL…" is a safeguarding route', () => {
    const text = ['A pupil tells you they are being harmed at home.', '', 'This is a safeguarding concern. Tell the DSL straight away.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });
});

describe('incident tables', () => {
  const cellPerLine = [
    'What has happened',
    'Who to tell',
    'When',
    'What happens next',
    '',
    'A pupil tells or shows you (in any way) that they are being harmed',
    'DSL',
    'Immediately',
    'DSL decides on a referral.',
    '',
    'Someone unknown to the pupil has contacted them online',
    'DSL',
    'Immediately',
    'DSL informs parents/carers and, where there is any risk of grooming, the police.',
    'Keep the device; do not delete anything.',
    '',
    'Online bullying between pupils',
    'Class teacher',
    'Same day',
    'Parents informed the same day.',
  ].join('\n');

  it('a row that runs onto a further line does not end the table', () => {
    const got = proposals(cellPerLine);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
    expect(got).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
  });

  it('"tells or shows you … that they are being harmed" is a safeguarding concern', () => {
    const got = proposals(cellPerLine);
    expect(got).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('those outside the staff a row’s other cells name are told: "DSL informs parents/carers", "Parents informed the same day"', () => {
    const got = proposals(cellPerLine);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.tell'], ['carers']);
    expect(got).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('a piped row’s last cell in parts: "Headteacher consults LADO within one working day; if it concerns the Headteacher, …"', () => {
    const text = [
      'Incident | Who to tell | Timescale | Then',
      '--- | --- | --- | ---',
      'Allegation about a member of staff | Headteacher | Immediately | Headteacher consults LADO within one working day; if it concerns the Headteacher, report to the Chair of Governors',
      'Pupil contacted online by an adult they do not know | DSL | Immediately | DSL informs parents; referral to police where indicated',
    ].join('\n');
    const got = proposals(text);
    expect(got).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.tell'], ['carers']);
  });

  it('a cell that names a family told only on a condition tells no one', () => {
    const text = [
      'Incident | Who to tell | Timescale | Then',
      '--- | --- | --- | ---',
      'Online bullying between pupils | Class teacher | Same day | Parents may be contacted if the teacher thinks it helps',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });

  it('a table drawn with box characters reads as one drawn with bars', () => {
    const text = [
      '┌──────────────────────────────┬──────────────────────┬──────────────────┐',
      '│ Situation                    │ Who                  │ How fast         │',
      '├──────────────────────────────┼──────────────────────┼──────────────────┤',
      '│ Concern about a pupil’s safety │ DSL                │ Same day         │',
      '│ A post about the school online │ Headteacher        │ Within 24 hours  │',
      '└──────────────────────────────┴──────────────────────┴──────────────────┘',
    ].join('\n');
    const got = proposals(text);
    expect(got).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
    expect(got).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });
});

describe('a safeguarding lead over a list of what the concerns are', () => {
  const text = [
    'Safeguarding concerns – report to the DSL straight away (same day, before the pupil goes home):',
    '- a pupil tells you about images of them being shared',
    '- a pupil has seen something harmful or upsetting online in school',
    '- a pupil has been contacted online by someone they do not know',
    '- online bullying that is serious or persistent',
  ].join('\n');

  it('each kind an item names takes the lead’s route', () => {
    const got = proposals(text);
    expect(got).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.contact-attempt.deadline'], 'same-day');
    expect(got).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
    expect(got).toHaveProperty(['concerns.routes.inappropriate-content.immediate'], true);
  });

  it('an item that is only the graver part of its kind takes no route', () => {
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('an item with a route of its own keeps it', () => {
    const own = [
      'Safeguarding concerns – report to the DSL straight away:',
      '- a pupil discloses abuse',
      '- a pupil sees unsuitable content on a school device: tell the Computing Lead',
    ].join('\n');
    expect(proposals(own)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });
});
