/**
 * The import's writer for staff (part of import.apply.ts's repository-like writer, so its SQL
 * stays here). Roles come from people/staff-roles.repository.ts.
 */
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { credentialHolderLeft } from '../registers/accounts.service.ts';
import { staffRolesOf } from './staff-roles.repository.ts';
import { chunk, type EmailChangeHeld, type ImportOutcome } from './import.outcome.ts';
import { personName } from './names.ts';
import type { RosterPackage, RosterUser } from './oneroster/oneroster.model.ts';

const staffRoleFor: Record<string, string> = { teacher: 'teacher', aide: 'support-staff', administrator: 'office' };

/**
 * Someone who has left can no longer sign in, and is signed out of every device now. The passwords
 * of any school account they held are to be changed: a task for the ICT lead (REG-1).
 */
async function deactivateStaff(tx: SchoolTx, schoolId: string, staffId: string): Promise<void> {
  await tx.updateTable('staff').set({ active: false, updated_at: new Date() }).where('id', '=', staffId).execute();
  await tx.deleteFrom('sessions').where('staff_id', '=', staffId).execute();
  await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).execute();
  await credentialHolderLeft(tx, schoolId, staffId);
}

/**
 * Staff by sourcedId, or by e-mail for someone added in the app. Never changes an existing
 * person's e-mail address (held for the headteacher instead), and never writes a row that clashes.
 */
export async function applyStaff(tx: SchoolTx, schoolId: string, roster: RosterPackage, outcome: ImportOutcome): Promise<void> {
  const staffIn = roster.users.filter((u) => u.kind === 'staff');
  const existing = await tx
    .selectFrom('staff as s')
    .select(['s.id', 's.sourced_id', 's.given_name', 's.family_name', 's.email', 's.active', 's.start_date'])
    .select(staffRolesOf.as('roles'))
    .execute();
  const bySourced = new Map(existing.filter((s) => s.sourced_id).map((s) => [s.sourced_id!, s]));
  const byEmail = new Map(existing.filter((s) => s.email).map((s) => [s.email!.toLowerCase(), s]));
  const emailsInFile = new Map<string, number>();
  const repeatedEmail = new Set<RosterUser>();
  for (const u of staffIn) {
    if (!u.email || u.toBeDeleted) continue;
    const key = u.email.toLowerCase();
    const earlier = emailsInFile.get(key);
    if (earlier === undefined) emailsInFile.set(key, u.line);
    else {
      outcome.problems.push(`users.csv:${u.line}: the e-mail address ${u.email} is also used on line ${earlier}`);
      repeatedEmail.add(u);
    }
  }
  const held: (EmailChangeHeld & { staffId: string })[] = [];
  const seen: string[] = [];
  for (const u of staffIn) {
    // Someone added in the app (the headteacher at set-up) is matched by e-mail, not duplicated.
    const owner = u.email ? byEmail.get(u.email.toLowerCase()) : undefined;
    const match = bySourced.get(u.sourcedId) ?? owner;
    if (u.toBeDeleted) {
      if (match?.active && !match.roles.includes('headteacher')) {
        await deactivateStaff(tx, schoolId, match.id);
        outcome.summary.staff.left++;
      }
      continue;
    }
    // Refused rows are not written: the whole package is refused, and writing them would break the unique e-mail.
    if (repeatedEmail.has(u)) continue;
    if ((owner && owner.id !== match?.id) || (match && match.sourced_id && match.sourced_id !== u.sourcedId)) {
      const other = owner ?? match!;
      outcome.problems.push(`users.csv:${u.line}: the e-mail address ${u.email} belongs to another member of staff (${personName(other)})`);
      continue;
    }
    if (!match) {
      const row = await tx
        .insertInto('staff')
        .values({ school_id: schoolId, sourced_id: u.sourcedId, given_name: u.givenName, family_name: u.familyName, email: u.email, start_date: u.startDate })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('staff_roles')
        .values({ school_id: schoolId, staff_id: row.id, role: staffRoleFor[u.oneRosterRole] ?? 'support-staff' })
        .execute();
      outcome.summary.staff.created++;
      continue;
    }
    seen.push(match.id);
    // A new address would receive this person's password resets: the headteacher applies it, never the import.
    if (u.email && u.email.toLowerCase() !== match.email?.toLowerCase()) {
      held.push({ staffId: match.id, sourcedId: u.sourcedId, name: `${u.givenName} ${u.familyName}`, from: match.email, to: u.email });
    }
    // A start date the MIS gives replaces one typed in the app; an export without one leaves it be.
    const startDate = u.startDate ?? match.start_date;
    if (
      match.sourced_id !== u.sourcedId ||
      match.given_name !== u.givenName ||
      match.family_name !== u.familyName ||
      !match.active ||
      startDate !== match.start_date
    ) {
      await tx
        .updateTable('staff')
        .set({ sourced_id: u.sourcedId, given_name: u.givenName, family_name: u.familyName, active: true, start_date: startDate, updated_at: new Date() })
        .where('id', '=', match.id)
        .execute();
      outcome.summary.staff.updated++;
    }
  }
  // What the latest export says replaces any change held from an earlier one.
  for (const batch of chunk(seen)) await tx.deleteFrom('staff_email_changes_held').where('staff_id', 'in', batch).where('applied_at', 'is', null).execute();
  if (held.length) {
    await tx
      .insertInto('staff_email_changes_held')
      .values(held.map((h) => ({ school_id: schoolId, staff_id: h.staffId, sourced_id: h.sourcedId, from_email: h.from, to_email: h.to })))
      .execute();
  }
  outcome.emailChangesHeld.push(...held.map(({ sourcedId, name, from, to }) => ({ sourcedId, name, from, to })));
  if (roster.mode === 'bulk') {
    const present = new Set(staffIn.map((u) => u.sourcedId));
    for (const s of existing) {
      if (s.sourced_id && s.active && !present.has(s.sourced_id) && !s.roles.includes('headteacher')) {
        await deactivateStaff(tx, schoolId, s.id);
        outcome.summary.staff.left++;
      }
    }
  }
}
