import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import * as repo from './declarations.repository.ts';

export interface DeclarationInput {
  carerId?: string;
  name?: string;
  platform: string;
  since?: string;
  note: string;
}

/** Who a declaration is about, in words. */
export const declaredName = (d: repo.DeclarationRow) => (d.carer_given_name ? `${d.carer_given_name} ${d.carer_family_name}` : (d.name ?? ''));

/** Staff declare their own pre-existing friendships or online contacts with carers; the head acknowledges (REG-4; 001 §7, 004 §6.8). */
export function createDeclarationsService({ schools, baseUrl, onMail }: { schools: SchoolDatabase; baseUrl: string; onMail: () => void }) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  return {
    async overview(actor: Actor) {
      requireAccess(actor, 'declarations:make');
      return inSchool(actor, async (tx) => ({
        mine: await repo.declarationsOf(tx, actor.staffId),
        all: may(actor, 'declarations:review') ? await repo.allDeclarations(tx) : null,
        carers: may(actor, 'carer:read') ? await repo.activeCarers(tx) : [],
      }));
    },

    /** For the signed-in person only: nobody declares for someone else. */
    async declare(actor: Actor, input: DeclarationInput): Promise<{ id: string }> {
      requireAccess(actor, 'declarations:make');
      const result = await inSchool(actor, async (tx) => {
        const problems: FieldProblem[] = [];
        const carerId = input.carerId?.trim() || null;
        const name = input.name?.trim() || null;
        const carer = carerId && isUuid(carerId) ? await repo.activeCarer(tx, carerId) : undefined;
        if (carerId && !carer) problems.push({ field: 'carerId', message: 'Choose the parent or carer from the list' });
        if (!carerId && !name) problems.push({ field: 'name', message: 'Enter the name of the parent or carer, or choose them from the list' });
        if (name && name.length > 120) problems.push({ field: 'name', message: 'The name must be 120 characters or fewer' });
        const platform = input.platform.trim();
        if (!platform) problems.push({ field: 'platform', message: 'Say where you are in contact (Facebook, WhatsApp, in person…)' });
        const note = input.note.trim();
        if (!note) problems.push({ field: 'note', message: 'Say how you know them, for example friends since school' });
        if (problems.length) throw new ValidationError(problems);
        const row = await repo.insertDeclaration(tx, actor.schoolId, {
          staffId: actor.staffId,
          carerId: carer?.id ?? null,
          name: carer ? null : name,
          platform,
          since: input.since?.trim() ?? '',
          note,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'declaration.made', subjectType: 'staff-declaration', subjectId: row.id });
        for (const head of await staffHoldingRoles(tx, ['headteacher'], { withEmail: true }))
          if (head.id !== actor.staffId)
            await enqueueMail(tx, actor.schoolId, {
              to: head.email!,
              subject: 'A declaration is waiting to be acknowledged',
              text: `A member of staff has declared a friendship or online contact with a parent or carer. See it here:\n${baseUrl}/declarations`,
            });
        return { id: row.id };
      });
      onMail();
      return result;
    },

    async acknowledge(actor: Actor, id: string) {
      requireAccess(actor, 'declarations:review');
      await inSchool(actor, async (tx) => {
        if (!isUuid(id)) throw new NotFound();
        if (!(await repo.acknowledge(tx, id, actor.staffId))) {
          const exists = (await repo.allDeclarations(tx)).some((d) => d.id === id);
          if (!exists) throw new NotFound('There is no such declaration');
          throw new Conflict('already-acknowledged', 'This declaration has already been acknowledged');
        }
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'declaration.acknowledged', subjectType: 'staff-declaration', subjectId: id });
      });
    },
  };
}

export type DeclarationsService = ReturnType<typeof createDeclarationsService>;

/** For a concern about contact: the declarations about the carers it names, shown beside it. */
export { declarationsAboutCarers } from './declarations.repository.ts';
