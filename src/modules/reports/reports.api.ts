import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { apiErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { ReportsServices } from './services.ts';

const Count = Type.Union([Type.Integer({ minimum: 5 }), Type.Literal('<5')], {
  description: 'A count; any under 5 is given as "<5" so that no child can be identified',
});
const Counts = Type.Record(Type.String(), Count);
const StaffTally = Type.Object({ signed: Type.Integer({ minimum: 0 }), outstanding: Type.Integer({ minimum: 0 }) });
const Coverage = Type.Object({ may: Count, mayNot: Count, noAnswer: Count });
const Report = Type.Object({
  academicYear: Type.Integer({ description: 'The calendar year the academic year starts in (1 September)' }),
  concerns: Type.Object({
    total: Count,
    byType: Counts,
    byTerm: Counts,
    outOfHours: Count,
    repeats: Count,
    closed: Count,
    actions: Counts,
    referrals: Count,
    medianDaysToFirstAction: Type.Union([Type.Number(), Type.Null()]),
  }),
  consent: Type.Object({ byPurpose: Type.Record(Type.String(), Coverage), takedowns: Type.Object({ raised: Count, done: Count }) }),
  photos: Type.Object({ published: Count, refused: Count, takenDown: Count }),
  policies: Type.Array(
    Type.Object({
      title: Type.String(),
      status: Type.String(),
      approvedOn: Type.Union([Type.String(), Type.Null()]),
      nextReviewDue: Type.Union([Type.String(), Type.Null()]),
      review: Type.String({ description: 'overdue, due, in-date or no-date' }),
      acknowledged: Type.Integer({ description: 'Staff who confirmed reading the approved version' }),
      staff: Type.Integer({ description: 'Staff the policy applies to' }),
    }),
  ),
  agreements: Type.Array(
    Type.Object({
      title: Type.String(),
      staff: Type.Record(Type.String(), StaffTally, {
        description: 'Staff, governors and volunteers in the agreement’s audience (exact: staff cannot identify a child)',
      }),
      families: Type.Record(Type.String(), Type.Object({ signed: Count, outstanding: Count }), { description: 'Carers (one per pupil) and pupils on roll' }),
    }),
  ),
  training: Type.Object({
    completed: Type.Integer({ description: 'Courses completed by staff in the year' }),
    overdue: Type.Integer({ description: 'Courses overdue at the end of the year (or today)' }),
    due: Type.Integer({ description: 'Courses falling due soon' }),
    byCourse: Type.Array(Type.Object({ title: Type.String(), completed: Type.Integer(), overdue: Type.Integer(), due: Type.Integer() })),
  }),
  filtering: Type.Object({
    review: Type.Object({
      lastCompletedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      nextDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      state: Type.String({ description: 'overdue, due, in-date or no-date (never recorded)' }),
      pointsMet: Type.Integer(),
      points: Type.Integer(),
    }),
    requests: Type.Record(Type.String(), Type.Object({ decided: Count, pending: Count, approved: Count, refused: Count }), {
      description: 'Requests made in the year, "block" and "unblock"',
    }),
  }),
  generatedAt: Type.String({ format: 'date-time' }),
});
const YearQuery = Type.Object({ academicYear: Type.Integer({ minimum: 2000, maximum: 2100 }) });

/** The governors' report as JSON (RPT-2): the same figures as the page, small numbers suppressed. */
export const reportApiRoutes: ModuleRoutes<ReportsServices> = async (app, { services }) => {
  app.get(
    '/api/v1/reports/governors',
    {
      config: { permission: 'report:governors' },
      schema: {
        summary: 'The governors’ yearly report for an academic year: counts only, under 5 given as "<5"',
        tags: ['reports'],
        querystring: YearQuery,
        response: { 200: Report, 400: apiErrors[400], 401: apiErrors[401], 403: apiErrors[403] },
      },
    },
    async (request) => {
      const report = await services.reports.governors(actorOf(request), request.query.academicYear);
      // Checked against the contract here, so a section that gave a small number exactly could never reach a caller.
      return Value.Parse(Report, { academicYear: report.academicYear, ...report.json, generatedAt: report.generatedAt.toISOString() });
    },
  );
};
