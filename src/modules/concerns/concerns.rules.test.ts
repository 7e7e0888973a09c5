import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../platform/auth/permissions.ts';
import { defaultOutOfHours, defaultRepeatMisconduct, defaultSettings } from '../settings/settings.defaults.ts';
import {
  actedOn,
  ageBand,
  deadlineAt,
  isPastDeadline,
  isSchoolDay,
  requiredTelling,
  concernAccess,
  currentText,
  findRepeats,
  isRestricted,
  outOfHoursDecisionProblems,
  pendingFollowUps,
  routeConcern,
  statusOf,
  type ConcernRoute,
  type EarlierConcern,
  type PersonRef,
  type RoutingInput,
} from './concerns.rules.ts';

const contractTypes = [
  'cyber-bullying',
  'inappropriate-content',
  'community-post',
  'staff-misuse',
  'contact-attempt',
  'safeguarding',
  'filter-circumvention',
  'disparaging-content',
  'media-enquiry',
  'raised-by-carer',
] as const;
const routeOf = (type: string): ConcernRoute => defaultSettings.concerns.routes.find((r) => r.type === type)!;

// One person per role, plus a teacher who teaches the pupil involved and a line manager.
const staff = [...roles.map((role) => ({ id: role, roles: [role] })), { id: 'class-teacher', roles: ['teacher'] }, { id: 'manager', roles: ['senior-leader'] }];
/** Those routed (the rules also say who was named but not told). */
const route = (input: RoutingInput) => routeConcern(input).routed;
const base = {
  involvesNudeImages: false,
  reporterId: 'volunteer',
  staff,
  classTeachers: [{ staffId: 'class-teacher', pupilName: 'Amelia Clarke' }],
  lineManagerId: 'manager',
};

describe('routing from the settings (INC-3)', () => {
  it('uses the settings for every type of the contract', () => {
    expect(defaultSettings.concerns.routes.map((r) => r.type).sort()).toEqual([...contractTypes].sort());
  });

  it.each([
    ['safeguarding', ['dsl', 'headteacher']],
    ['staff-misuse', ['headteacher']],
    ['inappropriate-content', ['class-teacher', 'ict-lead', 'headteacher']],
    ['contact-attempt', ['headteacher']],
    ['disparaging-content', ['manager']],
    ['media-enquiry', ['headteacher']],
    ['cyber-bullying', ['class-teacher', 'dsl']],
    ['community-post', ['headteacher']],
    ['filter-circumvention', ['ict-lead', 'headteacher']],
    ['raised-by-carer', ['headteacher']],
  ])('%s goes to %j', (type, expected) => {
    expect(route({ ...base, route: routeOf(type) }).map((r) => r.staffId)).toEqual(expected);
  });

  it('says why each person was chosen, in plain words', () => {
    expect(route({ ...base, route: routeOf('inappropriate-content') })).toEqual([
      { staffId: 'class-teacher', reason: 'Class teacher of Amelia Clarke' },
      { staffId: 'ict-lead', reason: 'ICT lead' },
      { staffId: 'headteacher', reason: 'Headteacher' },
    ]);
    expect(route({ ...base, route: routeOf('disparaging-content') })).toEqual([{ staffId: 'manager', reason: 'Line manager of the person who reported it' }]);
  });

  it('follows a school whose settings route differently, without a code change', () => {
    const media = { ...routeOf('media-enquiry'), notify: ['deputy-headteacher', 'office'] as ConcernRoute['notify'] };
    expect(route({ ...base, route: media }).map((r) => r.staffId)).toEqual(['deputy-headteacher', 'office']);
  });

  it('sends nude images of a child to the DSL group at once, whatever the type, and says who else the policy names was not told', () => {
    const { routed, notTold } = routeConcern({ ...base, involvesNudeImages: true, route: routeOf('cyber-bullying') });
    expect(routed[0]).toEqual({
      staffId: 'dsl',
      reason: 'Nude or sexual images of a child: the designated safeguarding lead, at once; Designated safeguarding lead',
    });
    // The record is then restricted, so the class teacher, who could not open it, is not routed — and that is said.
    expect(routed.map((r) => r.staffId)).toEqual(['dsl']);
    expect(notTold).toEqual([
      {
        staffId: 'class-teacher',
        reason:
          'Class teacher of Amelia Clarke: not told, because a report about nude or sexual images of a child may be seen only by the designated safeguarding leads and the headteacher',
      },
    ]);
  });

  it('never drops silently someone the policy names for a restricted record (a document stored before the editor refused it)', () => {
    const staffMisuse = { ...routeOf('staff-misuse'), notify: ['headteacher', 'line-manager', 'office'] as ConcernRoute['notify'] };
    const { routed, notTold } = routeConcern({ ...base, route: staffMisuse });
    expect(routed.map((r) => r.staffId)).toEqual(['headteacher']);
    expect(notTold.map((r) => r.staffId)).toEqual(['manager', 'office']);
    expect(notTold[0].reason).toBe(
      'Line manager of the person who reported it: not told, because only the designated safeguarding leads and the headteacher may see this type of record',
    );
    // With the default settings everybody named is told.
    for (const r of defaultSettings.concerns.routes) expect(routeConcern({ ...base, route: r }).notTold, r.type).toEqual([]);
  });

  it('merges reasons when one person is named twice, and never routes to the reporter', () => {
    const both = [...staff, { id: 'head-and-dsl', roles: ['headteacher', 'dsl'] }];
    const routed = route({ ...base, staff: both, route: routeOf('safeguarding') });
    expect(routed.find((r) => r.staffId === 'head-and-dsl')?.reason).toBe('Designated safeguarding lead; Headteacher');
    expect(route({ ...base, reporterId: 'dsl', route: routeOf('safeguarding') }).map((r) => r.staffId)).toEqual(['headteacher']);
  });

  it('falls back to the headteacher when nobody the policy names can be found', () => {
    expect(route({ ...base, lineManagerId: null, route: routeOf('disparaging-content') })).toEqual([
      { staffId: 'headteacher', reason: 'Headteacher: nobody else the policy names could be found' },
    ]);
    expect(route({ ...base, classTeachers: [], route: routeOf('inappropriate-content') }).map((r) => r.staffId)).toEqual(['ict-lead', 'headteacher']);
  });
});

