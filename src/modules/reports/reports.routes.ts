import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { governorsReportPdf } from './reports.pdf.ts';
import { barChartSvg } from './reports.svg.ts';
import { chartTable } from './reports.view.ts';
import type { ReportsServices } from './services.ts';

const YearQuery = Type.Object({ academicYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
const PdfParams = Type.Object({ file: Type.String({ pattern: '^\\d{4}\\.pdf$' }) });

/** The governors' report (RPT-2) as a page, with SVG charts and their tables, and as a PDF for the meeting pack. */
export const reportRoutes: ModuleRoutes<ReportsServices> = async (app, { services }) => {
  app.get('/reports/governors', { config: { permission: 'report:governors' }, schema: { hide: true, querystring: YearQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const current = services.reports.currentAcademicYear();
    const year = request.query.academicYear ?? current;
    if (year > current) throw new NotFound('That academic year has not started yet');
    const report = await services.reports.governors(actor, year);
    const years = Array.from({ length: 4 }, (_, i) => current - i);
    return render(request, reply, 'reports/views/governors.njk', {
      title: `Governors’ report ${report.label}`,
      report,
      sections: report.sections.map((section) => ({
        ...section,
        blocks: section.blocks.map((block) => (block.kind === 'chart' ? { ...block, svg: barChartSvg(block), table: chartTable(block) } : block)),
      })),
      yearItems: years.map((y) => ({ value: String(y), text: `${y}/${String(y + 1).slice(2)}`, selected: y === year })),
      pdfHref: `/reports/governors/${year}.pdf`,
      jsonHref: `/api/v1/reports/governors?academicYear=${year}`,
    });
  });

  app.get('/reports/governors/:file', { config: { permission: 'report:governors' }, schema: { hide: true, params: PdfParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const year = Number(request.params.file.slice(0, 4));
    if (year > services.reports.currentAcademicYear() || year < 2000) throw new NotFound();
    const report = await services.reports.governors(actor, year);
    const pdf = await governorsReportPdf(report);
    await services.reports.recordDownload(actor, year, 'pdf');
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="governors-report-${year}.pdf"`)
      .send(pdf);
  });
};
