import type { Config } from '../../config.ts';
import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { signedOnProblem, todayIso } from '../agreements/agreements.rules.ts';
import { defaultCourses } from './training.defaults.ts';
import * as repo from './training.repository.ts';
import { addDays, dueTraining } from './training.rules.ts';

/** Certificates: PDFs and pictures, up to 5 MB. */
export const certificateTypes = ['application/pdf', 'image/jpeg', 'image/png'];
export const certificateMaxBytes = 5 * 1024 * 1024;

/** A new school's courses (AGR-3): induction, pupils at risk, the annual update. */
export async function installDefaultCourses(tx: SchoolTx, schoolId: string): Promise<void> {
  for (const c of defaultCourses) await repo.insertCourse(tx, schoolId, c);
}

const ruleOf = (c: repo.CourseRow) => ({ id: c.id, key: c.key, title: c.title, dueWithinDays: c.due_within_days, renewalMonths: c.renewal_months });

async function dueIn(tx: SchoolTx, today: string, staffId?: string) {
  const staff = (await repo.activeStaff(tx)).filter((s) => !staffId || s.id === staffId);
  const courses = await repo.courses(tx, true);
  const done = await repo.completions(tx, staffId);
  return dueTraining(
    staff.map((s) => ({ id: s.id, name: s.name, startedOn: s.started_on })),
    courses.map(ruleOf),
    done.map((d) => ({ staffId: d.staff_id, courseId: d.course_id, completedOn: d.completed_on })),
    today,
  );
}

export interface CourseInput {
  title: string;
  description: string;
  dueWithinDays: string;
  renewalMonths: string;
  active?: boolean;
}

function courseProblems(input: CourseInput): { problems: FieldProblem[]; dueWithinDays: number; renewalMonths: number | null } {
  const problems: FieldProblem[] = [];
  if (!input.title.trim()) problems.push({ field: 'title', message: 'Enter the course’s name' });
  else if (input.title.trim().length > 150) problems.push({ field: 'title', message: 'The name must be 150 characters or fewer' });
  if (input.description.length > 1000) problems.push({ field: 'description', message: 'The description must be 1,000 characters or fewer' });
  const days = Number(input.dueWithinDays.trim());
  if (!/^\d+$/.test(input.dueWithinDays.trim()) || days > 3650)
    problems.push({ field: 'dueWithinDays', message: 'Enter the number of days after joining, from 0 to 3650' });
  const months = input.renewalMonths.trim() ? Number(input.renewalMonths.trim()) : null;
  if (months !== null && (!/^\d+$/.test(input.renewalMonths.trim()) || months < 1 || months > 120))
    problems.push({ field: 'renewalMonths', message: 'Enter the number of months from 1 to 120, or leave it empty if once is enough' });
  return { problems, dueWithinDays: days, renewalMonths: months };
}

