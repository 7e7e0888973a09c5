import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { schoolYearStart, todayIso } from '../agreements/agreements.rules.ts';
import { isIsoDate } from '../registers/registers.rules.ts';
import * as repo from './lessons.repository.ts';
import { defaultPlannedTopics } from '../settings/settings.defaults.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import { coverageByYearGroup, isSubject, recordsForAnyClass, subjects, topicsFromText } from './lessons.rules.ts';

/** The school's plan: the topics each year group is taught this school year (004 §9.3, §10). */
export const plannedTopicsOf = (settings: PolicySettings) => settings.lessons?.plannedTopics ?? defaultPlannedTopics;

export interface LessonInput {
  classId: string;
  subject: string;
  topic: string;
  taughtOn: string;
}

/** Pupils' e-safety education (AGR-5; 004 §9.3, §10): lessons taught per class, and coverage per year group. */
export function createLessonService(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  /** The classes this person records lessons for: every class, or the ones they teach. */
  async function classesFor(tx: SchoolTx, actor: Actor) {
    const classes = await repo.activeClasses(tx);
    if (recordsForAnyClass(actor.roles)) return classes;
    const taught = await repo.classIdsTaughtBy(tx, actor.staffId);
    return classes.filter((c) => taught.has(c.id));
  }

  return {
    /** This school year's coverage per year group, and the latest lessons. */
    async overview(actor: Actor, today = todayIso()) {
      requireAccess(actor, 'lesson:read');
      return inSchool(actor, async (tx) => {
        const since = schoolYearStart(today);
        const lessons = await repo.lessons(tx, { since });
        const planned = plannedTopicsOf((await currentSettings(tx, actor.schoolId)).settings);
        return {
          since,
          planned,
          coverage: coverageByYearGroup(await repo.activeClasses(tx), lessons, planned),
          recent: lessons.slice(0, 30),
          canRecord: may(actor, 'lesson:record') && (await classesFor(tx, actor)).length > 0,
        };
      });
    },

    /** One class's lessons, newest first (the class page shows them too). */
    async ofClass(actor: Actor, classId: string) {
      requireAccess(actor, 'lesson:read');
      if (!isUuid(classId)) throw new NotFound('No such class');
      return inSchool(actor, async (tx) => {
        const found = await repo.findClass(tx, classId);
        if (!found) throw new NotFound('No such class');
        return { class: found, lessons: await repo.lessons(tx, { classId }) };
      });
    },

    async all(actor: Actor) {
      requireAccess(actor, 'lesson:read');
      return inSchool(actor, (tx) => repo.lessons(tx, {}));
    },

    async recordableClasses(actor: Actor) {
      requireAccess(actor, 'lesson:record');
      return inSchool(actor, (tx) => classesFor(tx, actor));
    },

    /** The topics of the school's plan, offered when a lesson is recorded and edited by the head. */
    async plannedTopics(actor: Actor) {
      requireAccess(actor, 'lesson:read');
      return inSchool(actor, async (tx) => plannedTopicsOf((await currentSettings(tx, actor.schoolId)).settings));
    },

    /** The head changes the plan: one topic a line. Saved as a new settings version, audited like any settings change. */
    async changePlan(actor: Actor, text: string) {
      requireAccess(actor, 'lesson:plan');
      const topics = topicsFromText(text);
      if (topics.some((t) => t.length > 200)) throw new ValidationError([{ field: 'topics', message: 'Each topic must be 200 characters or fewer' }]);
      if (topics.length > 60) throw new ValidationError([{ field: 'topics', message: 'The plan can hold up to 60 topics' }]);
      return inSchool(actor, async (tx) => {
        const { settings } = await currentSettings(tx, actor.schoolId);
        await saveSettings(tx, actor.schoolId, auditActor(actor), { ...settings, lessons: { ...settings.lessons, plannedTopics: topics } });
        return topics;
      });
    },

    /**
     * Records a lesson taught to a class. A class teacher records for their own classes only (any
     * other class is 404 to them); problems with the values are 422s naming the field.
     */
    async record(actor: Actor, input: LessonInput) {
      requireAccess(actor, 'lesson:record');
      if (!isSubject(input.subject)) throw new Unprocessable(`Choose the subject: ${subjects.join(', ')}`, 'subject');
      const topic = input.topic.trim();
      if (topic.length < 2) throw new Unprocessable('Enter the topic, for example “SMART rules”', 'topic');
      if (topic.length > 200) throw new Unprocessable('The topic must be 200 characters or fewer', 'topic');
      const today = todayIso();
      if (!isIsoDate(input.taughtOn)) throw new Unprocessable('Enter the date the lesson was taught as a real date', 'taughtOn');
      if (input.taughtOn > today) throw new Unprocessable('The date the lesson was taught must be today or in the past', 'taughtOn');
      if (input.taughtOn < '2000-01-01') throw new Unprocessable('The date the lesson was taught must be after 2000', 'taughtOn');
      const subject = input.subject;
      return inSchool(actor, async (tx) => {
        const found = isUuid(input.classId) ? await repo.findClass(tx, input.classId) : undefined;
        if (!found || !found.active) throw new Unprocessable('Choose a class', 'classId');
        if (!recordsForAnyClass(actor.roles) && !(await repo.teachesClass(tx, actor.staffId, found.id))) throw new NotFound('No such class among yours');
        const id = await repo.insertLesson(tx, {
          schoolId: actor.schoolId,
          classId: found.id,
          subject,
          topic,
          taughtOn: input.taughtOn,
          by: actor.staffId,
          byLabel: actor.name,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'lesson.recorded',
          subjectType: 'class',
          subjectId: found.id,
          detail: { lesson: id, subject, topic, taughtOn: input.taughtOn },
        });
        return { id, classId: found.id, subject, topic, taughtOn: input.taughtOn };
      });
    },
  };
}

export type LessonService = ReturnType<typeof createLessonService>;
