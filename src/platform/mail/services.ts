import type { Actor } from '../auth/actor.ts';
import { withSchool } from '../db/school-database.ts';
import type { ModuleContext } from '../modules.ts';
import { recentMail } from './outbox.ts';

export function createMailServices({ schools }: ModuleContext) {
  return {
    outbox: {
      /** The school's latest hundred messages, newest first. */
      recent: (actor: Actor) => withSchool(schools, actor.schoolId, (tx) => recentMail(tx, 100)),
    },
  };
}
export type MailServices = ReturnType<typeof createMailServices>;