describe('who sees what (PPL-5): every role × every type × reporter or not', () => {
  const expected = (role: Role, type: string, isReporter: boolean, isRouted: boolean) => {
    const restricted = routeOf(type).restricted;
    if (restricted) return role === 'headteacher' || role === 'dsl' ? 'full' : isReporter ? 'reporter' : 'none';
    if (isRouted || ['headteacher', 'deputy-headteacher', 'senior-leader'].includes(role)) return 'full';
    return isReporter ? 'reporter' : 'none';
  };
  const cases = roles.flatMap((role) =>
    contractTypes.flatMap((type) => [true, false].flatMap((isReporter) => [true, false].map((isRouted) => [role, type, isReporter, isRouted] as const))),
  );

  it.each(cases)('%s, %s, reporter %s, routed %s', (role, type, isReporter, isRouted) => {
    const restricted = isRestricted(routeOf(type), { involvesNudeImages: false });
    const access = concernAccess({ staffId: 'me', roles: [role] }, { reportedBy: isReporter ? 'me' : 'someone', restricted, routedTo: isRouted ? ['me'] : [] });
    expect(access).toBe(expected(role, type, isReporter, isRouted));
  });

  it('restricts safeguarding and staff misuse, and anything with nude images, even if the settings later say otherwise', () => {
    expect(contractTypes.filter((t) => isRestricted(routeOf(t), { involvesNudeImages: false }))).toEqual(['staff-misuse', 'safeguarding']);
    expect(isRestricted(routeOf('cyber-bullying'), { involvesNudeImages: true })).toBe(true);
    expect(isRestricted({ ...routeOf('safeguarding'), restricted: false }, { involvesNudeImages: false, restrictedWhenReported: true })).toBe(true);
  });
});

describe('out-of-hours decisions (INC-5)', () => {
  it.each([
    [{ acts: true, grounds: ['threatens-community'], reasons: 'Messages threaten a pupil' }, []],
    [{ acts: false, grounds: [], reasons: 'An ex-pupil who moved away; we will contact the new school' }, []],
    [{ acts: true, grounds: [], reasons: 'x' }, ['grounds']],
    [{ acts: null, grounds: [], reasons: '' }, ['acts', 'reasons']],
    [{ acts: true, grounds: ['because'], reasons: 'x' }, ['grounds']],
  ])('%j → problems with %j', (input, fields) => {
    expect(outOfHoursDecisionProblems(input, defaultOutOfHours).map((p) => p.field)).toEqual(fields);
  });
});

