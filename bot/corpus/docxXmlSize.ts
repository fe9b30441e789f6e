// How large a DOCX's XML is once unpacked, found by inflating it (a zip's own size fields can lie) and stopping
// as soon as the limit is passed, so a small file that inflates to 50 MB never reaches the Word reader.
import { inflateRawSync } from 'node:zlib';
import { ReadLimitError } from './readLimits';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Throws ReadLimitError('docx-xml') when the XML parts (*.xml, *.rels) unpack to more than maxBytes. */
export function checkDocxXmlSize(content: Buffer, maxBytes: number): void {
  const end = findEndOfCentralDirectory(content);
  // Not a zip this reader understands: the Word reader will say what is wrong with it.
  if (end < 0) return;
  let offset = content.readUInt32LE(end + 16);
  const entries = content.readUInt16LE(end + 10);
  let total = 0;
  for (let i = 0; i < entries && offset + 46 <= content.length; i++) {
    if (content.readUInt32LE(offset) !== CENTRAL_ENTRY) return;
    const method = content.readUInt16LE(offset + 10);
    const compressedSize = content.readUInt32LE(offset + 20);
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    const localOffset = content.readUInt32LE(offset + 42);
    const name = content.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (!/\.(xml|rels)$/i.test(name) || localOffset + 30 > content.length || content.readUInt32LE(localOffset) !== LOCAL_HEADER) continue;
    const dataStart = localOffset + 30 + content.readUInt16LE(localOffset + 26) + content.readUInt16LE(localOffset + 28);
    const data = content.subarray(dataStart, dataStart + compressedSize);
    const left = maxBytes - total;
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, left + 1) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ReadLimitError('docx-xml', maxBytes);
        return; // damaged data: left to the Word reader
      }
    }
    if (total > maxBytes) throw new ReadLimitError('docx-xml', maxBytes);
  }
}

function findEndOfCentralDirectory(content: Buffer): number {
  // The record is 22 bytes plus a comment of at most 64 KB, at the end of the file.
  for (let i = content.length - 22; i >= Math.max(0, content.length - 22 - 0xffff); i--) {
    if (content.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
