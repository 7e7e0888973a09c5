/**
 * Plain CSV from any MIS on the web (issue 20, PPL-4): upload the three files, check how each column
 * maps to a field (and change it), see the same dry-run difference as OneRoster, then confirm through
 * the OneRoster confirmation route (import.routes.ts).
 */
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PeopleServices } from './services.ts';
import { acceptUploads, formFile, formValue } from '../../platform/http/form-body.ts';
import { maxUploadMegabytes } from './import.routes.ts';
import { formErrors, render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { may } from '../../platform/auth/access.ts';
import { csvFileKinds, fieldsOf, type ColumnMapping, type CsvFileKind } from './csv/csv.fields.ts';
import { formatProblem, type CsvFiles, type CsvProblem, type CsvReading } from './csv/csv.parse.ts';
import type { ImportOutcome } from './import.outcome.ts';

/** Each column's choice is `map.<file>.<column index>`: a field key, or '' for ignored. */
const MappingBody = Type.Object(
  { _csrf: Type.Optional(Type.String()) },
  { additionalProperties: Type.String({ maxLength: 40 }), patternProperties: { '^map\\.(pupils|contacts|staff)\\.\\d{1,3}$': Type.String({ maxLength: 40 }) } },
);

const fileLabels: Record<CsvFileKind, string> = { pupils: 'Pupils', contacts: 'Contacts (one row per pupil and contact)', staff: 'Staff' };

/** The mapping page's tables: each column, its first values, and the choice of field. */
function mappingView(reading: CsvReading) {
  return reading.sheets.map((sheet) => ({
    kind: sheet.kind,
    name: sheet.name,
    label: fileLabels[sheet.kind],
    columns: sheet.headers.map((header, index) => ({
      header: header || `(column ${index + 1})`,
      name: `map.${sheet.kind}.${index}`,
      items: [
        { value: '', text: 'Ignored', selected: sheet.mapping[index] === null },
        ...Object.entries(fieldsOf(sheet.kind)).map(([key, spec]) => ({
          value: key,
          text: spec.label + (spec.required ? ' (required)' : ''),
          selected: sheet.mapping[index] === key,
        })),
      ],
    })),
  }));
}

export const csvImportRoutes: ModuleRoutes<PeopleServices> = async (app, { services }) => {
  // Three files in one form; each as large as a OneRoster package may be.
  await acceptUploads(app, { maxFileBytes: maxUploadMegabytes * 1024 * 1024, fields: 5, files: 3 });

  const mappingPage = (pendingId: string, reading: CsvReading, problems: CsvProblem[]) => ({
    title: 'Check how the columns are read',
    pendingId,
    sheets: mappingView(reading),
    problems: problems.map(formatProblem),
    counts: reading.counts,
  });

  // No body schema: @fastify/multipart attaches the parts (three files and _csrf) to the body.
  app.post('/import/csv', { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const files = {} as CsvFiles;
    const missing: { field: string; message: string }[] = [];
    for (const kind of csvFileKinds) {
      const file = await formFile(request.body, kind);
      if (file) files[kind] = { name: file.fileName, bytes: new Uint8Array(file.bytes) };
      else missing.push({ field: kind, message: `Select the ${kind} CSV file` });
    }
    if (missing.length) {
      const page = { title: 'Import from your management information system', maxUploadMegabytes };
      return render(request, reply, 'people/views/import.njk', { ...page, ...formErrors(missing) }, 400);
    }
    const partial = formValue(request.body, 'partial') === 'yes';
    const { pendingId, reading } = await services.import.startCsv(actorOf(request), files, partial);
    return render(request, reply, 'people/views/import-csv-mapping.njk', mappingPage(pendingId, reading, reading.problems));
  });

  app.post(
    '/import/csv/:id',
    { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: MappingBody } },
    async (request, reply) => {
      const body = request.body as Record<string, string | undefined>;
      const mappings = {} as Record<CsvFileKind, ColumnMapping>;
      for (const kind of csvFileKinds) {
        const mapping: ColumnMapping = [];
        for (let i = 0; body[`map.${kind}.${i}`] !== undefined; i++) {
          const field = body[`map.${kind}.${i}`]!;
          mapping.push(field in fieldsOf(kind) ? field : null);
        }
        mappings[kind] = mapping;
      }
      const actor = actorOf(request);
      const result = await services.import.previewCsv(actor, request.params.id, mappings);
      if (!result.ok)
        return render(request, reply, 'people/views/import-csv-mapping.njk', mappingPage(request.params.id, result.reading, result.problems), 400);
      const outcome: ImportOutcome = result.outcome;
      return render(request, reply, 'people/views/import-preview.njk', {
        title: 'Check the changes before you import',
        fileName: result.reading.sheets.map((s) => s.name).join(', '),
        outcome,
        warnings: result.reading.warnings,
        pendingId: request.params.id,
        inviteCount: may(actor, 'staff:manage') ? outcome.summary.staff.created + (await services.staffInvitations.countUninvited(actor)) : 0,
        backLink: '/import',
      });
    },
  );
};
