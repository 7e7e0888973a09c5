import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Round 31 (session 17): the kinds of concern in more of the words the sixteenth session's blind sets use, the posts no
 * role key names, and the concern's own "may" that is no discretion.
 */

describe('round 31: kinds of concern in more words', () => {
  it.each([
    ['All enquiries from newspapers, radio or television are passed to the Head Teacher.', 'media-enquiry', ['headteacher']],
    ['Any telephone call, email or visit from a journalist must be passed straight to the Headteacher.', 'media-enquiry', ['headteacher']],
    ['Journalists, bloggers or community newspapers who contact any member of staff should be referred to the Headteacher.', 'media-enquiry', ['headteacher']],
    ['If a pupil is being bullied or bullying others online, tell the Deputy Headteacher.', 'cyber-bullying', ['deputy-headteacher']],
    ['If someone is being unkind to them online, report it to the class teacher.', 'cyber-bullying', ['class-teacher']],
    [
      'Where staff become aware of social media posts about the school, a member of staff or a student which are abusive or threatening, they should not respond, but should pass them to the Deputy Headteacher.',
      'disparaging-content',
      ['deputy-headteacher'],
    ],
    ['If an offensive or inaccurate post about the school is found, it must be reported to the Headteacher.', 'disparaging-content', ['headteacher']],
    ['If you become aware of online abuse of staff, tell the Business Manager.', 'disparaging-content', ['office']],
    ['Where a student reports that an adult or stranger has contacted them online, the member of staff should inform the DSL.', 'contact-attempt', ['dsl']],
    [
      'A student who sees or accesses unsuitable or upsetting content in school must report it to the Online Safety Lead.',
      'inappropriate-content',
      ['ict-lead'],
    ],
    ['If a member of staff sees something online that worries them about a child, they must tell the Designated Safeguarding Lead.', 'safeguarding', ['dsl']],
    ['If anyone is worried about how a member of staff has used a phone or photos, they must tell the Headteacher.', 'staff-misuse', ['headteacher']],
  ])('%s', (text, kind, roles) => {
    expect(proposals(text)[`concerns.routes.${kind}.notify`]).toEqual(roles);
  });

  it('a post about the school with nothing wrong with it is no concern', () => {
    const text = 'Posts about the school’s events are written by the office and must be passed to the Headteacher before they go up.';
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('concerns.'))).toEqual([]);
  });

  it('a colleague’s workload is no concern about their conduct', () => {
    expect(proposals('Staff concerned about a colleague’s workload should tell the Head.')).toEqual({});
  });

  it('"could harm a child" keeps a concern about staff a concern about staff', () => {
    const text = 'Any allegation that a member of staff has used a camera in a way that could harm a child must be reported to the Headteacher straight away.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.immediate': true });
  });
});

describe('round 31: a post no role key names, told first', () => {
  it.each([
    'Any contact from a journalist should be referred to the Marketing Manager, who will inform the Head.',
    'Enquiries from the press are passed to the Director of Communications, who will then tell the Principal.',
  ])('no route: %s', (text) => expect(proposals(text)['concerns.routes.media-enquiry.notify']).toBeUndefined());

  it('a keyed post named before it still is the route', () => {
    const text = 'Online bullying should be reported to the Form Tutor or Head of Year, who will investigate.';
    expect(proposals(text)['concerns.routes.cyber-bullying.notify']).toEqual(['class-teacher']);
  });

  it('a table’s row whose first told is a head of year gives no list, but keeps its time', () => {
    const text = [
      '| Concern | Who to tell | When |',
      '|---|---|---|',
      '| Online bullying between students | Head of Year and Network Manager | Same school day |',
    ].join('\n');
    const found = proposals(text);
    expect(found['concerns.routes.cyber-bullying.notify']).toBeUndefined();
    expect(found['concerns.routes.cyber-bullying.deadline']).toBe('same-day');
  });
});

