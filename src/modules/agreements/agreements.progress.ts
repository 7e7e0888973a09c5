import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { audienceLabels, type Audience } from './agreements.defaults.ts';
import * as repo from './agreements.repository.ts';
import { signatureCounts, staffAudienceOf, staffInAudience } from './agreements.rules.ts';

const staffAudiences: readonly Audience[] = ['staff', 'governors', 'volunteers'];

/** Who has signed the current version and who has not, by person, by class and by staff team. */
export async function progressOf(tx: SchoolTx, agreement: repo.AgreementRow, today: string) {
  const signatures = agreement.version === 0 ? [] : await repo.signaturesOf(tx, agreement.id);
  const counting = signatures.filter((s) => signatureCounts(agreement.renewal, agreement.version, { version: s.version, signedOn: s.signed_on }, today));
  const staffSigned = new Map(counting.filter((s) => s.staff_id).map((s) => [s.staff_id!, s]));
  const familySigned = new Map(counting.filter((s) => s.carer_id && s.pupil_id).map((s) => [s.pupil_id!, s]));
  const pupilSigned = new Map(counting.filter((s) => !s.carer_id && !s.staff_id && s.pupil_id).map((s) => [s.pupil_id!, s]));
  const forStaff = agreement.audience.some((a) => staffAudiences.includes(a as Audience));
  const forCarers = agreement.audience.includes('carers');
  const forPupils = agreement.audience.includes('pupils');
  const staff = forStaff ? (await repo.activeStaff(tx)).filter((s) => staffInAudience(s.roles, agreement.audience)) : [];
  const pupils = forCarers || forPupils ? await repo.pupilsOnRoll(tx) : [];
  const staffRows = staff.map((s) => ({
    ...s,
    team: staffAudienceOf(s.roles)
      .map((a) => audienceLabels[a])
      .join(', '),
    signature: staffSigned.get(s.id) ?? null,
  }));
  const pupilRows = pupils.map((p) => ({
    ...p,
    family: forCarers ? (familySigned.get(p.id) ?? null) : null,
    pupil: forPupils ? (pupilSigned.get(p.id) ?? null) : null,
  }));
  let total = staffRows.length;
  let signed = staffRows.filter((s) => s.signature).length;
  if (forCarers) {
    total += pupilRows.length;
    signed += pupilRows.filter((p) => p.family).length;
  }
  if (forPupils) {
    total += pupilRows.length;
    signed += pupilRows.filter((p) => p.pupil).length;
  }
  const classes = new Map<string, { id: string | null; title: string; total: number; families: number; pupils: number }>();
  for (const p of pupilRows) {
    const key = p.class_id ?? 'none';
    const row = classes.get(key) ?? { id: p.class_id, title: p.class_title ?? 'No class', total: 0, families: 0, pupils: 0 };
    row.total++;
    if (p.family) row.families++;
    if (p.pupil) row.pupils++;
    classes.set(key, row);
  }
  const teams = new Map<string, { team: string; total: number; signed: number }>();
  for (const s of staffRows) {
    const row = teams.get(s.team) ?? { team: s.team, total: 0, signed: 0 };
    row.total++;
    if (s.signature) row.signed++;
    teams.set(s.team, row);
  }
  return {
    signed,
    outstanding: total - signed,
    staff: staffRows,
    pupils: pupilRows,
    byClass: [...classes.values()],
    byTeam: [...teams.values()],
    forStaff,
    forCarers,
    forPupils,
  };
}
