import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { exportLists } from './exports.lists.ts';
import { exportFileName, toCsv } from './exports.rules.ts';
import { toXlsx } from './exports.xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Exports (RPT-3): every list as CSV or .xlsx, each download audited with who, which list and how many rows. */
export function createExportsService(schools: SchoolDatabase) {
  return {
    /** The lists this person may download. */
    available: (actor: Actor) => exportLists.filter((l) => may(actor, l.permission)).map(({ key, title, description }) => ({ key, title, description })),

    async download(actor: Actor, key: string, format: ExportFormat, now = new Date()): Promise<ExportFile> {
      const list = exportLists.find((l) => l.key === key);
      if (!list) throw new NotFound('There is no such list');
      requireAccess(actor, list.permission);
      return withSchool(schools, actor.schoolId, async (tx) => {
        const { settings } = await currentSettings(tx, actor.schoolId);
        const { head, rows } = await list.rows(tx, settings);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'export.downloaded',
          subjectType: 'export',
          detail: { list: key, format, rows: rows.length, via: actor.via },
        });
        const fileName = exportFileName(key, format, now);
        return format === 'csv'
          ? { fileName, contentType: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(head, rows), 'utf8') }
          : { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(toXlsx(list.title, head, rows)) };
      });
    },
  };
}
