import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { todayIso } from '../agreements/agreements.rules.ts';
import { byName } from '../people/names.ts';
import { isIsoDate } from '../registers/registers.rules.ts';
import { addDays } from '../training/training.rules.ts';
import * as repo from './events.repository.ts';

export const eventKinds = ['meeting', 'assembly', 'workshop'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindLabels: Record<EventKind, string> = { meeting: 'E-safety meeting', assembly: 'Assembly', workshop: 'Workshop' };
const isKind = (value: string): value is EventKind => (eventKinds as readonly string[]).includes(value);

export interface EventInput {
  kind: string;
  title: string;
  heldOn: string;
  classId?: string | null;
  notes?: string;
}

export interface Attendance {
  carerIds: string[];
  pupilIds: string[];
  staffIds: string[];
}

/**
 * E-safety meetings, assemblies and workshops carers are invited to (000 C; AGR-4), for the whole
 * school or one class, and who came: carers, pupils and staff.
 */
export function createEventService(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  async function findEvent(tx: SchoolTx, id: string) {
    const found = isUuid(id) ? await repo.findEvent(tx, id) : undefined;
    if (!found) throw new NotFound('No such event');
    return found;
  }

  /** Who could have come: the pupils of the event's class (or all on roll), their carers, and the staff. */
  async function audience(tx: SchoolTx, classId: string | null) {
    const pupils = byName(await repo.audiencePupils(tx, classId));
    const carers = byName(
      await repo.audienceCarers(
        tx,
        pupils.map((p) => p.id),
      ),
    );
    return { pupils, carers, staff: byName(await repo.activeStaff(tx)) };
  }

  return {
    kinds: eventKinds,

    async list(actor: Actor) {
      requireAccess(actor, 'event:manage');
      return inSchool(actor, (tx) => repo.listEvents(tx));
    },

    async classes(actor: Actor) {
      requireAccess(actor, 'event:manage');
      return inSchool(actor, (tx) => repo.activeClasses(tx));
    },

    /** Records an event: held already, or planned (up to two years ahead) so carers can be invited. Problems are 422s naming the field. */
    async create(actor: Actor, input: EventInput) {
      requireAccess(actor, 'event:manage');
      if (!isKind(input.kind)) throw new Unprocessable('Choose a meeting, an assembly or a workshop', 'kind');
      const title = input.title.trim();
      if (title.length < 2) throw new Unprocessable('Enter the title, for example “Keeping children safe online: a talk for parents”', 'title');
      if (title.length > 200) throw new Unprocessable('The title must be 200 characters or fewer', 'title');
      if (!isIsoDate(input.heldOn) || input.heldOn < '2000-01-01') throw new Unprocessable('Enter the date as a real date', 'heldOn');
      if (input.heldOn > addDays(todayIso(), 731)) throw new Unprocessable('The date must be within the next two years', 'heldOn');
      const notes = (input.notes ?? '').trim();
      if (notes.length > 2000) throw new Unprocessable('The notes must be 2,000 characters or fewer', 'notes');
      const kind = input.kind;
      return inSchool(actor, async (tx) => {
        const classId = input.classId?.trim() || null;
        if (classId && !(isUuid(classId) && (await repo.findClass(tx, classId)))) throw new Unprocessable('Choose a class, or the whole school', 'classId');
        const id = await repo.insertEvent(tx, { schoolId: actor.schoolId, kind, title, heldOn: input.heldOn, classId, notes, by: actor.staffId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'event.created',
          subjectType: 'event',
          subjectId: id,
          detail: { kind, title, heldOn: input.heldOn, classId },
        });
        return { id, kind, title, heldOn: input.heldOn, classId };
      });
    },

    /** An event with everyone who could have come, each marked if they did. */
    async event(actor: Actor, id: string) {
      requireAccess(actor, 'event:manage');
      return inSchool(actor, async (tx) => {
        const found = await findEvent(tx, id);
        const came = await repo.attendance(tx, found.id);
        const ids = (key: 'carer_id' | 'pupil_id' | 'staff_id') => new Set(came.map((a) => a[key]).filter((v): v is string => v !== null));
        return {
          event: found,
          ...(await audience(tx, found.class_id)),
          attended: { carers: ids('carer_id'), pupils: ids('pupil_id'), staff: ids('staff_id') },
        };
      });
    },

    /** Who came (replacing what was recorded before); anyone outside the event's audience is a 422 naming the list. */
    async recordAttendance(actor: Actor, id: string, people: Attendance) {
      requireAccess(actor, 'event:manage');
      return inSchool(actor, async (tx) => {
        const found = await findEvent(tx, id);
        const who = await audience(tx, found.class_id);
        const chosen = {
          carerIds: [...new Set(people.carerIds)],
          pupilIds: [...new Set(people.pupilIds)],
          staffIds: [...new Set(people.staffIds)],
        };
        const checks = [
          ['carerIds', chosen.carerIds, who.carers, 'a carer of the pupils the event was for'],
          ['pupilIds', chosen.pupilIds, who.pupils, found.class_id ? 'a pupil of the class' : 'a pupil on roll'],
          ['staffIds', chosen.staffIds, who.staff, 'a member of staff'],
        ] as const;
        for (const [field, ids, allowed, what] of checks) {
          const known = new Set(allowed.map((p) => p.id));
          if (ids.some((i) => !known.has(i))) throw new Unprocessable(`Choose only people from the lists: someone is not ${what}`, field);
        }
        await repo.replaceAttendance(tx, actor.schoolId, found.id, chosen);
        const counts = { carers: chosen.carerIds.length, pupils: chosen.pupilIds.length, staff: chosen.staffIds.length };
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'event.attendance-recorded',
          subjectType: 'event',
          subjectId: found.id,
          detail: counts,
        });
        return { id: found.id, ...counts };
      });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
