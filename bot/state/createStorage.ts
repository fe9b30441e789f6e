// Picks where the bot keeps its state (subscriptions, conversation references, announced reports, item status).
// Default: a folder on local disk (STATE_DIR). With AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER:
// Azure Blob storage, which several bot instances can share.
import path from 'node:path';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { FileStorage } from './fileStorage';

export interface StorageChoice {
  storage: Storage;
  kind: 'file' | 'azure-blobs';
  /** For the startup log; never contains secrets. */
  description: string;
}

export function createStorage(env: NodeJS.ProcessEnv = process.env, projectDir = process.cwd()): StorageChoice {
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim() ?? '';
  const container = env.AZURE_STORAGE_CONTAINER?.trim() ?? '';
  if (connectionString || container) {
    if (!connectionString || !container) {
      throw new Error('Set both AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER to keep state in Azure Blob storage, or neither to use STATE_DIR');
    }
    // Container names: 3-63 lowercase letters, digits and single hyphens (Azure's rule), checked here for a clear message.
    if (!/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/.test(container)) {
      throw new Error(`AZURE_STORAGE_CONTAINER "${container}" is not a valid container name (3-63 lowercase letters, digits and hyphens)`);
    }
    const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1] ?? 'development storage';
    return { storage: new BlobsStorage(connectionString, container), kind: 'azure-blobs', description: `Azure Blob storage (${account}/${container})` };
  }
  const dir = path.resolve(projectDir, env.STATE_DIR?.trim() || 'state');
  return { storage: new FileStorage(dir), kind: 'file', description: `files in ${dir}` };
}
