import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { ModuleRoutes } from '../modules.ts';
import type { AuditServices } from './services.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { dayFromParts, formatDateTime, partsEmpty, partsFromBody } from '../text/dates.ts';
import type { AuditFilter } from './audit.ts';
import { recordKinds, sentenceText } from './audit.sentences.ts';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Query = Type.Object({
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  who: text(300),
  pupil: text(100),
  type: text(40),
  'from-day': text(2),
  'from-month': text(2),
  'from-year': text(4),
  'to-day': text(2),
  'to-month': text(2),
  'to-year': text(4),
});

/** The filter as asked, and a message for each date that is not a real day. */
function readFilter(query: Record<string, string | undefined>) {
  const problems: { field: string; message: string }[] = [];
  const filter: AuditFilter = {};
  if (query.who?.trim()) filter.who = query.who.trim();
  if (query.pupil?.trim()) filter.pupil = query.pupil.trim();
  if (query.type && recordKinds.some((k) => k.value === query.type)) filter.type = query.type;
  const dates = { from: partsFromBody(query, 'from'), to: partsFromBody(query, 'to') };
  for (const [name, parts] of Object.entries(dates) as ['from' | 'to', ReturnType<typeof partsFromBody>][]) {
    if (partsEmpty(parts)) continue;
    const day = dayFromParts(parts);
    if (day) filter[name] = day;
    else problems.push({ field: `${name}-day`, message: `Enter the ${name === 'from' ? 'first' : 'last'} day as a real date, like 1 12 2026` });
  }
  return { filter, problems, dates };
}

/** The query string for the same filter, so "older entries" and the CSV link keep it. */
function filterQuery(query: Record<string, string | undefined>): string {
  const keep = Object.entries(query).filter(([key, value]) => key !== 'before' && value);
  return new URLSearchParams(keep as [string, string][]).toString();
}

const csvCell = (value: string) =>
  /[",\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${(/^[=+\-@\t]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"` : value;

/** The headteacher reads the school's audit log, newest first, filters it and downloads it. */
export const auditRoutes: ModuleRoutes<AuditServices> = async (app, { services }) => {
  app.get('/audit', { config: { permission: 'audit:read' }, schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const { filter, problems, dates } = readFilter(query);
    const { entries, olderBefore, people } = await services.audit.page(actorOf(request), request.query.before, filter);
    const kept = filterQuery(query);
    const filtered = Object.keys(filter).length > 0;
    return render(request, reply, 'audit/views/audit.njk', {
      title: 'Audit log',
      entries: entries.map((e) => ({ ...e, detailText: Object.keys(e.detail).length ? JSON.stringify(e.detail, null, 2) : '' })),
      olderHref: olderBefore === null ? null : `/audit?${kept ? `${kept}&` : ''}before=${olderBefore}`,
      csvHref: `/audit/export${kept ? `?${kept}` : ''}`,
      whoItems: [{ value: '', text: 'Anyone' }, ...people.map((p) => ({ value: p, text: p, selected: p === filter.who }))],
      typeItems: [{ value: '', text: 'Any record' }, ...recordKinds.map((k) => ({ ...k, selected: k.value === filter.type }))],
      values: { pupil: query.pupil ?? '', from: dates.from, to: dates.to },
      filtered,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field.replace(/-day$/, ''), { text: p.message }])),
    });
  });

  /** The same entries as a CSV file for a spreadsheet: the sentence, and the raw entry beside it. */
  app.get(
    '/audit/export',
    { config: { permission: 'audit:read' }, schema: { hide: true, querystring: Query } },
    async (request: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply) => {
      const { filter } = readFilter(request.query);
      const entries = await services.audit.all(actorOf(request), filter);
      const header = ['When', 'When (ISO 8601)', 'Who', 'What happened', 'Record type', 'Record', 'Action', 'Details'];
      const lines = entries.map((e) =>
        [
          formatDateTime(e.at),
          e.at.toISOString(),
          e.actor_label,
          sentenceText(e.sentence),
          e.subject_type,
          e.subject_id ?? '',
          e.action,
          JSON.stringify(e.detail),
        ]
          .map(csvCell)
          .join(','),
      );
      const actor = actorOf(request);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="audit-log-${actor.schoolUrn.replace(/[^A-Za-z0-9-]/g, '')}.csv"`)
        .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`);
    },
  );

  /** The school's lines of the anchor file, to keep somewhere other than this server. */
  app.get('/audit/anchors', { config: { permission: 'audit:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-anchors-${actor.schoolUrn.replace(/[^A-Za-z0-9-]/g, '')}.txt"`)
      .send(services.audit.anchorLines(actor) || '# No anchors yet: the server writes one every night (or run "esafety audit anchor").\n');
  });
};
