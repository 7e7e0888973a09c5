import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { startBackgroundJobs } from '../../src/platform/mail/mail-jobs.ts';
import { createPoliciesService } from '../../src/modules/policies/policies.module.ts';
import { policyReviewJobs, policyReviewQueue } from '../../src/modules/policies/policies.reminders.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

describe('the daily review reminder runs as a pg-boss job', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it('e-mails the owner of a policy whose review is due within the reminder weeks', { timeout: 30_000 }, async () => {
    const school = await makeSchool(database.db);
    const people: Actor[] = [];
    for (const roles of [['headteacher'], ['governor']] as const) {
      const staff = await makeStaff(database.db, school.id, [...roles], { twoFactor: false });
      const row = await database.db.selectFrom('staff').select(['given_name', 'family_name']).where('id', '=', staff.id).executeTakeFirstOrThrow();
      people.push({
        staffId: staff.id,
        schoolId: school.id,
        schoolName: school.name,
        schoolUrn: school.urn,
        name: `${row.given_name} ${row.family_name}`,
        email: staff.email,
        roles: [...roles],
        via: 'session',
        sessionHash: null,
        twoFactor: 'not-required',
      });
    }
    const [head, chair] = people;
    const service = createPoliciesService({ schools: database.schools, baseUrl: 'http://localhost', onMail: () => {} });
    const { id } = await service.create(head, {
      title: 'E-safety Policy',
      kind: 'other',
      ownerId: head.staffId,
      intervalMonths: '12',
      appliesTo: ['teacher'],
      links: '',
      body: '# E-safety\n\nText.',
    });
    await service.saveDraft(head, id, '1', { body: '# E-safety\n\nText.', changeSummary: 'First version' });
    await service.sendForApproval(head, id, {
      approvingBody: 'Governing body',
      meetingDate: { day: '1', month: '1', year: '2026' },
      minuteRef: '',
      signatories: [head.staffId, chair.staffId],
    });
    // Approved eleven months ago: reviewed every twelve months, so due in about a month — inside the six weeks.
    const elevenMonthsAgo = new Date(Date.now() - 335 * 86_400_000);
    await service.sign(head, id, '1', head.name, elevenMonthsAgo);
    await service.sign(chair, id, '1', chair.name, elevenMonthsAgo);

    const jobs = await startBackgroundJobs(loadConfig({ NODE_ENV: 'test' }), database, policyReviewJobs(database.schools, 'http://localhost'));
    try {
      await jobs.nudge(policyReviewQueue);
      const deadline = Date.now() + 15_000;
      let mail: { to_address: string }[] = [];
      while (mail.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        mail = await database.db.selectFrom('outbox').select('to_address').where('subject', '=', 'A school policy is due for review').execute();
      }
      expect(mail.map((m) => m.to_address)).toEqual([head.email]);
    } finally {
      await jobs.stop();
      jobs.closeTransport();
    }
  });
});
