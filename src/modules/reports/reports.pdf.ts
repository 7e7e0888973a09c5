import { countText } from './reports.rules.ts';
import type { GovernorsReport } from './reports.service.ts';
import { chartScale, seriesColours } from './reports.svg.ts';
import { chartTable, type Block, type ChartBlock, type TableBlock } from './reports.view.ts';

/**
 * The governors' report as a PDF for the meeting pack, made on the server (pdfkit, no browser):
 * the same sections, sentences, charts and tables as the page. Charts are drawn with the same
 * rules as the SVG (no bar for "fewer than 5") and the table of figures follows each one.
 */

const margin = 50;
const ink = '#0b0c0c';
const grey = '#505a5f';

export async function governorsReportPdf(report: GovernorsReport): Promise<Buffer> {
  // Loaded when a report is first printed (pdfkit and its font code hold several MB).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: `Online safety and social media: governors’ report ${report.label}`, Author: report.schoolName, Subject: 'Governors’ yearly review' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margin * 2;
  const ensure = (height: number) => {
    if (doc.y + height > doc.page.height - margin) doc.addPage();
  };

  doc.fillColor(ink).font('Helvetica-Bold').fontSize(20).text(report.schoolName, { width });
  doc.fontSize(16).text(`Online safety and social media: governors’ report ${report.label}`, { width });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor(grey)
    .text(
      `Figures as at ${report.asOf.toISOString().slice(0, 10)}. Made ${report.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Numbers under 5 are shown as "fewer than 5" so that no child can be identified; no names appear in this report.`,
      { width },
    );

  for (const section of report.sections) {
    ensure(80);
    doc.moveDown(1).fillColor(ink).font('Helvetica-Bold').fontSize(14).text(section.title, margin, doc.y, { width });
    doc.moveDown(0.2).font('Helvetica').fontSize(10).text(section.change, { width });
    for (const block of section.blocks) drawBlock(doc, block, width, ensure);
  }
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, width: number, ensure: (h: number) => void) {
  switch (block.kind) {
    case 'chart':
      drawChart(doc, block, width, ensure);
      drawTable(doc, chartTable(block), width, ensure);
      return;
    case 'table':
      drawTable(doc, block, width, ensure);
      return;
    case 'facts':
      doc.moveDown(0.5);
      for (const item of block.items) {
        ensure(16);
        doc.font('Helvetica-Bold').fontSize(10).fillColor(ink).text(`${item.label}: `, margin, doc.y, { continued: true, width });
        doc.font('Helvetica').text(item.value);
      }
      return;
  }
}

function drawChart(doc: PDFKit.PDFDocument, chart: ChartBlock, width: number, ensure: (h: number) => void) {
  const barHeight = 9;
  const rowHeight = chart.series.length * (barHeight + 2) + 6;
  ensure(30 + chart.rows.length * rowHeight);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor(ink).text(chart.title, margin, doc.y, { width });
  const labelWidth = 170;
  const barArea = width - labelWidth - 80;
  const scale = chartScale(chart);
  let y = doc.y + 4;
  if (chart.series.length > 1) {
    chart.series.forEach((name, i) => {
      const x = margin + labelWidth + i * 110;
      doc.rect(x, y, 8, 8).fill(seriesColours[i % seriesColours.length]);
      doc
        .fillColor(ink)
        .font('Helvetica')
        .fontSize(8)
        .text(name, x + 11, y, { lineBreak: false });
    });
    y += 14;
  }
  for (const row of chart.rows) {
    doc
      .fillColor(ink)
      .font('Helvetica')
      .fontSize(8)
      .text(row.label, margin, y, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    row.values.forEach((value, i) => {
      const top = y + i * (barHeight + 2);
      const length = value === '<5' ? 0 : Math.max(value > 0 ? 1 : 0, (value / scale) * barArea);
      if (length > 0) doc.rect(margin + labelWidth, top, length, barHeight).fill(seriesColours[i % seriesColours.length]);
      doc
        .fillColor(ink)
        .fontSize(8)
        .text(countText(value), margin + labelWidth + length + 3, top + 1, { lineBreak: false });
    });
    y += rowHeight;
  }
  doc.x = margin;
  doc.y = y;
}

function drawTable(doc: PDFKit.PDFDocument, table: TableBlock, width: number, ensure: (h: number) => void) {
  if (table.rows.length === 0) return;
  const columns = table.head.length;
  const first = columns > 2 ? width * 0.28 : width * 0.6;
  const rest = (width - first) / Math.max(1, columns - 1);
  const widths = [first, ...Array.from({ length: columns - 1 }, () => rest)];
  ensure(40);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(ink).text(table.title, margin, doc.y, { width });
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 4 }))) + 4;
    ensure(height);
    const top = doc.y;
    let x = margin;
    cells.forEach((c, i) => {
      doc.fillColor(ink).text(c, x, top + 2, { width: widths[i] - 4 });
      x += widths[i];
    });
    doc
      .moveTo(margin, top + height)
      .lineTo(margin + width, top + height)
      .lineWidth(0.5)
      .strokeColor('#b1b4b6')
      .stroke();
    doc.x = margin;
    doc.y = top + height;
  };
  line(table.head, true);
  for (const row of table.rows) line(row, false);
}
