import { recordAudit } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/database.ts';
import { addSchoolToTrust, setTrustLead } from '../platform/db/school-database.ts';
import { withSchool } from '../platform/db/school-scope.ts';
import { staffIdWithEmail } from '../modules/school/school.repository.ts';
import { findSchoolByUrn } from '../modules/school/school.service.ts';
import { cliActor, UsageError, type Output } from './commands.ts';

const required = (value: string | undefined, flag: string): string => {
  if (!value?.trim()) throw new UsageError(`${flag} is required`);
  return value.trim();
};

/** `esafety trust add --name TRUST --school URN`: the school joins the trust (made if new); audited in the school. */
export async function trustAdd(database: Database, io: Output, args: { name?: string; school?: string }): Promise<number> {
  const name = required(args.name, '--name');
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const { added } = await addSchoolToTrust(database.schools, name, school.id);
  if (added)
    await withSchool(database.db, school.id, (tx) =>
      recordAudit(tx, school.id, cliActor(), { action: 'trust.school-added', subjectType: 'school', subjectId: school.id, detail: { trust: name } }),
    );
  io.out(added ? `${school.name} is now in ${name}.` : `${school.name} was already in ${name}.`);
  return 0;
}

/** `esafety trust lead --name TRUST --school URN --email EMAIL`: that member of staff sees the trust's counts at /trust. */
export async function trustLead(database: Database, io: Output, args: { name?: string; school?: string; email?: string }): Promise<number> {
  const name = required(args.name, '--name');
  const email = required(args.email, '--email');
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const staff = await withSchool(database.db, school.id, (tx) => staffIdWithEmail(tx, email));
  if (!staff) throw new UsageError(`No member of staff at ${school.name} has the e-mail address ${email}`);
  await setTrustLead(database.schools, name, staff.id);
  await withSchool(database.db, school.id, (tx) =>
    recordAudit(tx, school.id, cliActor(), { action: 'trust.lead-named', subjectType: 'staff', subjectId: staff.id, detail: { trust: name } }),
  );
  io.out(`${email} now leads ${name}: counts of its schools, side by side, at /trust.`);
  return 0;
}
