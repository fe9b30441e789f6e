// Report files in an Azure Blob storage container, under a prefix ("reports/") so the same container can hold the
// bot's state (BlobsStorage names its blobs URL-encoded, without "/"). Several bot instances share it: each lists
// the prefix now and then (watchReports.ts) and reads only the blobs whose eTag changed.
import { ContainerClient, RestError } from '@azure/storage-blob';
import { isReportFile } from '../corpus/extractText';
import { IngestError } from './ingestError';
import { NameTaken, type ReportStore, type StoredReport } from './reportStore';

export const REPORTS_PREFIX = 'reports/';

/** Blobs per listing request (see list()). */
const LIST_PAGE = 100;

/** Metadata with the write time in ms: a blob's Last-Modified has whole seconds only. */
const WRITTEN_AT = 'writtenat';

export interface BlobReportStoreOptions {
  /** Blobs larger than this are refused before their content is read (MAX_UPLOAD_BYTES). */
  maxBytes: number;
  prefix?: string;
}

export class BlobReportStore implements ReportStore {
  readonly maxBytes: number;
  readonly description: string;
  private readonly prefix: string;
  private created?: Promise<unknown>;

  constructor(private readonly container: ContainerClient, options: BlobReportStoreOptions) {
    this.maxBytes = options.maxBytes;
    this.prefix = options.prefix ?? REPORTS_PREFIX;
    this.description = `Azure Blob storage (${container.accountName}/${container.containerName}/${this.prefix})`;
  }

  static fromConnectionString(connectionString: string, container: string, options: BlobReportStoreOptions): BlobReportStore {
    return new BlobReportStore(new ContainerClient(connectionString, container), options);
  }

  async list(): Promise<StoredReport[]> {
    await this.ensureContainer();
    const out: StoredReport[] = [];
    // Small pages: the client parses a page in one go. At 1,000 reports one page of 5,000 held the event loop up to
    // 390 ms, pages of 100 at most 44 ms (the same ~0.2 s of processor per listing either way).
    for await (const page of this.container.listBlobsFlat({ prefix: this.prefix, includeMetadata: true }).byPage({ maxPageSize: LIST_PAGE })) {
      for (const blob of page.segment.blobItems) {
        const name = blob.name.slice(this.prefix.length);
        // Only report files directly under the prefix: nothing in "sub-folders", no dot-files.
        if (name.includes('/') || name.startsWith('.') || !isReportFile(name)) continue;
        out.push({ name, version: eTag(blob.properties.etag), writtenAt: writtenAt(blob.properties.lastModified, blob.metadata) });
      }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The size is checked before the content is read: a blob someone put there may be of any size. */
  async read(name: string): Promise<Buffer> {
    await this.ensureContainer();
    const response = await this.blob(name).download();
    const body = response.readableStreamBody;
    const size = response.contentLength ?? 0;
    if (size > this.maxBytes) {
      body?.destroy();
      throw new IngestError('too-large', name, '', this.maxBytes, size);
    }
    const chunks: Buffer[] = [];
    let read = 0;
    for await (const chunk of body ?? []) {
      read += (chunk as Buffer).length;
      // Never more than was announced, whatever the server sends.
      if (read > this.maxBytes) {
        body?.destroy();
        throw new IngestError('too-large', name, '', this.maxBytes, read);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  /** One Put Blob (whole or nothing), only when the name is still free: two instances never overwrite each other. */
  async write(name: string, content: Buffer, after = 0): Promise<StoredReport> {
    await this.ensureContainer();
    const at = Math.max(Date.now(), after + 1);
    try {
      const response = await this.blob(name).upload(content, content.length, {
        metadata: { [WRITTEN_AT]: String(at) },
        conditions: { ifNoneMatch: '*' },
      });
      return { name, version: eTag(response.etag), writtenAt: writtenAt(response.lastModified, { [WRITTEN_AT]: String(at) }) };
    } catch (err) {
      if (err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412)) throw new NameTaken(name);
      throw err;
    }
  }

  async exists(name: string): Promise<boolean> {
    await this.ensureContainer();
    return this.blob(name).exists();
  }

  private blob(name: string) {
    return this.container.getBlockBlobClient(this.prefix + name);
  }

  /** Created on first use; a failure is tried again next time. */
  private ensureContainer(): Promise<unknown> {
    this.created ??= this.container.createIfNotExists().catch((err) => {
      this.created = undefined;
      throw err;
    });
    return this.created;
  }
}

/** A listing gives the eTag bare, a response header in quotes: the same version either way. */
function eTag(value: string | undefined): string {
  return (value ?? '').replace(/^"(.*)"$/, '$1');
}

/**
 * The later of Last-Modified (whole seconds, the server's clock) and the write time the bot recorded (ms): a
 * report that replaces another within the same second still comes out newer, and a blob put there by other
 * tools (no metadata) counts from its Last-Modified.
 */
function writtenAt(lastModified: Date | undefined, metadata: Record<string, string> | undefined): number {
  const recorded = Number(metadata?.[WRITTEN_AT]);
  return Math.max(lastModified?.getTime() ?? 0, Number.isFinite(recorded) ? recorded : 0);
}
