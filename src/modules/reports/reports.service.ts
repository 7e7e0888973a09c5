import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { schoolCreatedAt } from './reports.repository.ts';
import { academicYearOf, periodOf } from './reports.rules.ts';
import { reportSections, type SectionContext } from './reports.sections.ts';
import type { SectionView } from './reports.view.ts';

export interface GovernorsReport {
  academicYear: number;
  label: string;
  schoolName: string;
  asOf: Date;
  generatedAt: Date;
  /** Each section's figures as the API gives them, small numbers already suppressed. */
  json: Record<string, unknown>;
  sections: SectionView[];
}

/**
 * Every section's figures for one school and year, inside that school's own transaction: the
 * governors' report of that school, and one column of the trust view.
 */
export async function schoolFigures(tx: SchoolTx, schoolId: string, academicYear: number, now: Date): Promise<Pick<GovernorsReport, 'json' | 'sections'>> {
  const period = periodOf(academicYear);
  const { settings } = await currentSettings(tx, schoolId);
  const lastPeriod = periodOf(academicYear - 1);
  const asOf = new Date(Math.min(period.to.getTime() - 1, now.getTime()));
  const context: SectionContext = { tx, period, settings, asOf };
  // No comparison with a year before the school was on eSafety Office: its figures would all be nought.
  const hadLastYear = (await schoolCreatedAt(tx)).getTime() < lastPeriod.to.getTime();
  const lastContext: SectionContext = { tx, period: lastPeriod, settings, asOf: new Date(lastPeriod.to.getTime() - 1) };
  const json: Record<string, unknown> = {};
  const sections: SectionView[] = [];
  for (const section of reportSections) {
    const built = await section.build(context, hadLastYear ? lastContext : null);
    json[section.key] = built.json;
    sections.push(built.view);
  }
  return { json, sections };
}

/** The governors' yearly report (RPT-2): counts only, small numbers suppressed, each section compared with last year. */
export function createReportsService(schools: SchoolDatabase) {
  return {
    async governors(actor: Actor, academicYear: number, now = new Date()): Promise<GovernorsReport> {
      requireAccess(actor, 'report:governors');
      const period = periodOf(academicYear);
      if (period.from.getTime() > now.getTime())
        throw new ValidationError([{ field: 'academicYear', message: `The ${period.label} academic year has not started yet` }]);
      return withSchool(schools, actor.schoolId, async (tx) => ({
        academicYear,
        label: period.label,
        schoolName: actor.schoolName,
        asOf: new Date(Math.min(period.to.getTime() - 1, now.getTime())),
        generatedAt: now,
        ...(await schoolFigures(tx, actor.schoolId, academicYear, now)),
      }));
    },

    /** The PDF for the meeting pack is a copy leaving the system: audited like every export. */
    async recordDownload(actor: Actor, academicYear: number, format: 'pdf'): Promise<void> {
      await withSchool(schools, actor.schoolId, (tx) =>
        recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'report.exported',
          subjectType: 'governors-report',
          detail: { academicYear, format },
        }),
      );
    },

    currentAcademicYear: (now = new Date()) => academicYearOf(now),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