describe('round 31: the concern’s own "may" is no discretion', () => {
  it('"something which suggests they may be at risk of harm … before the end of the school day" has its time', () => {
    const text =
      'If a pupil tells a member of staff about something online which suggests they may be at risk of harm, the member of staff must report to the Designated Teacher immediately and in any case before the end of the school day.';
    expect(proposals(text)['concerns.routes.safeguarding.deadline']).toBe('same-day');
  });

  it('"may be reported the same day" is still one', () => {
    const text = 'A concern that a pupil may be at risk of harm may be reported to the DSL the same day.';
    expect(proposals(text)['concerns.routes.safeguarding.deadline']).toBeUndefined();
  });
});

describe('round 31: a worry a parent brings, as staff pass it on', () => {
  it.each([
    ['Where a parent or carer raises a concern about images or social media, it should be passed to the Vice Principal (Pastoral).', ['deputy-headteacher']],
    ['Concerns about the welfare of a student raised by a parent or carer are passed to a Designated Safeguarding Lead.', ['dsl']],
  ])('%s', (text, roles) => expect(proposals(text)['concerns.routes.raised-by-carer.notify']).toEqual(roles));

  it.each([
    // A family asked whom to speak to is advice, which keyers mostly leave unkeyed.
    'If a parent has a concern or complaint about the school, we ask that they speak to the class teacher first.',
    'Parents who are worried about their child’s safety online are encouraged to speak to the class teacher.',
  ])('no route: %s', (text) => expect(proposals(text)['concerns.routes.raised-by-carer.notify']).toBeUndefined());

  it('a parent’s concern about a member of staff is a concern about staff', () => {
    const text = 'If a parent raises a concern about the behaviour of a member of staff online, it must be reported to the Headteacher the same day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.staff-misuse.notify': ['headteacher'], 'concerns.routes.staff-misuse.deadline': 'same-day' });
  });
});

describe('round 31: a safeguarding route reaches the kinds it gives as examples', () => {
  it('"including … contacted by an unknown adult … exposed to harmful content" routes all three to the DSL', () => {
    const text =
      'Any safeguarding concern, including a disclosure by a student, evidence that a student is being groomed or contacted by an unknown adult online, or a student being exposed to harmful content, must be reported to the DSL immediately.';
    expect(proposals(text)).toMatchObject({
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.contact-attempt.immediate': true,
      'concerns.routes.inappropriate-content.notify': ['dsl'],
    });
  });

  it('an example between dashes, with the telling after it', () => {
    const text =
      'Any concern that a pupil may be at risk of harm online – for example contact from an adult they do not know – must be reported to the DSL the same day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.contact-attempt.notify': ['dsl'], 'concerns.routes.contact-attempt.deadline': 'same-day' });
  });

  it('a sentence about another kind lends its route to no example', () => {
    const text = 'Online bullying, for example unkind messages in a group chat, must be reported to the class teacher.';
    expect(Object.keys(proposals(text)).filter((k) => k.includes('safeguarding') || k.includes('contact-attempt'))).toEqual([]);
  });
});

describe('round 31: a quick guide’s table', () => {
  const table = [
    '| What has happened | What you do | Who you tell | When |',
    '|---|---|---|---|',
    '| Online bullying between pupils | Save what you can. | Class teacher / Head of Year; DSL as well if there is any risk of harm | Same day |',
    '| A pupil or parent contacts you on your personal social media or phone | Don’t reply. | DSL or Deputy DSL | Same day |',
    '| A colleague, volunteer or governor behaving inappropriately online | Don’t discuss it. | **Headteacher** | **Immediately**. Head contacts the LADO within 1 working day. |',
  ].join('\n');

  it('reads "Who you tell", leaves out who is told on a condition, and the LADO’s time', () => {
    expect(proposals(table)).toMatchObject({
      'concerns.routes.cyber-bullying.notify': ['class-teacher'],
      'concerns.routes.cyber-bullying.deadline': 'same-day',
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.staff-misuse.immediate': true,
    });
    expect(proposals(table)['concerns.routes.staff-misuse.deadline']).toBeUndefined();
  });
});

