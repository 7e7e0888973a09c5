import { countText, type Count } from './reports.rules.ts';
import type { ChartBlock } from './reports.view.ts';

/**
 * Bar charts drawn on the server as SVG: no JavaScript, sharp in print, and with the same figures
 * in a table beside each (the table is what a screen reader reads; the chart says so). A count
 * given as "fewer than 5" gets no bar, so its length cannot give the number away.
 */

export const seriesColours = ['#1d70b8', '#f47738', '#505a5f', '#00703c', '#912b88'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const numeric = (value: Count) => (value === '<5' ? 0 : value);

export function chartScale(chart: ChartBlock): number {
  return Math.max(1, ...chart.rows.flatMap((r) => r.values.map(numeric)));
}

export function barChartSvg(chart: ChartBlock): string {
  const labelWidth = 190;
  const barArea = 260;
  const barHeight = 14;
  const gap = 4;
  const rowGap = 12;
  const width = labelWidth + barArea + 90;
  const scale = chartScale(chart);
  const legend = chart.series.length > 1 ? 24 : 0;
  const rowHeight = chart.series.length * (barHeight + gap) - gap + rowGap;
  const height = legend + chart.rows.length * rowHeight + 4;
  const titleId = `${chart.id}-title`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${titleId}" font-family="Arial, sans-serif" font-size="12">`,
    `<title id="${titleId}">${escape(chart.title)}. The same figures are in the table beside this chart.</title>`,
  ];
  if (legend) {
    chart.series.forEach((name, i) => {
      const x = labelWidth + i * 110;
      parts.push(`<rect x="${x}" y="4" width="12" height="12" fill="${seriesColours[i % seriesColours.length]}"/>`);
      parts.push(`<text x="${x + 16}" y="14" fill="#0b0c0c">${escape(name)}</text>`);
    });
  }
  chart.rows.forEach((row, r) => {
    const top = legend + r * rowHeight;
    const label = row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label;
    parts.push(`<text x="${labelWidth - 6}" y="${top + barHeight - 3}" text-anchor="end" fill="#0b0c0c">${escape(label)}</text>`);
    row.values.forEach((value, i) => {
      const y = top + i * (barHeight + gap);
      const length = value === '<5' ? 0 : Math.max(value > 0 ? 2 : 0, Math.round((value / scale) * barArea));
      if (length > 0)
        parts.push(`<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" fill="${seriesColours[i % seriesColours.length]}"/>`);
      parts.push(`<text x="${labelWidth + length + 4}" y="${y + barHeight - 3}" fill="#0b0c0c">${escape(countText(value))}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
