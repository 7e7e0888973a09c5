import type { Database } from '../platform/db/database.ts';
import { withSchool, type SchoolTx } from '../platform/db/school-scope.ts';
import { defaultSettings } from '../modules/settings/settings.defaults.ts';
import { roleLabels, type Role } from '../platform/auth/permissions.ts';
import { parseRosterFiles } from '../modules/people/oneroster/oneroster.parse.ts';
import { applyRoster } from '../modules/people/import.apply.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { generateRosterPackage } from '../modules/people/oneroster/sample-roster.ts';
import { addStaff, createSchool } from '../modules/school/school.service.ts';
import type { Output } from './commands.ts';
import { loadDemoHistory } from './demo-history.ts';
import { loadDemoPhotosAndPolicy } from './demo-extras.ts';
import type { Config } from '../config.ts';

export const demoSchool = { name: 'Hazel Lane Primary School (demo)', urn: '999001' };
export const demoPassword = 'demo-school-password';

const demoStaff: { name: [string, string]; email: string; roles: Role[] }[] = [
  { name: ['Helen', 'Carter'], email: 'head@hazel-lane.example', roles: ['headteacher'] },
  { name: ['David', 'Okafor'], email: 'deputy@hazel-lane.example', roles: ['deputy-headteacher', 'dsl'] },
  { name: ['Sarah', 'Patel'], email: 'dsl@hazel-lane.example', roles: ['senior-leader', 'dsl'] },
  { name: ['Tom', 'Hughes'], email: 'ict@hazel-lane.example', roles: ['ict-lead', 'teacher'] },
  { name: ['Amy', 'Wright'], email: 'teacher@hazel-lane.example', roles: ['teacher'] },
  { name: ['Kelly', 'Moore'], email: 'ta@hazel-lane.example', roles: ['support-staff'] },
  { name: ['Joanne', 'Bennett'], email: 'office@hazel-lane.example', roles: ['office'] },
  { name: ['Richard', 'Evans'], email: 'governor@hazel-lane.example', roles: ['governor'] },
  { name: ['Margaret', 'Hill'], email: 'volunteer@hazel-lane.example', roles: ['volunteer'] },
];

/**
 * Answers on paper for most families, so the consent pages have something to show: three in four families
 * answered, one in ten of those refused something, and the rest have not answered yet.
 */
async function answerSomeConsent(tx: SchoolTx, schoolId: string): Promise<void> {
  const purposes = defaultSettings.consent.purposes.map((p) => p.key);
  const links = await tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('pupils as p', 'p.id', 'pc.pupil_id')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['pc.pupil_id', 'pc.carer_id', 'c.year_group'])
    .where('pc.parental_responsibility', '=', true)
    .orderBy('pc.pupil_id')
    .execute();
  const seen = new Set<string>();
  let n = 0;
  for (const link of links) {
    if (seen.has(link.pupil_id)) continue;
    seen.add(link.pupil_id);
    n++;
    if (n % 4 === 0) continue;
    const values = purposes.map((purpose, i) => ({
      school_id: schoolId,
      pupil_id: link.pupil_id,
      purpose,
      carer_id: link.carer_id,
      method: 'paper' as const,
      form_version: 1,
      year_group: link.year_group,
      decision: (n % 10 === 1 && i >= 3) || n % 17 === 0 ? ('refused' as const) : ('granted' as const),
      recorded_by_label: 'Demo loader (paper form)',
    }));
    await tx.insertInto('consent_decisions').values(values).execute();
  }
}

/** A fictional school to look around: staff in every role, 7 classes of pupils with their carers, concerns, photographs and a policy. */
export async function loadDemo(database: Database, io: Output, config: Config): Promise<number> {
  const existing = await database.db.selectFrom('schools').select('id').where('urn', '=', demoSchool.urn).executeTakeFirst();
  if (!existing) {
    const actor = { id: null, label: 'Demo loader' };
    const school = await createSchool(database.schools, demoSchool, actor);
    const roster = parseRosterFiles(generateRosterPackage({ pupils: 140, classes: 7, seed: 2026 }));
    if (!roster.ok) throw new Error(`The demo data is invalid: ${roster.problems.join('; ')}`);
    const head = await withSchool(database.db, school.id, async (tx) => {
      const ids = new Map<string, string>();
      for (const person of demoStaff) {
        const staff = await addStaff(tx, school.id, actor, {
          email: person.email,
          givenName: person.name[0],
          familyName: person.name[1],
          roles: person.roles,
          password: demoPassword,
        });
        ids.set(person.email, staff.id);
      }
      const head = ids.get('head@hazel-lane.example')!;
      for (const [email, id] of ids)
        if (id !== head)
          await tx
            .updateTable('staff')
            .set({ line_manager_id: email === 'ta@hazel-lane.example' ? ids.get('teacher@hazel-lane.example')! : head })
            .where('id', '=', id)
            .execute();
      const outcome = await applyRoster(tx, school.id, roster.roster);
      await answerSomeConsent(tx, school.id);
      await loadDemoHistory(tx, school.id, ids.get('teacher@hazel-lane.example')!, ids.get('dsl@hazel-lane.example')!);
      await recordAudit(tx, school.id, actor, { action: 'people.imported', subjectType: 'import', detail: { source: 'demo data', summary: outcome.summary } });
      return head;
    });
    await loadDemoPhotosAndPolicy(database, config, {
      staffId: head,
      schoolId: school.id,
      schoolName: demoSchool.name,
      schoolUrn: demoSchool.urn,
      name: 'Helen Carter',
      email: 'head@hazel-lane.example',
      roles: ['headteacher'],
      via: 'session',
      sessionHash: null,
      twoFactor: 'done',
    });
    io.out(`Loaded the demo school: ${demoSchool.name}, URN ${demoSchool.urn}.`);
  } else {
    io.out(`The demo school is already loaded: ${demoSchool.name}, URN ${demoSchool.urn}.`);
  }
  // The address the server will really use: BASE_URL when set, otherwise this machine on PORT (3000 unless set).
  const listening = config.baseUrl === `http://localhost:${config.port}` ? '' : ` (the server listens on port ${config.port})`;
  io.out(`\nStart the app with "npm start" and sign in at ${config.baseUrl}/sign-in${listening} with any of these (password: ${demoPassword}):`);
  for (const person of demoStaff) io.out(`  ${person.email.padEnd(30)} ${person.roles.map((r) => roleLabels[r]).join(', ')}`);
  io.out('\nHeadteachers and DSLs set up two-factor authentication with an authenticator app at first sign-in.');
  return 0;
}