describe('round 31: a tabbed grid in parts, and a bracket’s own negation', () => {
  const grid = [
    'Incident\tImmediate action\tWho to inform\tTimescale',
    '',
    'A. CONTENT',
    '',
    'Accidental access to inappropriate material (violence, gore)\tClose the lid.\tClass teacher. DSL if the student is upset.\tSame day.',
    'Getting round the filtering (VPN, proxy)\tRemove the device.\tDSL.\tSame day. IT to close the gap within 1 working day.',
  ].join('\n');

  it('reads the rows after a part’s label, without who is told on a condition or a later time', () => {
    expect(proposals(grid)).toMatchObject({
      'concerns.routes.inappropriate-content.notify': ['class-teacher'],
      'concerns.routes.inappropriate-content.deadline': 'same-day',
      'concerns.routes.filter-circumvention.notify': ['dsl'],
      'concerns.routes.filter-circumvention.deadline': 'same-day',
    });
  });

  it('"(do not switch off)" does not negate the telling after it', () => {
    const text =
      'If anyone finds that an unsuitable site can be reached, they close the screen (do not switch off) and tell the Online Safety Lead the same day.';
    expect(proposals(text)).toMatchObject({
      'concerns.routes.inappropriate-content.notify': ['ict-lead'],
      'concerns.routes.inappropriate-content.deadline': 'same-day',
    });
  });
});

describe('round 31: an image of a pupil misused is a safeguarding concern', () => {
  it.each([
    'A member of staff who becomes aware that an image of a pupil has been taken, shared or published inappropriately must report it to the DSL immediately.',
    'Any member of staff who sees an image of a pupil that worries them must tell the DSL immediately.',
  ])('%s', (text) => expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true }));

  it('a member of staff who shared it is a concern about staff', () => {
    const text =
      'Any concern that a member of staff has taken, shared or kept images of children inappropriately must be passed to the Head Teacher without delay.';
    expect(proposals(text)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']);
  });
});

describe('round 31: who is told first, said twice', () => {
  it('a later list with the same person and a stand-in keeps the first', () => {
    const text = [
      'Any safeguarding concern must be reported to the DSL immediately.',
      '',
      'A concern about a child’s welfare may also be raised with the Headteacher or the DSL.',
      '',
      'Child protection concerns are passed to the DSL or the Headteacher the same day.',
    ].join('\n');
    expect(proposals(text)['concerns.routes.safeguarding.notify']).toEqual(['dsl']);
  });

  it('lists with no one in common add up when each stands in a part of the page for its own readers (staff, and the rest)', () => {
    const text = [
      '6. Social media use – staff',
      '',
      '- 6.17. If inappropriate content is accessed online, a report form should be completed and passed on to the Headteacher.',
      '',
      '8. Blocked content',
      '',
      '- 8.3. Inappropriate content which is accessed on the school computers should be reported to the class teacher immediately.',
    ].join('\n');
    expect(proposals(text)['concerns.routes.inappropriate-content.notify']).toEqual(['headteacher', 'class-teacher']);
  });

  it('but in one part of the page two lists with no one in common disagree, and neither is proposed', () => {
    // (Across the keyed sets such a union was never the key: 18 false proposals, none right.)
    const text = [
      'If inappropriate content is accessed online, a report form should be completed and passed on to the Headteacher.',
      '',
      'Inappropriate content which is accessed on the school computers should be reported to the class teacher immediately.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('round 31: "before you go home", and a table’s time to record', () => {
  it('"…and in any case before they go home that day" is the same day', () => {
    const text =
      'If a member of staff sees something online that worries them about a child, they must tell the DSL straight away, and in any case before they go home that day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.safeguarding.immediate': true, 'concerns.routes.safeguarding.deadline': 'same-day' });
  });

  it('"Immediately, and record it on CPOMS before you go home" in a table is at once, with no deadline', () => {
    const table = [
      '| What happened | Tell | How quickly |',
      '|---|---|---|',
      '| A student discloses abuse or harm, online or offline | DSL | Immediately, and record it on CPOMS before you go home |',
    ].join('\n');
    const found = proposals(table);
    expect(found['concerns.routes.safeguarding.immediate']).toBe(true);
    expect(found['concerns.routes.safeguarding.deadline']).toBeUndefined();
  });
});
