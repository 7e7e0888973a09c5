/**
 * The twenty-sixth session's readings of sentences that named a safeguarding concern's route poisoned when they are no
 * route at all: the DSL or the head telling someone in turn, a kind said not to be there, and posts and courses named
 * after safeguarding.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const route = 'Staff must pass any child protection concern to the Designated Safeguarding Lead at once.';

describe('the DSL or the head telling someone in turn is their next step, not the route', () => {
  it.each([
    'Where a court order or a safeguarding concern means a child must not be identified, the Designated Safeguarding Lead will inform the Deputy Head and the child is marked on the register.',
    'If a safeguarding concern involves a photograph on the school website, the DSL will tell the Office Manager so that it can be taken down.',
    'Where there is a child protection concern about a device, the Principal will inform the ICT Technician so it can be checked.',
  ])('%s', (text) => {
    expect(proposals(`${route}\n\n${text}`)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but a member of staff telling someone who may not see a safeguarding concern still poisons the route', () => {
    const read = proposals(`${route}\n\nWhere a safeguarding concern arises in a lesson, the class teacher will tell the Network Manager.`);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('a kind said not to be there', () => {
  it.each([
    'Breaches of the pupil agreement that do not raise a child protection concern are dealt with by the class teacher under the behaviour policy.',
    'Misuse of the internet which does not involve any safeguarding concern is passed to the Computing Lead.',
    'An incident that does not amount to a safeguarding matter is reported to the Head of Year.',
  ])('%s', (text) => {
    expect(proposals(`${route}\n\n${text}`)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('posts and courses named after safeguarding are not the concern', () => {
  it.each([
    '| Link governor for safeguarding | Mrs A. Stone | Meets the DSL each term; reports to the Headteacher and governors |',
    'Safeguarding training needs are discussed with the Deputy Head at each appraisal.',
    'The trustee responsible for safeguarding is told about the filtering review by the IT Manager.',
  ])('%s', (text) => {
    expect(proposals(`${route}\n\n${text}`)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but where a concern is recorded still says what kind it is', () => {
    const read = proposals(
      'If a child tells a member of staff something that has happened online, they record it on CPOMS, our safeguarding system, and tell the DSL the same day.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });
});

describe('several kinds listed as the condition of one telling', () => {
  const text =
    'If you think a pupil is being bullied online, has been contacted by a stranger through a game, or has come across something upsetting, tell the Designated Safeguarding Lead the same day.';

  it.each(['cyber-bullying', 'contact-attempt', 'inappropriate-content'])('routes %s as the sentence says', (kind) => {
    const read = proposals(text);
    expect(read).toHaveProperty([`concerns.routes.${kind}.notify`], ['dsl']);
    expect(read).toHaveProperty([`concerns.routes.${kind}.deadline`], 'same-day');
  });

  it('each at once, when the telling is at once', () => {
    const read = proposals(
      'Where a student is being bullied on social media, or is contacted online by an adult they do not know, report it to the DSL immediately.',
    );
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.immediate'], true);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.immediate'], true);
  });

  it('but a restricted kind in the list told to someone who may not see it is no route', () => {
    const read = proposals('If a pupil is being bullied online, or a child discloses abuse, tell the class teacher.');
    expect(read).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('nor is a list of things that are one kind', () => {
    const read = proposals('If a pupil is unkind online, in a group chat, or through a game, tell the class teacher.');
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('the carers told, in "let the parents know"', () => {
  it('"The DSL will let the parents know the same day" after a kind', () => {
    const read = proposals(
      'If a pupil has seen something upsetting online, staff must tell the DSL straight away. The DSL will let the family know the same day, by phone.',
    );
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.tell'], ['carers']);
  });

  it('but not a telling whose kind is only a later clause’s condition', () => {
    const read = proposals(
      'If we find out a pupil is using an app that is too old for them, the class teacher will let the parents know; if there is any safeguarding worry, it is dealt with as a safeguarding concern.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.tell']);
  });
});
