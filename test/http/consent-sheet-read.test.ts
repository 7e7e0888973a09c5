import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-database.ts';
import * as repo from '../../src/modules/consent/consent.repository.ts';
import { statusesFor } from '../../src/modules/consent/consent.service.ts';
import { currentSettings, saveSettings } from '../../src/modules/settings/settings.service.ts';
import { databaseKinds } from '../helpers/database.ts';
import { photoSchool, type PhotoSchool } from '../helpers/photos.ts';

/**
 * CON-3's photo list is read in one statement (issue 17, point 10). What a teacher sees must be what
 * the consent rule says, pupil by pupil, when answers lapse each September, carers disagree, a carer
 * without parental responsibility answers, a carer leaves, and a pupil must never be photographed.
 */
describe.each(databaseKinds())('the photo list read in one statement (%s)', (kind) => {
  let s: PhotoSchool;
  let classId: string;
  type List = { may: string[]; mayNot: string[]; noAnswer: string[]; doNotPhotograph: string[] };
  const purposes = ['website', 'publications', 'displays'];

  beforeAll(async () => {
    s = await photoSchool(kind);
    const db = s.t.database.db;
    const first = await s.pupil('stu-001');
    classId = first.class_id!;
    // Answers lapse each September: last school year's answers no longer count.
    await withSchool(s.t.database.schools, s.schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, s.schoolId);
      await saveSettings(tx, s.schoolId, { id: null, label: 'test' }, { ...settings, consent: { ...settings.consent, lapse: 'each-september' } });
    });
    const now = new Date();
    const lastYear = new Date(Date.UTC(now.getUTCFullYear() - 1, 5, 1));
    const pupils = await db.selectFrom('pupils').select(['id']).where('class_id', '=', classId).where('on_roll', '=', true).orderBy('sourced_id').execute();
    const links = await db.selectFrom('pupil_carers').select(['pupil_id', 'carer_id', 'parental_responsibility']).where('school_id', '=', s.schoolId).execute();
    const rows: { pupil_id: string; carer_id: string; purpose: string; decision: 'granted' | 'refused'; recorded_at: Date }[] = [];
    pupils.forEach((p, i) => {
      const carers = links.filter((l) => l.pupil_id === p.id);
      carers.forEach((c, j) => {
        for (const [k, purpose] of purposes.entries()) {
          const pattern = (i + j + k) % 5;
          // 0: granted this year; 1: granted last year (lapsed); 2: refused; 3: granted then refused; 4: nothing.
          if (pattern === 4) continue;
          if (pattern === 3)
            rows.push({ pupil_id: p.id, carer_id: c.carer_id, purpose, decision: 'granted', recorded_at: new Date(now.getTime() - 3_600_000) });
          rows.push({
            pupil_id: p.id,
            carer_id: c.carer_id,
            purpose,
            decision: pattern === 0 || pattern === 1 ? 'granted' : 'refused',
            recorded_at: pattern === 1 ? lastYear : new Date(now.getTime() - 60_000),
          });
        }
      });
    });
    await withSchool(s.t.database.schools, s.schoolId, async (tx) => {
      for (const r of rows)
        await tx
          .insertInto('consent_decisions')
          .values({ ...r, school_id: s.schoolId, method: 'paper', form_version: 1, year_group: null, recorded_by_label: 'test' })
          .execute();
      // One pupil must never be photographed; one carer has left.
      await tx.updateTable('pupils').set({ do_not_photograph: true, do_not_photograph_reason: 'test' }).where('id', '=', pupils[0].id).execute();
      const leaver = links.find((l) => l.pupil_id === pupils[1].id)!;
      await tx.updateTable('carers').set({ active: false }).where('id', '=', leaver.carer_id).execute();
    });
  }, 120_000);
  afterAll(() => s?.close());

  it('gives every pupil of the class the status the consent rule gives them, for each purpose', async () => {
    const expected = await withSchool(s.t.database.schools, s.schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, s.schoolId);
      const pupils = await repo.pupilsOnRollIn(tx, { classId });
      return { pupils, statuses: await statusesFor(tx, settings, pupils, purposes) };
    });
    expect(expected.pupils.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const purpose of purposes) {
      const response = await s.api('GET', `/api/v1/classes/${classId}/photo-list?purpose=${purpose}`, s.tokens.teacher);
      expect(response.statusCode).toBe(200);
      const list = response.json<List>();
      const got = new Map<string, string>([
        ...list.may.map((id) => [id, 'may'] as const),
        ...list.mayNot.map((id) => [id, 'may-not'] as const),
        ...list.noAnswer.map((id) => [id, 'no-answer'] as const),
      ]);
      expect(got.size).toBe(expected.pupils.length);
      for (const p of expected.pupils) {
        expect({ pupil: p.given_name, purpose, status: got.get(p.id) }).toEqual({
          pupil: p.given_name,
          purpose,
          status: expected.statuses.get(p.id)!.get(purpose),
        });
        seen.add(expected.statuses.get(p.id)!.get(purpose)!);
      }
      expect(list.doNotPhotograph).toEqual([expected.pupils.find((p) => p.do_not_photograph)!.id]);
    }
    // The data above gives the rule every outcome to agree on.
    expect([...seen].sort()).toEqual(['may', 'may-not', 'no-answer']);
  });

  it('answers 404 for a class of another school or none, as before', async () => {
    expect((await s.api('GET', `/api/v1/classes/00000000-0000-4000-8000-000000000000/photo-list?purpose=website`, s.tokens.teacher)).statusCode).toBe(404);
  });
});
