import type { Actor } from '../auth/actor.ts';
import { withSchool } from '../db/school-database.ts';
import type { ModuleContext } from '../modules.ts';
import { anchorLine, readAnchors } from './anchors.ts';
import { auditEntries, auditPeople, type AuditFilter } from './audit.ts';
import { auditSentence } from './audit.sentences.ts';

const pageSize = 50;
/** The CSV export's limit: a year of a busy school's log. */
const exportLimit = 50_000;

export function createAuditServices({ schools, config }: ModuleContext) {
  const withSentences = <T extends Parameters<typeof auditSentence>[0]>(rows: T[]) => rows.map((row) => ({ ...row, sentence: auditSentence(row) }));
  return {
    audit: {
      /** One page of the school's log, newest first, and the entry the next (older) page starts before. */
      async page(actor: Actor, before: string | undefined, filter: AuditFilter = {}) {
        return withSchool(schools, actor.schoolId, async (tx) => {
          const entries = await auditEntries(tx, { before, limit: pageSize + 1, filter });
          const page = entries.slice(0, pageSize);
          return { entries: withSentences(page), olderBefore: entries.length > pageSize ? page.at(-1)!.id : null, people: await auditPeople(tx) };
        });
      },

      /** Every entry the filter matches (up to a limit), newest first, for the CSV file. */
      async all(actor: Actor, filter: AuditFilter = {}) {
        const entries = await withSchool(schools, actor.schoolId, (tx) => auditEntries(tx, { limit: exportLimit, filter }));
        return withSentences(entries);
      },

      /** The school's lines of the anchor file, one per night ('' before the first). */
      anchorLines(actor: Actor): string {
        return readAnchors(config.dataDir)
          .filter((a) => a.urn === actor.schoolUrn)
          .map((a) => `${anchorLine(a)}\n`)
          .join('');
      },
    },
  };
}
export type AuditServices = ReturnType<typeof createAuditServices>;
