/**
 * The thirty-first session's readings of how a concern is routed: a paragraph's instruction "Staff should report it to…"
 * under the scenario its paragraph opens with; a clause after a semicolon where the one told passes it on ("…; the form
 * tutor will inform the DSL") is the next step, not who is told first; an aside inside the words that name the kind
 * ("Unsuitable (though legal) material"); something "that should have been blocked"; posts about staff themselves, their
 * colleagues or their school that are abusive; and a bare "technician" as the school's IT technician.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('"Staff should report it to…" under the paragraph that opens with the concern', () => {
  it('takes the kind of the paragraph, and the one told first is the route', () => {
    const text = [
      '6.3 Bullying online',
      'Online bullying is handled through the Behaviour Policy like any other bullying.',
      'Staff should report it to the form tutor and record it on MyConcern; the form tutor will inform the Head of Year, and the DSL where there is a safeguarding worry.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('with no concern in the paragraph or heading, no route', () => {
    const text = ['6.3 Clubs', 'Clubs run until half past four.', 'Staff should report it to the form tutor and record it on MyConcern.'].join('\n');
    const found = proposals(text);
    for (const kind of ['cyber-bullying', 'safeguarding', 'inappropriate-content']) expect(found).not.toHaveProperty([`concerns.routes.${kind}.notify`]);
  });
});

describe('a clause where the one told passes it on', () => {
  it('is not among those told first', () => {
    const text = 'Any concern about online bullying should be reported to the class teacher; the class teacher will then inform the DSL.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher']);
  });

  it('a second person told in the same clause still is', () => {
    const text = 'Any concern about online bullying should be reported to the class teacher and the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['class-teacher', 'headteacher']);
  });
});

describe('an aside inside the words that name the kind', () => {
  it('"Inappropriate (though legal) content…"', () => {
    const text =
      'Inappropriate (though legal) content that a pupil comes across should be reported to the DSL and the IT technician so the filter can be checked.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl', 'ict-lead']);
  });
});

describe('something that should have been blocked', () => {
  it('is unsuitable content the filter let through', () => {
    const text = 'Anyone who notices something that should have been blocked must tell the DSL the same day.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('a site that should be unblocked is no such concern', () => {
    const text = 'Anyone who thinks a site has been blocked in error must tell the DSL the same day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('posts about staff that are abusive', () => {
  it('"…posts about them, their colleagues or their school that are abusive"', () => {
    const text = [
      'Staff must:',
      '- keep their privacy settings high;',
      '- tell the Principal straight away if they find posts about them, their colleagues or their school that are abusive or threatening.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.disparaging-content.immediate'], true);
  });

  it('posts about a pupil are no such thing', () => {
    const text = 'Staff must tell the Principal straight away if they find posts about a pupil that are abusive.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.disparaging-content.notify']);
  });
});

describe('a bare "technician"', () => {
  it("is the school's IT technician", () => {
    const text = 'If pupils see unsuitable content, staff must report it to the technician and the DSL the same day.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });

  it('a media technician is not', () => {
    const text = 'If pupils see unsuitable content, staff must report it to the Media Technician and the DSL the same day.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });
});
