// Picks where the bot keeps its state (subscriptions, conversation references, announced reports, item status).
// Default: a folder on local disk (STATE_DIR). With AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER:
// Azure Blob storage, which several bot instances can share.
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../config';
import { FileStorage } from './fileStorage';

export interface StorageChoice {
  storage: Storage;
  kind: 'file' | 'azure-blobs';
  /** For the startup log; never contains secrets. */
  description: string;
}

/** The store the configuration names (bot/config.ts: it checked the Azure settings). */
export function createStorage(config: Pick<Config, 'azureStorageConnectionString' | 'azureStorageContainer' | 'stateDir'>): StorageChoice {
  const { azureStorageConnectionString: connectionString, azureStorageContainer: container, stateDir } = config;
  if (connectionString && container) {
    const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1] ?? 'development storage';
    return { storage: new BlobsStorage(connectionString, container), kind: 'azure-blobs', description: `Azure Blob storage (${account}/${container})` };
  }
  return { storage: new FileStorage(stateDir), kind: 'file', description: `files in ${stateDir}` };
}
