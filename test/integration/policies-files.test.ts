import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { policyFileText } from '../../src/modules/policies/policies.files.ts';
import { parsePolicyText } from '../../src/modules/policies/policies.import.rules.ts';

/** A real Word document, as small as Word allows: one paragraph per line. */
function docx(lines: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escape(l)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** A one-page PDF with a line of text per row, built by hand with a correct cross-reference table. */
function pdf(lines: string[]): Uint8Array {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

const policyLines = [
  'Behaviour Policy',
  '',
  'Approved by: Full Governing Body Date 14.10.25',
  '',
  'Next review due: Autumn 2026',
  '',
  'Pupils are kind online.',
];

describe('reading a policy from the file the school has', () => {
  it('reads a Word document (.docx) and finds its paperwork', async () => {
    const { text, mime } = await policyFileText('behaviour.docx', docx(policyLines));
    expect(mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(parsePolicyText(text)).toMatchObject({
      title: 'Behaviour Policy',
      approvedOn: '2025-10-14',
      approvingBody: 'Full Governing Body',
      nextReviewDue: 'Autumn 2026',
    });
  });

  it('reads a PDF with text in it', async () => {
    const { text, mime } = await policyFileText('behaviour.pdf', pdf(policyLines.filter(Boolean)));
    expect(mime).toBe('application/pdf');
    expect(text).toContain('Pupils are kind online.');
    expect(parsePolicyText(text)).toMatchObject({ title: 'Behaviour Policy', approvedOn: '2025-10-14', nextReviewDue: 'Autumn 2026' });
  });

  it('reads Markdown and text as they are', async () => {
    expect(await policyFileText('p.md', strToU8('# Anti-Bullying Policy\n'))).toEqual({ text: '# Anti-Bullying Policy\n', mime: 'text/markdown' });
    expect((await policyFileText('p.txt', strToU8('\uFEFFComplaints Policy'))).text).toBe('Complaints Policy');
  });

  it.each([
    ['policy.doc', strToU8('x'), /old Word document/],
    ['policy.xlsx', strToU8('x'), /Word \(\.docx\), PDF, text \(\.txt\) or Markdown/],
    ['policy.txt', new Uint8Array(), /is empty/],
    ['policy.docx', strToU8('not really a zip'), /could not be read/],
    ['policy.pdf', strToU8('not a pdf'), /could not be read/],
    ['blank.pdf', pdf([]), /no text in it/],
  ])('refuses %s with a message a person can act on', async (name, bytes, message) => {
    await expect(policyFileText(name, bytes)).rejects.toThrow(message);
  });
});
