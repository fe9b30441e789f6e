// The eTag conflict of every store the bot uses: MemoryStorage, FileStorage and BlobsStorage all say
// 'Storage: error writing "<key>" due to eTag conflict.'; a raw Azure error is a 412 / PreconditionFailed.
// A conflict means another writer was first: read again and retry; it is not a fault of the store.
export function isETagConflict(err: unknown): boolean {
  const e = err as { statusCode?: number; code?: string; message?: string } | undefined;
  return e?.statusCode === 412 || e?.code === 'PreconditionFailed' || /etag conflict|precondition/i.test(String(e?.message ?? err));
}
