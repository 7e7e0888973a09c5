/**
 * The twenty-seventh session's readings of concern routes: a table set out by spaces whose cells wrap onto the next line,
 * a "how / when" column, an adult's conduct, something seen that has frightened a child, and a list of kinds whose
 * telling names who tells ("the member of staff must let the DSL know").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const spaced = [
  'REPORTING ONLINE CONCERNS',
  '',
  '   Concern                              Who                         How / when',
  '   A pupil is being bullied online      Head of Year and the DSL    The same day,',
  '     or through messages                                            before you leave',
  "   Worry about an adult's conduct       Principal (the Chair of      At once, by phone",
  '     towards pupils                       Governors for the Principal)',
].join('\n');

describe('an incident table set out by spaces', () => {
  it('reads a "how / when" column for the time to act', () => {
    const read = proposals(spaced);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it("joins a cell that wraps onto the next line to its row, and reads an adult's conduct as about staff", () => {
    const read = proposals(spaced);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    // The wrapped line is no row of its own: "or through messages" names no kind and no one.
    expect(
      Object.keys(read)
        .filter((k) => k.startsWith('concerns.routes.'))
        .sort(),
    ).toEqual(['concerns.routes.cyber-bullying.deadline', 'concerns.routes.staff-misuse.immediate', 'concerns.routes.staff-misuse.notify']);
  });

  it('does not join a line whose pieces start under no column', () => {
    const text = [
      '   Concern                              Who                         When',
      '   A pupil is being bullied online      The DSL                     Same day',
      ' Staff should keep a note of what they saw and when they saw it, and who they told.',
    ].join('\n');
    const read = proposals(text);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.deadline'], 'same-day');
  });
});

describe('what a child has seen', () => {
  it('"has seen something online that has frightened them" is unsuitable content', () => {
    const read = proposals('If a pupil has seen something online that has frightened them, staff must tell the Online Safety Lead the same day.');
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('but not something that has worried staff about a child', () => {
    const read = proposals('If you see something that has worried you about a pupil, tell the DSL the same day.');
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('kinds listed before a telling that names who tells', () => {
  it('gives each kind listed the route', () => {
    const read = proposals(
      'If a child tells a member of staff that a stranger has messaged them online, or that they have seen something that has upset them, the member of staff must let the Designated Safeguarding Lead know the same day.',
    );
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('but an item that is one sort of safeguarding concern sets no safeguarding route', () => {
    const read = proposals(
      'If the concern involves semi-nude images, a pupil being contacted by an adult they do not know, or being bullied online, staff must tell the DSL at once.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['dsl']);
  });
});

describe('a line of its own over the bullets it heads', () => {
  const text = [
    'What to do',
    '',
    'Worries about a colleague, a volunteer or a visitor to the school',
    '- Tell the Principal at once.',
    '- If the worry is about the Principal, tell the Chair of Governors.',
  ].join('\n');

  it('is the scenario of the instructions under it', () => {
    const read = proposals(text);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('but a line that states a rule is no heading', () => {
    const read = proposals(['Staff are asked to keep this card in their lanyard', '- Tell the Principal at once.'].join('\n'));
    expect(read).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });
});

describe('a line a PDF wrapped after a word no sentence ends on', () => {
  it('runs on into the next line even when that starts with a capital', () => {
    const text = [
      '- A concern or allegation about a member of staff, a volunteer or a governor: report it to the',
      'Principal immediately. If it is about the Principal, report it to the Chair of Governors.',
    ].join('\n');
    const read = proposals(text);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('but a line that ends a sentence does not', () => {
    const text = ['A concern about a member of staff goes to the Principal.', 'Headteacher immediately reviews the log.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.immediate']);
  });
});

describe('"This is a safeguarding concern" after the concern it classes', () => {
  it('routes the concern named before it', () => {
    const read = proposals('An adult the pupil has never met has messaged them on a game. This is a safeguarding concern: tell the DSL immediately.');
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.immediate'], true);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('but a safeguarding concern named on its own is that route', () => {
    const read = proposals('Please read this carefully. This is a safeguarding concern if a child is at risk of harm: tell the DSL immediately.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });
});

describe('the carers told', () => {
  it('"will investigate and keep parents informed"', () => {
    const read = proposals('If a pupil is being bullied online, tell the Head of Year, who will investigate and keep the parents informed.');
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('"will involve the parents of the children concerned"', () => {
    const read = proposals('Online bullying is dealt with under the anti-bullying policy, and we will involve the parents of the children concerned.');
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('but not "may involve the parents"', () => {
    const read = proposals('Online bullying is dealt with under the anti-bullying policy, and we may involve the parents of the children concerned.');
    expect(read).not.toHaveProperty(['concerns.routes.cyber-bullying.tell']);
  });
});

describe('the one told telling someone in turn', () => {
  it('"…tell the teacher. The teacher will report the site to the Network Manager" is no route to the Network Manager', () => {
    const read = proposals(
      'If a pupil accidentally accesses unsuitable material in school, they should turn off the monitor and tell the teacher. The teacher will report the site to the Network Manager so that it can be blocked, and log the incident.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('and the first telling still routes the concern', () => {
    const read = proposals(
      'If a pupil sees unsuitable material in school, staff should close the screen and tell the class teacher. The class teacher will report the site to the Network Manager so that it can be blocked.',
    );
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
  });
});
