import { formatDateTime } from '../../platform/text/dates.ts';
/** Rows for a publication's summary card on the photo page (built here: templates cannot grow lists). */
const when = { format: formatDateTime };

interface RequestRow {
  requested_by_name: string;
  requested_at: Date;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  caption: string;
  location: string;
  published_at: Date | null;
  taken_down_at: Date | null;
}

export function requestRows(r: RequestRow) {
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  const rows = [row('Asked by', `${r.requested_by_name}, ${when.format(r.requested_at)}`)];
  if (r.decided_at) rows.push(row('Decided by', `${r.decided_by_name ?? ''}, ${when.format(r.decided_at)}${r.decision_note ? `: ${r.decision_note}` : ''}`));
  if (r.caption) rows.push(row('Caption', r.caption));
  if (r.location) rows.push(row('Where', r.location));
  if (r.published_at) rows.push(row('Published', when.format(r.published_at)));
  if (r.taken_down_at) rows.push(row('Taken down', when.format(r.taken_down_at)));
  return rows;
}
