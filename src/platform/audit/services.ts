import type { Actor } from '../auth/actor.ts';
import { withSchool } from '../db/school-database.ts';
import type { ModuleContext } from '../modules.ts';
import { anchorLine, readAnchors } from './anchors.ts';
import { auditEntries } from './audit.ts';

const pageSize = 50;

export function createAuditServices({ schools, config }: ModuleContext) {
  return {
    audit: {
      /** One page of the school's log, newest first, and the entry the next (older) page starts before. */
      async page(actor: Actor, before: string | undefined) {
        const entries = await withSchool(schools, actor.schoolId, (tx) => auditEntries(tx, { before, limit: pageSize + 1 }));
        const page = entries.slice(0, pageSize);
        return { entries: page, olderBefore: entries.length > pageSize ? page.at(-1)!.id : null };
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
