import type { PupilRecord } from './subject-access.service.ts';

/** The readable copy of a subject access export: one self-contained HTML page, no scripts, prints well. */

type Shown = string | number | null | undefined;
const esc = (value: Shown) =>
  String(value ?? '—')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

function table(head: string[], rows: Shown[][]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function subjectAccessHtml(r: PupilRecord): string {
  const p = r.pupil;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Information held about ${esc(p.givenName)} ${esc(p.familyName)}</title>
<style>body{font-family:Arial,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#0b0c0c;line-height:1.4}table{border-collapse:collapse;width:100%;margin-bottom:1em}th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:4px;vertical-align:top}h2{margin-top:1.5em}</style>
</head><body>
<h1>Information ${esc(r.school.name)} holds about ${esc(p.givenName)} ${esc(p.familyName)}</h1>
<p>Made ${esc(day(r.exportedAt))} in answer to a subject access request. Other people’s names are replaced by “[redacted]”.${
    r.concernsWithheld
      ? ` ${r.concernsWithheld} record${r.concernsWithheld === 1 ? ' was' : 's were'} withheld under an exemption; the school can tell you which exemption applies.`
      : ''
  } The same information is in pupil.json for computers.</p>
<h2>The pupil</h2>
${table(
  ['Name', 'Preferred name', 'Date of birth', 'Class', 'Admitted', 'Left'],
  [[`${p.givenName} ${p.familyName}`, p.preferredName, p.dateOfBirth, p.class, p.admitted, p.left]],
)}
<h2>Parents and carers</h2>
${table(
  ['Name', 'Relationship', 'Parental responsibility', 'E-mail', 'Phone'],
  r.carers.map((k) => [k.name, k.relationship, k.parentalResponsibility ? 'Yes' : 'No', k.email, k.phone]),
)}
<h2>Photo consent answers</h2>
${table(
  ['Purpose', 'Answer', 'Given by', 'How', 'Recorded', 'Note'],
  r.consent.map((d) => [d.purpose, d.decision === 'granted' ? 'Yes' : 'No', d.by, d.method, day(d.recordedAt), d.note]),
)}
<h2>Concerns</h2>
${
  r.concerns.length
    ? r.concerns
        .map(
          (c) => `<h3>${esc(c.type)}, ${esc(day(c.occurredAt))}</h3><p><strong>${esc(c.summary)}</strong></p><p>${esc(c.details)}</p>
<p>${esc(c.where)}${c.outOfHours ? ', out of school hours' : ''}${c.platform ? `, on ${esc(c.platform)}` : ''}. Recorded ${esc(day(c.recordedAt))}.</p>
${table(
  ['What was done', 'Note', 'When'],
  c.actions.map((a) => [a.what, a.note, day(a.at)]),
)}`,
        )
        .join('')
    : '<p>None.</p>'
}
<h2>Photographs</h2>
${table(
  ['Occasion', 'Taken on', 'Still kept'],
  r.photographs.map((ph) => [ph.occasion, ph.takenOn, ph.deleted ? 'No, deleted' : ph.archived ? 'Archived' : 'Yes']),
)}
<h2>Where photographs were published</h2>
${table(
  ['Where', 'Place', 'Occasion', 'Published', 'Taken down'],
  r.publications.map((pb) => [pb.where, pb.place, pb.occasion, day(pb.publishedAt), day(pb.takenDownAt)]),
)}
</body></html>
`;
}
