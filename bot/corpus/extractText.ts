// Reads a report file of any supported kind as plain text: .txt and .md as they are,
// .pdf through pdfjs-dist (lines rebuilt from text positions), .docx through mammoth.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'];

export function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export async function extractText(fileName: string, content: Buffer): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.txt' || ext === '.md') return decodeText(content);
  if (ext === '.pdf') return pdfToText(content);
  if (ext === '.docx') return docxToText(content);
  throw new Error(`unsupported file type "${ext || fileName}" (use ${REPORT_EXTENSIONS.join(', ')})`);
}

export async function extractFileText(file: string): Promise<string> {
  return extractText(file, await readFile(file));
}

function decodeText(content: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(content).replace(/^\uFEFF/, '');
  // Files saved as Windows-1252 decode with replacement characters; latin1 gets them right.
  return utf8.includes('\uFFFD') ? content.toString('latin1') : utf8;
}

async function pdfToText(content: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(content), useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
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
  }
  await doc.destroy();
  return pages.join('\n\f\n');
}

async function docxToText(content: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: content });
  return value;
}
