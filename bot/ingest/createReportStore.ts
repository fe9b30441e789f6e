// Picks where the report files live, like bot/state/createStorage.ts picks the state: the folder DATA_DIR by
// default; with AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER the container's "reports/", which
// every bot instance (and `npm run ingest` anywhere) shares. The first time the container is used it holds no
// reports: it is filled from DATA_DIR then (seedReports.ts), so a bot moved to Azure keeps the reports it had.
import { BlobReportStore } from './blobReportStore';
import { FolderReportStore, type ReportStore } from './reportStore';
import { seedReports } from './seedReports';

/** The settings of bot/config.ts this needs (the configuration imports this folder's defaults, not the reverse). */
export interface StoreSettings {
  azureStorageConnectionString: string;
  azureStorageContainer: string;
  dataDir: string;
  maxUploadBytes: number;
}

export interface ReportStoreChoice {
  store: ReportStore;
  kind: 'folder' | 'azure-blobs';
}

/** The store the configuration names (bot/config.ts checked the Azure settings). */
export function createReportStore(config: StoreSettings): ReportStoreChoice {
  const { azureStorageConnectionString: connectionString, azureStorageContainer: container } = config;
  if (connectionString && container) {
    // Every report an instance writes it can read back: uploads are held to the same limit.
    return { store: BlobReportStore.fromConnectionString(connectionString, container, { maxBytes: config.maxUploadBytes }), kind: 'azure-blobs' };
  }
  return { store: new FolderReportStore(config.dataDir), kind: 'folder' };
}

/** The configured store, a container seeded from DATA_DIR when it has no reports yet; the logger hears what was copied. */
export async function openReportStore(config: StoreSettings, logger: Pick<Console, 'log' | 'warn'>): Promise<ReportStoreChoice> {
  const choice = createReportStore(config);
  if (choice.kind === 'azure-blobs') {
    const { copied, skipped } = await seedReports(choice.store, config.dataDir);
    if (copied.length) logger.log(`[lovp-bot] ${choice.store.description} had no reports: copied ${copied.length} from ${config.dataDir}`);
    for (const line of skipped) logger.warn(`[lovp-bot] not copied to ${choice.store.description}: ${line}`);
  }
  return choice;
}
