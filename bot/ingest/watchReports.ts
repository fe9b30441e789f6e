// Keeps a ReportLibrary in line with its store. A folder: fs.watch events trigger a scan after a quiet moment
// (copies arrive in pieces), and a periodic rescan catches what fs.watch misses (network shares, some
// containers, a watcher that died with its folder). A blob container has no events: the periodic listing is
// how one instance sees what another wrote (only changed eTags are read again).
import { watch, type FSWatcher } from 'node:fs';
import type { IngestOutcome, ReportLibrary } from './reportLibrary';
import { FolderReportStore } from './reportStore';

export interface WatchOptions {
  /** Quiet time after the last file event before scanning (default 500 ms). */
  debounceMs?: number;
  /** Full rescan interval (default 30 s, REPORT_POLL_SECONDS; 0 turns it off). */
  rescanMs?: number;
  /** Told about every scan that found something (also rejected files). */
  onOutcomes?: (outcomes: IngestOutcome[]) => void;
  onError?: (err: Error) => void;
}

export interface ReportWatcher {
  /** Resolves after the pending scan (if any) finished. */
  close(): Promise<void>;
  /** Scan now (also used by the periodic rescan). */
  scanNow(): Promise<void>;
}

/** REPORT_POLL_SECONDS by default (bot/config.ts). */
export const DEFAULT_REPORT_POLL_SECONDS = 30;
const DEFAULT_RESCAN_MS = DEFAULT_REPORT_POLL_SECONDS * 1000;

export function watchReports(library: ReportLibrary, options: WatchOptions = {}): ReportWatcher {
  const debounceMs = options.debounceMs ?? 500;
  const rescanMs = options.rescanMs ?? DEFAULT_RESCAN_MS;
  const onError = options.onError ?? ((err) => console.error(`[lovp-bot] watching ${library.dataDir}: ${err.message}`));
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const scanNow = (): Promise<void> => {
    running = running.then(async () => {
      if (closed) return;
      try {
        const outcomes = await library.scan();
        if (outcomes.length > 0) options.onOutcomes?.(outcomes);
      } catch (err) {
        onError(err as Error);
      }
    });
    return running;
  };

  let watcher: FSWatcher | undefined;
  const watchable = library.store instanceof FolderReportStore;
  const startWatcher = () => {
    if (!watchable) return;
    try {
      watcher = watch(library.dataDir, { persistent: false }, (_event, name) => {
        // Our own temp files (".ingest-...") and editors' dot files are not reports.
        if (name && String(name).startsWith('.')) return;
        clearTimeout(timer);
        timer = setTimeout(() => void scanNow(), debounceMs);
      });
      watcher.on('error', (err) => {
        onError(err);
        watcher?.close();
        watcher = undefined; // the periodic rescan carries on, and tries to watch again
      });
    } catch (err) {
      onError(err as Error);
    }
  };
  startWatcher();

  const interval = rescanMs > 0 ? setInterval(() => {
    if (!watcher) startWatcher();
    void scanNow();
  }, rescanMs) : undefined;
  interval?.unref();

  return {
    scanNow,
    async close() {
      closed = true;
      clearTimeout(timer);
      if (interval) clearInterval(interval);
      watcher?.close();
      await running;
    },
  };
}
