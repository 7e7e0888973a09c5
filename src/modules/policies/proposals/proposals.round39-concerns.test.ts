/**
 * The twenty-fifth session's readings of who is told about a safeguarding concern: one who may see it named beside others
 * who may not, and whoever stands in.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a safeguarding concern told to the DSL beside someone who may not see it', () => {
  it('"…to the IT Co-ordinator or, where it is a child protection concern, directly to the Designated Teacher"', () => {
    const read = proposals(
      'Any online safety incident must be reported to the IT Co-ordinator or, where it is a child protection concern, directly to the Designated Teacher, on the day it happens.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"…to the Computing Lead so the site can be blocked, and to the DSL if it is a safeguarding concern"', () => {
    const read = proposals(
      'Staff must report any concern about a child’s safety online to the Designated Safeguarding Lead at once.\n\nIf a pupil finds an unsuitable site, the teacher reports it to the Computing Lead so that it can be blocked, and to the DSL if it is a safeguarding concern.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"Tell the DSL the same day…, and copy in the Online Safety Lead"', () => {
    const read = proposals('Tell the DSL the same day, as for any other safeguarding worry, and copy in the Online Safety Lead.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but a safeguarding concern told only to someone who may not see it still names no route', () => {
    const read = proposals('Any safeguarding concern about a pupil online must be reported to the Network Manager straight away.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('and poisons a route said elsewhere', () => {
    const read = proposals(
      'Any safeguarding concern must be reported to the DSL immediately.\n\nAny safeguarding concern about a pupil online must be reported to the Network Manager straight away.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('whoever stands in is not told first', () => {
  it.each([
    'Staff must pass any child protection concern to the Child Protection Coordinator (or, in her absence, the Head Teacher) without delay.',
    'Staff must pass any child protection concern to the Designated Safeguarding Lead or, in his absence, the Principal, without delay.',
    'Staff must pass any child protection concern to the DSL (or, if she is unavailable, the Headteacher) without delay.',
  ])('%s', (text) => {
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but two told together are both told', () => {
    expect(proposals('Staff must pass any child protection concern to the DSL and the Headteacher without delay.')).toHaveProperty(
      ['concerns.routes.safeguarding.notify'],
      ['dsl', 'headteacher'],
    );
  });
});

describe('the one told, telling someone else in turn', () => {
  it('"The DSL must notify the Director of Safeguarding within 24 hours" is not the route’s time', () => {
    const read = proposals(
      'If a pupil discloses online abuse, staff must report it to the DSL immediately and in any case before the end of the school day.\n\nThe Academy DSL must notify the Trust’s Director of Safeguarding within 24 hours of any safeguarding referral.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('"The Headteacher will inform the home school of any safeguarding concern within one working day"', () => {
    const read = proposals('The Headteacher will inform the pupil’s home school of any safeguarding concern within one working day.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.deadline']);
  });

  it('but staff telling the DSL within a time is the route’s', () => {
    expect(proposals('Staff will inform the DSL of any safeguarding concern within 24 hours.')).toHaveProperty(
      ['concerns.routes.safeguarding.deadline'],
      '24-hours',
    );
  });
});

describe('a worry about an image of a pupil is a safeguarding concern', () => {
  it('"…worried that a photo or video of a pupil has been taken, shared or used inappropriately"', () => {
    const read = proposals(
      'If anyone is worried that a photo or video of a pupil has been taken, shared or used inappropriately – whether by a member of staff, a parent or another pupil – they must tell the DSL straight away.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('"Any concern about an image – for example one circulating online – must be reported to the DSL immediately"', () => {
    const read = proposals(
      'Any concern about an image — for example an image of one of our pupils circulating online, or one that seems to have been taken inappropriately — must be reported to the Designated Safeguarding Lead immediately.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but a question about which image is used goes nowhere in particular', () => {
    const read = proposals('Any concern about an image on the website should be raised with the office, who will take it down while it is checked.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('more ways to say the end of the day', () => {
  it('"straight away and before I leave the site that day"', () => {
    const read = proposals('If I am worried about a child’s safety online, I will tell the DSL straight away and before I leave the site that day.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('"before you leave the building"', () => {
    const read = proposals('Any safeguarding concern must be passed to the DSL before you leave the building.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('but not leaving the site as part of a trip', () => {
    const read = proposals('Any safeguarding concern must be passed to the DSL, and the register checked before the pupils leave the site for a trip.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.deadline']);
  });
});
