// Reads a report file of any supported kind as plain text: .txt and .md as they are,
// .pdf through pdfjs-dist (lines rebuilt from text positions), .docx through mammoth.
// What is read is capped (readLimits.ts): a file over a cap throws ReadLimitError before it is read further.
import path from 'node:path';
import { checkDocxXmlSize } from './docxXmlSize';
import { DEFAULT_READ_LIMITS, ReadLimitError, type ReadLimits } from './readLimits';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'];

export function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export async function extractText(fileName: string, content: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  let text: string;
  if (ext === '.txt' || ext === '.md') text = decodeText(content);
  else if (ext === '.pdf') text = await pdfToText(content, limits);
  else if (ext === '.docx') text = await docxToText(content, limits);
  else throw new Error(`unsupported file type "${ext || fileName}" (use ${REPORT_EXTENSIONS.join(', ')})`);
  return withinChars(text, limits);
}

function withinChars(text: string, limits: ReadLimits): string {
  if (text.length > limits.maxChars) throw new ReadLimitError('chars', limits.maxChars);
  return text;
}

function decodeText(content: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(content).replace(/^\uFEFF/, '');
  // Files saved as Windows-1252 decode with replacement characters; latin1 gets them right.
  return utf8.includes('\uFFFD') ? content.toString('latin1') : utf8;
}

async function pdfToText(content: Buffer, limits: ReadLimits): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(content), useSystemFonts: true, isEvalSupported: false }).promise;
  try {
    if (doc.numPages > limits.maxPdfPages) throw new ReadLimitError('pages', limits.maxPdfPages);
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { items } = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
      chars += pages[pages.length - 1].length;
      if (chars > limits.maxChars) throw new ReadLimitError('chars', limits.maxChars);
    }
    return pages.join('\n\f\n');
  } finally {
    await doc.destroy();
  }
}

async function docxToText(content: Buffer, limits: ReadLimits): Promise<string> {
  checkDocxXmlSize(content, limits.maxDocxXmlBytes);
  const mammoth = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: content });
  return value;
}