describe('repeats (INC-6)', () => {
  const carer: PersonRef = { kind: 'carer', id: 'k1', name: 'Pat Jones' };
  const earlier = (id: string, type: string, actionKeys: string[], people: PersonRef[] = [carer]): EarlierConcern => ({
    id,
    type,
    reportedAt: new Date(`2026-0${id.length}-01`),
    occurredAt: new Date(`2026-0${id.length}-01`),
    people,
    actionKeys,
  });
  const policy = { misconductTypes: defaultSettings.concerns.routes.filter((r) => r.misconduct).map((r) => r.type), repeat: defaultRepeatMisconduct };
  const now = { id: 'now', reportedAt: new Date('2026-06-01'), occurredAt: new Date('2026-06-01') };

  it.each([
    ['no earlier concern', [], null],
    ['an earlier post, removed when asked', [earlier('a', 'community-post', ['removal-requested', 'removal-confirmed'])], 'may pass the details to the police'],
    ['an earlier post, asked to remove it and did not', [earlier('a', 'community-post', ['removal-requested'])], 'referred to the police as harassment'],
    ['an earlier media enquiry only', [earlier('a', 'media-enquiry', [])], 'none'],
  ])('a carer’s further post with %s', (_label, others, step) => {
    const repeats = findRepeats({ ...now, type: 'community-post', people: [carer] }, others, policy);
    if (step === null) return expect(repeats).toEqual([]);
    expect(repeats[0].earlier.map((e) => e.id)).toEqual(['a']);
    if (step === 'none') expect(repeats[0].nextStep).toBeNull();
    else {
      expect(repeats[0].nextStep?.actionKey).toBe('police-referral');
      expect(repeats[0].nextStep?.text).toContain(step);
    }
  });

  it('matches outsiders by name, and shows a pupil’s earlier concerns without suggesting the police', () => {
    const outsider: PersonRef = { kind: 'other', id: 'x', name: 'Local Page Admin' };
    const pupil: PersonRef = { kind: 'pupil', id: 'p1', name: 'Amelia Clarke' };
    const others = [earlier('a', 'community-post', [], [{ ...outsider, name: ' local page admin ' }]), earlier('bb', 'cyber-bullying', [], [pupil])];
    const repeats = findRepeats({ ...now, type: 'cyber-bullying', people: [outsider, pupil] }, others, policy);
    expect(repeats.map((r) => [r.person.name, r.earlier.map((e) => e.id), r.nextStep?.actionKey ?? null])).toEqual([
      ['Local Page Admin', ['a'], 'police-referral'],
      ['Amelia Clarke', ['bb'], null],
    ]);
  });
  it('counts only concerns reported or happening before this one: the first of two never lists the second', () => {
    const first = {
      id: 'first',
      type: 'community-post',
      reportedAt: new Date('2026-03-01T10:00Z'),
      occurredAt: new Date('2026-03-01T09:00Z'),
      people: [carer],
      actionKeys: [],
    };
    const second = {
      id: 'second',
      type: 'community-post',
      reportedAt: new Date('2026-03-08T10:00Z'),
      occurredAt: new Date('2026-03-08T09:00Z'),
      people: [carer],
      actionKeys: [],
    };
    expect(findRepeats(first, [second], policy)).toEqual([]);
    expect(findRepeats(second, [first], policy)[0]).toMatchObject({ earlier: [{ id: 'first' }], nextStep: { actionKey: 'police-referral' } });
    // Reported later, but about something that happened before: it is earlier.
    const lateReport = { ...second, id: 'late', occurredAt: new Date('2026-02-20T09:00Z') };
    expect(findRepeats(first, [lateReport], policy)[0].earlier.map((e) => e.id)).toEqual(['late']);
  });

  it('takes the misconduct types and the next step from the settings', () => {
    const others = [earlier('a', 'media-enquiry', [])];
    expect(findRepeats({ ...now, type: 'media-enquiry', people: [carer] }, others, policy)[0].nextStep).toBeNull();
    const school = {
      misconductTypes: ['media-enquiry'],
      repeat: { ...defaultRepeatMisconduct, actionKey: 'outside-agency-referral', text: 'Our policy: refer it.' },
    };
    expect(findRepeats({ ...now, type: 'media-enquiry', people: [carer] }, others, school)[0].nextStep).toEqual({
      actionKey: 'outside-agency-referral',
      text: 'Our policy: refer it.',
    });
  });
});

