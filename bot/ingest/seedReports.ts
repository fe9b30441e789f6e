// Fills an empty report store (a new blob container) from a folder (DATA_DIR), once: a store that holds any
// report is left alone, so reports removed from the container later do not come back. Two instances seeding
// at the same time do no harm: a store that writes only free names (BlobReportStore) refuses the second copy.
import { FolderReportStore, NameTaken, type ReportStore } from './reportStore';

export interface SeedResult {
  copied: string[];
  /** Files not copied, each with why. */
  skipped: string[];
}

export async function seedReports(store: ReportStore, dir: string): Promise<SeedResult> {
  const result: SeedResult = { copied: [], skipped: [] };
  if ((await store.list()).length > 0) return result;
  const folder = new FolderReportStore(dir);
  const files = await folder.list().catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  // Oldest first, each written after the one before: per meeting date the same file stays the newest.
  let after = 0;
  for (const file of files.sort((a, b) => a.writtenAt - b.writtenAt)) {
    const content = await folder.read(file.name);
    if (store.maxBytes !== undefined && content.length > store.maxBytes) {
      result.skipped.push(`${file.name} is larger than ${store.maxBytes} bytes (MAX_UPLOAD_BYTES)`);
      continue;
    }
    try {
      after = (await store.write(file.name, content, after)).writtenAt;
      result.copied.push(file.name);
    } catch (err) {
      // Another instance copied it first: it is there, which is all seeding asks.
      if (!(err instanceof NameTaken)) throw err;
    }
  }
  return result;
}
