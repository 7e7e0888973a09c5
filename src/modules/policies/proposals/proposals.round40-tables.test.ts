/**
 * The twenty-sixth session's readings of incident tables and the kinds in their rows: headers written with marks after
 * them ("If… | Tell… | How fast?"), a pupil in danger, a member of staff contacting a pupil privately, and the DSL's own
 * time to decide on a referral.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const table = [
  '| If… | Tell… | How fast? |',
  '|---|---|---|',
  '| You think that you or a friend might be in danger | The **Designated Safeguarding Lead** | Straight away |',
  '| An adult from school has messaged you privately on social media | The **Headteacher** | Straight away |',
  '| You found a site that should have been blocked | The **Network Manager** | Same day |',
].join('\n');

describe('an incident table whose header has marks after its words', () => {
  it('reads who is told and how fast for each row', () => {
    const read = proposals(table);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });
});

describe('kinds said as a pupil would say them', () => {
  it('"If a pupil may be in danger, tell the DSL at once"', () => {
    expect(proposals('If a pupil may be in danger, staff must tell the DSL at once.')).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('but not danger right now, the emergency with its own haste', () => {
    const read = proposals('If a child is in danger right now, ring 999, then tell the DSL straight away.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });

  it('"A member of staff has contacted you privately online" is about the member of staff', () => {
    const read = proposals('If a member of staff has contacted you privately online, tell the Headteacher.');
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });
});

describe('the DSL deciding on a referral within a time', () => {
  it('is not the route’s time to act', () => {
    const read = proposals(
      'Staff pass any online safety concern to the DSL on the same day. Where a child may be in danger, the DSL decides whether to refer to children’s social care or the police, normally within 24 hours.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.deadline'], '24-hours');
  });
});
