import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { pupilDisplayName } from '../people/names.ts';
import * as repo from './phones.repository.ts';
import { isIsoDate, londonDay, nextPhoneAction, phoneDay, tapToUndo, type PhoneAction } from './registers.rules.ts';

/** Pupils' phones handed in at the office in the morning and returned at the end of the day (REG-2; 000 D, 001 §4). */
export function createPhonesService(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  const dayOf = (date: string | undefined) => {
    const day = date?.trim() || londonDay();
    if (!isIsoDate(day)) throw new ValidationError([{ field: 'date', message: 'Enter the date as YYYY-MM-DD, for example 2026-12-01' }]);
    return day;
  };

  async function pupil(tx: SchoolTx, id: string) {
    const found = isUuid(id) ? await repo.pupilOnRoll(tx, id) : undefined;
    if (!found) throw new NotFound('There is no such pupil');
    return found;
  }

  return {
    today: () => londonDay(),

    /** The day's three lists (the API's answer). */
    async day(actor: Actor, date?: string) {
      requireAccess(actor, 'phones:record');
      const day = dayOf(date);
      return inSchool(actor, async (tx) => ({ date: day, ...phoneDay(await repo.dayEvents(tx, day)) }));
    },

    /**
     * One tap. Tapping "handed in" twice (a double tap, a retried request) records it once; a phone
     * can only be returned once it was handed in that day.
     */
    async record(actor: Actor, pupilId: string, action: string): Promise<{ pupilId: string; action: PhoneAction; date: string; name: string }> {
      requireAccess(actor, 'phones:record');
      if (action !== 'handed-in' && action !== 'returned') throw new ValidationError([{ field: 'action', message: 'Choose handed in or returned' }]);
      const day = londonDay();
      return inSchool(actor, async (tx) => {
        const found = await pupil(tx, pupilId);
        const name = pupilDisplayName(found);
        if (!found.on_roll) throw new Conflict('not-on-roll', `${name} is no longer on roll`);
        const state = phoneDay(await repo.dayEvents(tx, day));
        const handedIn = state.handedIn.includes(found.id);
        const returned = state.returned.includes(found.id);
        if (action === 'returned' && !handedIn) throw new Conflict('not-handed-in', `${name}’s phone was not handed in today`);
        const already = action === 'handed-in' ? handedIn && !returned : returned;
        if (!already) {
          await repo.recordPhone(tx, actor.schoolId, found.id, day, action, actor.staffId);
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: `phone.${action}`,
            subjectType: 'pupil',
            subjectId: found.id,
            detail: { date: day },
          });
        }
        return { pupilId: found.id, action, date: day, name };
      });
    },

    /**
     * Undoes a mistaken tap (REG-2): the person's own latest tap of the day, if nobody has tapped for
     * that pupil since. The tap stays in the history with the row that cancels it, and the audit says who.
     */
    async undo(actor: Actor, tapId: string): Promise<{ pupilId: string; action: PhoneAction; name: string }> {
      requireAccess(actor, 'phones:record');
      const day = londonDay();
      return inSchool(actor, async (tx) => {
        const tap = tapToUndo(await repo.dayEvents(tx, day), actor.staffId);
        if (!tap || tap.id !== tapId)
          throw new Conflict('nothing-to-undo', 'That tap can no longer be undone: someone has tapped since, or it was undone already');
        const found = await pupil(tx, tap.pupilId);
        await repo.recordUndo(tx, actor.schoolId, tap, day, actor.staffId);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'phone.tap-undone',
          subjectType: 'pupil',
          subjectId: found.id,
          detail: { date: day, undid: tap.action, tap: tap.id },
        });
        return { pupilId: found.id, action: tap.action, name: pupilDisplayName(found) };
      });
    },

    /** The office's page for one class: each pupil with what to tap next. */
    async classPage(actor: Actor, classId: string | undefined) {
      requireAccess(actor, 'phones:record');
      const day = londonDay();
      return inSchool(actor, async (tx) => {
        const classes = await repo.activeClasses(tx);
        const chosen = classId && isUuid(classId) ? await repo.findClass(tx, classId) : undefined;
        if (classId && !chosen) throw new NotFound('There is no such class');
        const events = await repo.dayEvents(tx, day);
        const state = phoneDay(events);
        const lastTap = tapToUndo(events, actor.staffId);
        const exempt = new Map((await repo.exemptions(tx)).map((e) => [e.pupil_id, e.note]));
        const pupils = chosen
          ? (await repo.pupilsOfClass(tx, chosen.id)).map((p) => {
              const s = { handedIn: state.handedIn.includes(p.id), returned: state.returned.includes(p.id), exempt: exempt.has(p.id) };
              return { id: p.id, name: pupilDisplayName(p), ...s, note: exempt.get(p.id) ?? null, next: nextPhoneAction(s) };
            })
          : [];
        return {
          date: day,
          classes,
          chosen: chosen ?? null,
          pupils,
          counts: { handedIn: pupils.filter((p) => p.handedIn).length, notReturned: pupils.filter((p) => p.handedIn && !p.returned).length },
          notReturnedInSchool: state.notReturned.length,
          lastTap: lastTap ? { id: lastTap.id, action: lastTap.action, name: pupilDisplayName(await pupil(tx, lastTap.pupilId)) } : null,
          canExempt: may(actor, 'phones:exempt'),
        };
      });
    },

    /** Phones still in the office: the end-of-day list. */
    async notCollected(actor: Actor, date?: string) {
      requireAccess(actor, 'phones:record');
      const day = dayOf(date);
      return inSchool(actor, async (tx) => {
        const { notReturned } = phoneDay(await repo.dayEvents(tx, day));
        return {
          date: day,
          pupils: (await repo.pupilsByIds(tx, notReturned)).map((p) => ({ id: p.id, name: pupilDisplayName(p), classTitle: p.class_title })),
        };
      });
    },

    async exemptions(actor: Actor) {
      requireAccess(actor, 'phones:record');
      return inSchool(actor, async (tx) => (await repo.exemptions(tx)).map((e) => ({ ...e, name: pupilDisplayName(e) })));
    },

    async history(actor: Actor, pupilId: string) {
      requireAccess(actor, 'phones:record');
      return inSchool(actor, async (tx) => {
        const found = await pupil(tx, pupilId);
        return {
          pupil: { ...found, name: pupilDisplayName(found) },
          exemption: (await repo.exemptionOf(tx, found.id)) ?? null,
          events: await repo.pupilHistory(tx, found.id),
        };
      });
    },

    /** A pupil allowed to keep their phone, with the reason (a medical reason, say). */
    async exempt(actor: Actor, pupilId: string, note: string) {
      requireAccess(actor, 'phones:exempt');
      const reason = note.trim();
      if (!reason) throw new ValidationError([{ field: 'note', message: 'Say why the pupil keeps their phone, for example a medical reason' }]);
      if (reason.length > 500) throw new ValidationError([{ field: 'note', message: 'The reason must be 500 characters or fewer' }]);
      await inSchool(actor, async (tx) => {
        const found = await pupil(tx, pupilId);
        await repo.setExemption(tx, actor.schoolId, found.id, reason, actor.staffId);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'phone.exemption-set',
          subjectType: 'pupil',
          subjectId: found.id,
          detail: { note: reason },
        });
      });
    },

    async endExemption(actor: Actor, pupilId: string) {
      requireAccess(actor, 'phones:exempt');
      await inSchool(actor, async (tx) => {
        const found = await pupil(tx, pupilId);
        if (!(await repo.removeExemption(tx, found.id))) throw new Conflict('not-exempt', 'This pupil does not keep their phone');
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'phone.exemption-ended', subjectType: 'pupil', subjectId: found.id });
      });
    },
  };
}

export type PhonesService = ReturnType<typeof createPhonesService>;
