import { extname } from 'node:path';
import { ValidationError } from '../../platform/http/errors.ts';

export const policyFileTypes: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

export const maxPolicyFileBytes = 20 * 1024 * 1024;

const refuse = (message: string) => new ValidationError([{ field: 'file', message }]);

/**
 * The text of a policy file: plain text and Markdown as they are, Word (.docx) through mammoth and
 * PDF through unpdf. The original file is kept alongside, so nothing is lost in the reading.
 */
export async function policyFileText(fileName: string, bytes: Uint8Array): Promise<{ text: string; mime: string }> {
  const extension = extname(fileName).toLowerCase();
  const mime = policyFileTypes[extension];
  if (extension === '.doc') throw refuse(`${fileName} is an old Word document (.doc). Open it in Word and save it as .docx or PDF, then upload that.`);
  if (!mime) throw refuse(`${fileName} is not a file eSafety Office can read. Upload the policy as Word (.docx), PDF, text (.txt) or Markdown (.md).`);
  if (bytes.length === 0) throw refuse(`${fileName} is empty`);
  if (bytes.length > maxPolicyFileBytes) throw refuse(`${fileName} is larger than ${maxPolicyFileBytes / 1024 / 1024} MB`);
  let text: string;
  try {
    if (extension === '.docx') {
      const mammoth = (await import('mammoth')).default;
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } else if (extension === '.pdf') {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      text = (await extractText(pdf, { mergePages: true })).text;
    } else {
      text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    }
  } catch {
    throw refuse(`${fileName} could not be read. Check that it opens on your computer, or save it again as PDF or .docx.`);
  }
  if (!text.trim())
    throw refuse(`${fileName} has no text in it that eSafety Office can read (a scanned PDF is a picture of the text). Upload a Word or text version.`);
  return { text, mime };
}
