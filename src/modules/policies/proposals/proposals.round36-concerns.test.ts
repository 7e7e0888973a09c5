/**
 * The twenty-second session's concern routes: lines a card sets out with a leader of dots ("Concern about a child ......
 * DSL same day") are rows of their own, not one sentence that runs the rows together.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('rows set out with a leader of dots', () => {
  it('are each their own: the head of the row below is not told about the row above', () => {
    const card = [
      'TIMES AT A GLANCE',
      ' Concern about a child ........... CPOMS + DSL same day',
      ' Child at immediate risk ......... DSL now (999 if needed)',
      ' Nudes / sexting ................. DSL immediately',
      ' DSL -> Trust (serious) .......... within 24 hours',
      ' Allegation v. staff ............. Head same day; LADO 1 working day',
      ' Consent withdrawn ................ photos taken down within 2 working days',
    ].join('\n');
    // A card hard-wrapped at about 70 characters, as a plain-text file is: a long line that ends no sentence runs on.
    const wrapped = [
      'This card is for every member of staff and volunteer to keep by the',
      'class computer or in a lanyard wallet, so that the steps that matter',
      'most are always to hand when something worrying happens online, and',
      'so that nobody has to look for the full policy in the middle of a day',
      'that is already busy. It does not replace the online safety policy or',
      'the child protection policy, which say the same things at more length',
      'and which every member of staff reads each September, before the first',
      'day of term, and signs to say that they have read and understood them.',
      'If anything on this card seems to disagree with either of the policies',
      'then the policies are right, and you should tell the office so that the',
      'card can be corrected before it is printed again for the next school',
      'year. The times below are the most that any step should ever take here.',
    ].join('\n');
    const read = proposals(`${wrapped}\n\n${card}`);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify'], ['headteacher']);
    expect(read).not.toHaveProperty(['concerns.routes.staff-misuse.notify'], ['dsl']);
  });

  it('a signature’s dotted line still names who signs', () => {
    expect(
      proposals('Signed ..........................................  Headteacher\n\nSigned .......................................... Chair of Governors'),
    ).toHaveProperty(['policyReview.signatories'], ['Headteacher', 'Chair of governors']);
  });
});

describe('a time said as a label says it: "DSL, same day"', () => {
  it('after an arrow, with no verb', () => {
    expect(proposals('- Safeguarding concern → DSL, same day, CPOMS. A blocked site → helpdesk ticket.')).toHaveProperty(
      ['concerns.routes.safeguarding.deadline'],
      'same-day',
    );
  });

  it('not "the same day as" another event', () => {
    expect(proposals('Safeguarding concerns go to the DSL, who meets the family on the same day as the review.')).not.toHaveProperty([
      'concerns.routes.safeguarding.deadline',
    ]);
  });
});

describe('incident tables', () => {
  const table = (header: string, ...rows: string[]) => [header, '|---|---|---|', ...rows].join('\n');

  it('a column headed "First person to tell" names who is told', () => {
    const read = proposals(table('| Harm | First person to tell | How quickly |', '| Online bullying | Class teacher | same day |'));
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
  });

  it('a post no key names is told first, and the row’s time still stands', () => {
    const read = proposals(table('| Harm | First person to tell | How quickly |', '| Online bullying | Head of Year | same day |'));
    expect(read).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
  });

  it('a row for one sort of safeguarding concern gives that sort’s haste, not the route’s', () => {
    const read = proposals(table('| Concern | Report to | When |', '| Nudes, semi-nudes or image-based abuse | DSL | Immediately, same day at the latest |'));
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.deadline']);
  });

  it('a sort named among a row’s examples is not the row’s sort', () => {
    expect(
      proposals(table('| Concern | Report to | When |', '| A pupil may be at risk of harm online (grooming, radicalisation, nudes) | DSL | Immediately |')),
    ).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });
});

describe('monitoring alerts about a member of staff', () => {
  it('are a concern about staff', () => {
    const read = proposals('Monitoring alerts about a member of staff are passed to the headteacher on the same day.');
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });
});

describe('staff’s own friend requests', () => {
  it.each([
    'Staff must not be "friends" with, follow or message pupils on social media, and must tell the Headteacher if a pupil sends them a request.',
    'Staff should think carefully before accepting friend requests from parents; where a member of staff is already friends with a parent, they should tell the Headteacher.',
  ])('are a declaration, not a concern reported: %s', (sentence) => {
    expect(proposals(sentence)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('a stranger contacting a pupil is still routed', () => {
    expect(proposals('Someone the pupil does not know contacts them online: report it to the DSL immediately.')).toHaveProperty(
      ['concerns.routes.contact-attempt.notify'],
      ['dsl'],
    );
  });
});