describe('timeline rules', () => {
  const action = (id: string, dueAt: string | null) => ({ id, kind: 'action', dueAt: dueAt ? new Date(dueAt) : null, refersTo: null });
  it('keeps follow-ups pending until done, and none once closed', () => {
    const entries = [action('a', '2026-01-01'), action('b', null), action('c', '2026-02-01'), { id: 'd', kind: 'follow-up-done', dueAt: null, refersTo: 'a' }];
    expect(pendingFollowUps(entries).map((e) => e.id)).toEqual(['c']);
    expect(pendingFollowUps([...entries, { id: 'e', kind: 'closed', dueAt: null, refersTo: null }])).toEqual([]);
    expect(statusOf(entries)).toBe('open');
  });

  it('reads the latest correction of each part, keeping the original', () => {
    const original = { summary: 'Posts on Snapchat', details: 'Seen on Monday' };
    const text = currentText(original, [
      { id: '1', kind: 'amendment', field: 'details', note: 'Seen on Tuesday', dueAt: null, refersTo: null },
      { id: '2', kind: 'amendment', field: 'details', note: 'Seen on Tuesday evening', dueAt: null, refersTo: null },
    ]);
    expect(text).toEqual({ summary: 'Posts on Snapchat', details: 'Seen on Tuesday evening', amended: true });
    expect(original.details).toBe('Seen on Monday');
  });

  it.each([
    [1, 'Under a week'],
    [10, '1 to 4 weeks'],
    [40, 'Over 4 weeks'],
  ])('a concern %i days old is %s', (days, band) => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(ageBand(new Date(now.getTime() - days * 86_400_000), now)).toBe(band);
  });
});

describe('issue 19: telling people outside the staff, and the time to act', () => {
  it('each recipient the route names is a required action, open until a "told" entry records it', () => {
    const route = { tell: ['carers', 'police'] as const };
    const told = { kind: 'told', told: 'police' as const };
    expect(requiredTelling({ tell: [...route.tell] }, [{ kind: 'action', told: null }, told])).toEqual([
      { recipient: 'carers', text: 'Tell the pupil’s carers', done: null },
      { recipient: 'police', text: 'Tell the police', done: told },
    ]);
    expect(requiredTelling({}, [])).toEqual([]);
    expect(requiredTelling({ tell: ['lado', 'social-care'] }, []).map((r) => r.text)).toEqual(['Tell the LADO', 'Tell children’s social care']);
  });

  it.each([
    // Winter (GMT): a Tuesday afternoon.
    ['same day, in winter', '2026-12-01T15:00:00Z', 'same-day', [], '2026-12-02T00:00:00.000Z'],
    // Summer (BST): London midnight is 23:00 UTC.
    ['same day, in summer', '2026-06-09T10:00:00Z', 'same-day', [], '2026-06-09T23:00:00.000Z'],
    ['24 hours', '2026-12-01T15:00:00Z', '24-hours', [], '2026-12-02T15:00:00.000Z'],
    ['next school day, a Tuesday: Wednesday', '2026-12-01T15:00:00Z', 'next-school-day', [], '2026-12-03T00:00:00.000Z'],
    ['next school day, a Friday: Monday', '2026-12-04T15:00:00Z', 'next-school-day', [], '2026-12-08T00:00:00.000Z'],
    ['next school day, a Saturday: Monday', '2026-12-05T09:00:00Z', 'next-school-day', [], '2026-12-08T00:00:00.000Z'],
    [
      'next school day, the last day of term: the first day of the next term',
      '2026-12-18T15:00:00Z',
      'next-school-day',
      [
        { startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { startsOn: '2027-01-05', endsOn: '2027-03-26' },
      ],
      '2027-01-06T00:00:00.000Z',
    ],
  ] as const)('%s', (_name, reported, deadline, terms, expected) => {
    expect(deadlineAt(new Date(reported), deadline, terms).toISOString()).toBe(expected);
  });

  it('a concern is overdue past its time when nothing has been done; an action, a telling or closing it stops that', () => {
    const concern = { reportedAt: new Date('2026-12-01T15:00:00Z'), deadline: 'same-day' as const };
    const later = new Date('2026-12-02T08:00:00Z');
    expect(isPastDeadline(concern, [], later)).toBe(true);
    expect(isPastDeadline(concern, [{ kind: 'amendment' }], later)).toBe(true);
    expect(isPastDeadline(concern, [], new Date('2026-12-01T23:00:00Z'))).toBe(false);
    for (const kind of ['action', 'told', 'out-of-hours-decision', 'closed']) expect(isPastDeadline(concern, [{ kind }], later), kind).toBe(false);
    expect(isPastDeadline({ ...concern, deadline: undefined }, [], later)).toBe(false);
    expect(actedOn([{ kind: 'follow-up-done' }])).toBe(false);
  });

  it('weekends are not school days; outside the terms a school keeps is not either', () => {
    expect(isSchoolDay('2026-12-05', [])).toBe(false);
    expect(isSchoolDay('2026-12-07', [])).toBe(true);
    expect(isSchoolDay('2026-12-21', [{ startsOn: '2026-09-03', endsOn: '2026-12-18' }])).toBe(false);
  });
});
