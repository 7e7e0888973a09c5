import { countText, type Count } from './reports.rules.ts';

/**
 * What a section of the governors' report shows, whatever it is about: the page, the PDF and the
 * print all draw these blocks, so a new section (agreements, training, filtering…) only says what
 * its blocks are.
 */
export interface ChartBlock {
  kind: 'chart';
  id: string;
  title: string;
  /** The names of the bars in each row (one series is a plain bar chart). */
  series: string[];
  rows: { label: string; values: Count[] }[];
}

export interface TableBlock {
  kind: 'table';
  title: string;
  head: string[];
  rows: string[][];
}

export interface FactsBlock {
  kind: 'facts';
  items: { label: string; value: string }[];
}

export type Block = ChartBlock | TableBlock | FactsBlock;

export interface SectionView {
  id: string;
  title: string;
  /** One sentence: what changed since last year. */
  change: string;
  blocks: Block[];
}

/** The figures of a chart as a table: beside the chart on the page, after it in the PDF. */
export function chartTable(chart: ChartBlock): TableBlock {
  return {
    kind: 'table',
    title: `${chart.title}: the figures`,
    head: ['Group', ...chart.series],
    rows: chart.rows.map((r) => [r.label, ...r.values.map(countText)]),
  };
}
