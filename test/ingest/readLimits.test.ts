// The read limits of bot/corpus/readLimits.ts, checked before a file is read further.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractText } from '../../bot/corpus/extractText';
import { DEFAULT_READ_LIMITS, ReadLimitError } from '../../bot/corpus/readLimits';
import { docxBomb, pdfWithPages } from '../helpers/reportBombs';
import { fixturesDir } from './helpers';

const refused = (kind: string) => (err: unknown) => err instanceof ReadLimitError && err.kind === kind;

/** The zip with every size field of its central directory set to 1: a DOCX that lies about its size. */
function lyingSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    out.writeUInt32LE(1, i + 24);
    i += 45;
  }
  return out;
}

describe('read limits', () => {
  it('refuses a DOCX whose XML inflates past the limit, also when its zip claims small sizes', async () => {
    const bomb = docxBomb(5 * 1024 * 1024);
    await assert.rejects(extractText('x.docx', bomb), refused('docx-xml'));
    await assert.rejects(extractText('x.docx', lyingSizes(bomb)), refused('docx-xml'));
    const seed = readFileSync(path.join(fixturesDir, 'seed-2019-04-15.docx'));
    assert.match(await extractText('seed.docx', seed), /Bestuurlijke terugkoppeling/);
  });

  it('refuses a PDF over the page limit, and reads one under it', async () => {
    await assert.rejects(extractText('x.pdf', pdfWithPages(DEFAULT_READ_LIMITS.maxPdfPages + 1)), refused('pages'));
    assert.match(await extractText('x.pdf', pdfWithPages(3)), /LOVP 15 april 2019/);
  });

  it('refuses more text than the character limit, from any file type', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxChars: 5000 };
    await assert.rejects(extractText('x.txt', Buffer.from('a'.repeat(5001)), limits), refused('chars'));
    await assert.rejects(extractText('x.pdf', pdfWithPages(150), limits), refused('chars'));
    await assert.rejects(extractText('x.docx', docxBomb(200_000), limits), refused('chars'));
    assert.equal((await extractText('x.txt', Buffer.from('a'.repeat(5000)), limits)).length, 5000);
  });
});
