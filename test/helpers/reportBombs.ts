// Report files that are small to send and expensive to read: a DOCX whose XML inflates to many MB, a PDF with
// thousands of pages, a text of short lines. Made from the seed DOCX fixture, so they are otherwise valid.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';

const SEED_DOCX = path.join(__dirname, '..', 'fixtures', 'seed-2019-04-15.docx');

/** The seed DOCX with `xmlBytes` of paragraphs appended inside word/document.xml (compresses ~300:1). */
export function docxBomb(xmlBytes: number): Buffer {
  const zip = new AdmZip(readFileSync(SEED_DOCX));
  const xml = zip.readAsText('word/document.xml');
  const paragraph = '<w:p><w:r><w:t>vuurwerk en de jaarwisseling</w:t></w:r></w:p>';
  const filler = paragraph.repeat(Math.ceil(xmlBytes / paragraph.length));
  zip.updateFile('word/document.xml', Buffer.from(xml.replace('</w:body>', `${filler}</w:body>`)));
  return zip.toBuffer();
}

/** A PDF of `pages` pages that all draw the same one-line content stream, titled like a report. */
export function pdfWithPages(pages: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  const text = 'BT /F1 12 Tf 72 720 Td (Bestuurlijke terugkoppeling LOVP 15 april 2019) Tj 0 -20 Td (Vuurwerk en de jaarwisseling.) Tj ET';
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>');
  // All ASCII, so string lengths are byte offsets.
  const parts = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    parts.push(`${i + 1} 0 obj\n${body}\nendobj\n`);
    length += parts[parts.length - 1].length;
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
