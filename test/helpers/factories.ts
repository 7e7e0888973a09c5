import { generate } from 'otplib';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/platform/auth/permissions.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { schoolDatabase } from '../../src/platform/db/school-database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addStaff, createSchool } from '../../src/modules/school/school.service.ts';
import { newTotpSecret } from '../../src/platform/auth/two-factor.ts';

export const testPassword = 'correct horse battery staple';
const testActor = { id: null, label: 'test' };
let counter = 0;

/** Tests hold the test database's Kysely; the school module is given the school-scoped handle over it, as in the app. */
export async function makeSchool(db: Kysely<DB>, overrides: { name?: string; urn?: string } = {}) {
  counter++;
  return createSchool(
    schoolDatabase(db),
    { name: overrides.name ?? `Test Primary ${counter}`, urn: overrides.urn ?? String(100000 + Math.floor(Math.random() * 800000)) },
    testActor,
  );
}

export interface TestStaff {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
  roles: Role[];
}

/** A member of staff who can sign in; safeguarding roles get two-factor already set up, as they would have. */
export async function makeStaff(db: Kysely<DB>, schoolId: string, roles: Role[], options: { email?: string; twoFactor?: boolean } = {}): Promise<TestStaff> {
  counter++;
  const email = options.email ?? `${roles[0]}-${counter}-${Math.random().toString(36).slice(2, 7)}@school.example`;
  const staff = await withSchool(db, schoolId, (tx) =>
    addStaff(tx, schoolId, testActor, { email, givenName: 'Test', familyName: `Person ${counter}`, roles, password: testPassword }),
  );
  const wantsTwoFactor = options.twoFactor ?? roles.some((r) => r === 'headteacher' || r === 'dsl');
  let totpSecret: string | null = null;
  if (wantsTwoFactor) {
    totpSecret = newTotpSecret();
    await db.updateTable('staff').set({ totp_secret: totpSecret, totp_enabled_at: new Date() }).where('id', '=', staff.id).execute();
  }
  return { id: staff.id, email, password: testPassword, totpSecret, roles };
}

export const totpNow = (secret: string): Promise<string> => generate({ secret });

const lastStepUsed = new Map<string, number>();
/**
 * A code for a sign-in that may come soon after another by the same person: the app takes each
 * 30-second code once (replay protection), so a second sign-in in the same step waits for the next.
 */
export async function freshTotp(secret: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  const last = lastStepUsed.get(secret);
  if (last !== undefined && step() <= last) await new Promise((resolve) => setTimeout(resolve, (last + 1) * 30_000 - Date.now() + 250));
  const code = await generate({ secret });
  // Read after generating: a code made at a step's very end is counted in the next, which only waits longer.
  lastStepUsed.set(secret, step());
  return code;
}
