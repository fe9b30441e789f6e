// The Storage contract against botbuilder-azure-blobs' BlobsStorage on an Azurite started by this test.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { loadConfig } from '../../bot/config';
import { createStorage } from '../../bot/state/createStorage';
import { startAzurite, type Azurite } from './azurite';
import { storageContract } from './storageContract';

describe('Azure Blob storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite | undefined;
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  // A fresh container per test; every open() is a new BlobsStorage client on it, as a restarted bot would make.
  storageContract('BlobsStorage', async () => {
    const container = `contract-${randomBytes(6).toString('hex')}`;
    return { open: () => new BlobsStorage(azurite!.connectionString, container) };
  });

  it('is what createStorage picks when the Azure settings are present, and it works', async () => {
    const choice = createStorage(loadConfig({ AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString, AZURE_STORAGE_CONTAINER: 'lovp-state' }));
    assert.equal(choice.kind, 'azure-blobs');
    assert.ok(choice.storage instanceof BlobsStorage);
    assert.doesNotMatch(choice.description, /AccountKey|Eby8/);
    await choice.storage.write({ 'lovp/probe': { ok: true } });
    assert.equal((await choice.storage.read(['lovp/probe']))['lovp/probe'].ok, true);
  });
});