export function createTrainingService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  return {
    async courses(actor: Actor) {
      requireAccess(actor, 'training:courses');
      return inSchool(actor, (tx) => repo.courses(tx));
    },

    async course(actor: Actor, id: string) {
      requireAccess(actor, 'training:manage');
      return inSchool(actor, async (tx) => {
        const course = await repo.findCourse(tx, id);
        if (!course) throw new NotFound('No such course');
        return course;
      });
    },

    /** The headteacher adds a course (the local authority's online-safety course, say). */
    async addCourse(actor: Actor, input: CourseInput) {
      requireAccess(actor, 'training:manage');
      const { problems, dueWithinDays, renewalMonths } = courseProblems(input);
      if (problems.length) throw new ValidationError(problems);
      return inSchool(actor, async (tx) => {
        const base =
          input.title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 50) || 'course';
        let key = base;
        for (let n = 2; await repo.findCourse(tx, key); n++) key = `${base}-${n}`;
        const id = await repo.insertCourse(tx, actor.schoolId, {
          key,
          title: input.title.trim(),
          description: input.description.trim(),
          dueWithinDays,
          renewalMonths,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'training.course-added',
          subjectType: 'training-course',
          subjectId: id,
          detail: { key },
        });
        return id!;
      });
    },

    async changeCourse(actor: Actor, id: string, input: CourseInput) {
      requireAccess(actor, 'training:manage');
      const { problems, dueWithinDays, renewalMonths } = courseProblems(input);
      if (problems.length) throw new ValidationError(problems);
      await inSchool(actor, async (tx) => {
        const course = await repo.findCourse(tx, id);
        if (!course) throw new NotFound('No such course');
        const changes = {
          title: input.title.trim(),
          description: input.description.trim(),
          due_within_days: dueWithinDays,
          renewal_months: renewalMonths,
          active: input.active ?? true,
        };
        await repo.updateCourse(tx, course.id, changes);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'training.course-changed',
          subjectType: 'training-course',
          subjectId: course.id,
          detail: changes,
        });
      });
    },

    /** Due and overdue training for everyone (AGR-3). */
    async due(actor: Actor, today = todayIso()) {
      requireAccess(actor, 'training:read');
      return inSchool(actor, (tx) => dueIn(tx, today));
    },

    /** One person's training: what they have done and what they owe. Their own, or anyone's for those who keep the records. */
    async staffRecord(actor: Actor, staffId: string) {
      requireAccess(actor, 'training:courses');
      if (staffId !== actor.staffId && !may(actor, 'training:read')) throw new NotFound('No such member of staff');
      return inSchool(actor, async (tx) => {
        const staff = await repo.findStaff(tx, staffId);
        if (!staff) throw new NotFound('No such member of staff');
        return { staff, completions: await repo.completions(tx, staffId), due: await dueIn(tx, todayIso(), staffId), courses: await repo.courses(tx, true) };
      });
    },

    /**
     * Records a completion: by the person themselves, or by those who keep the records. Problems
     * with the values are 422s naming the field (the API's contract); forms show them by the field.
     */
    async recordCompletion(
      actor: Actor,
      staffId: string,
      input: { course: string; completedOn: string; provider?: string | null; certificate?: { name: string; type: string; bytes: Buffer } | null },
    ) {
      requireAccess(actor, 'training:courses');
      if (staffId !== actor.staffId && !may(actor, 'training:record')) throw new NotFound('No such member of staff');
      const dateProblem = signedOnProblem(input.completedOn, todayIso());
      if (dateProblem) throw new Unprocessable(dateProblem.replace('it was signed', 'the course was completed'), 'completedOn');
      const provider = input.provider?.trim() || null;
      if (provider && provider.length > 200) throw new Unprocessable('The provider must be 200 characters or fewer', 'provider');
      if (input.certificate) {
        if (!certificateTypes.includes(input.certificate.type)) throw new Unprocessable('The certificate must be a PDF, JPG or PNG', 'certificate');
        if (input.certificate.bytes.length > certificateMaxBytes) throw new Unprocessable('The certificate must be smaller than 5 MB', 'certificate');
      }
      return inSchool(actor, async (tx) => {
        const staff = await repo.findStaff(tx, staffId);
        if (!staff || !staff.active) throw new NotFound('No such member of staff');
        const course = input.course ? await repo.findCourse(tx, input.course) : undefined;
        if (!course) throw new Unprocessable(`There is no course “${input.course}”`, 'course');
        const id = await repo.insertCompletion(tx, {
          schoolId: actor.schoolId,
          staffId,
          courseId: course.id,
          completedOn: input.completedOn,
          provider,
          certificate: input.certificate ?? null,
          recordedBy: actor.staffId,
          recordedByLabel: actor.name,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'training.completed',
          subjectType: 'staff',
          subjectId: staffId,
          detail: { course: course.key, completedOn: input.completedOn, certificate: Boolean(input.certificate) },
        });
        return { id, staffId, course: course.key, completedOn: input.completedOn, provider };
      });
    },

    async certificate(actor: Actor, completionId: string) {
      requireAccess(actor, 'training:courses');
      return inSchool(actor, async (tx) => {
        const row = await repo.certificate(tx, completionId);
        if (!row || !row.certificate || (row.staff_id !== actor.staffId && !may(actor, 'training:read'))) throw new NotFound('No such certificate');
        return { name: row.certificate_name ?? 'certificate', type: row.certificate_type ?? 'application/octet-stream', bytes: row.certificate };
      });
    },

    /** Daily: each person with training overdue or due within 14 days is told, at most once a week. */
    async sendReminders(now = new Date()): Promise<number> {
      let sent = 0;
      const today = todayIso(now);
      for (const school of await listSchools(schools)) {
        sent += await withSchool(schools, school.id, async (tx) => {
          const soon = addDays(today, 14);
          const due = (await dueIn(tx, today)).filter((d) => d.dueOn <= soon);
          const reminded = await repo.remindedSince(tx, addDays(today, -6));
          const emails = new Map((await repo.activeStaff(tx)).map((s) => [s.id, s.email]));
          const people = [...new Set(due.map((d) => d.staffId))].filter((id) => emails.get(id) && !reminded.has(id));
          for (const staffId of people) {
            const mine = due.filter((d) => d.staffId === staffId);
            await enqueueMail(tx, school.id, {
              to: emails.get(staffId)!,
              subject: `${school.name}: training ${mine.some((d) => d.status === 'overdue') ? 'overdue' : 'due soon'}`,
              text: `You have ${mine.length === 1 ? 'a training course' : `${mine.length} training courses`} to complete.\n\nSee what is due: ${config.baseUrl}/training/staff/${staffId}`,
            });
            await repo.markReminded(tx, school.id, staffId, today);
          }
          return people.length;
        });
      }
      if (sent) onMail();
      return sent;
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
