// bot/config.ts: every setting's default and check, one error naming every bad setting, and the two documents
// that list the settings (.env.example, the README's table) held to the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_SETTINGS, loadConfig, openDefaults, SETTINGS } from '../bot/config';
import { reminderOptionsFrom } from '../bot/pending/reminders';
import { createStorage } from '../bot/state/createStorage';
import { FileStorage } from '../bot/state/fileStorage';

const root = path.resolve(__dirname, '..');

describe('loadConfig', () => {
  it('defaults to local mode on 127.0.0.1:3978 with folders resolved against the project', () => {
    const config = loadConfig({}, '/srv/bot');
    assert.equal(config.localMode, true);
    assert.equal(config.port, 3978);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.resolve('/srv/bot/data'));
    assert.equal(config.stateDir, path.resolve('/srv/bot/state'));
    assert.equal(config.indexCachePath, path.resolve('/srv/bot/state/index-cache.json'));
    assert.equal(config.reportsCachePath, path.resolve('/srv/bot/state/reports-cache.json'));
    assert.deepEqual([config.maxQuestionChars, config.maxAnswers, config.maxUploadBytes, config.pendingOldMonths], [1000, 5, 5 * 1024 * 1024, 12]);
    assert.deepEqual([config.reminderCron, config.reminderTimeZone], ['0 9 * * 1-5', 'Europe/Amsterdam']);
  });

  it('reads each kind of value: numbers, choices, lists, true/false, cron, time zone, caches', () => {
    const config = loadConfig({
      MicrosoftAppId: 'abc', MicrosoftAppType: 'singletenant', ALLOWED_TENANT_IDS: ' T1, t2 ,', ALLOW_ALL_UPLOADS: 'TRUE',
      MAX_ANSWERS: '20', REMINDER_CRON: '30 8 * * 1', REMINDER_TZ: 'UTC', REMINDER_DAYS_AHEAD: '3', CACHE_DIR: 'cache',
    }, '/srv/bot');
    assert.equal(config.localMode, false);
    assert.equal(config.host, '', 'all interfaces once requests are authenticated');
    assert.equal(config.microsoftAppType, 'SingleTenant');
    assert.deepEqual([...config.allowedTenantIds], ['t1', 't2']);
    assert.equal(config.allowAllUploads, true);
    assert.equal(config.maxAnswers, 20);
    assert.equal(config.indexCachePath, path.resolve('/srv/bot/cache/index-cache.json'));
    const reminders = reminderOptionsFrom(config);
    assert.deepEqual([reminders.cron, reminders.timeZone, reminders.daysAhead], ['30 8 * * 1', 'UTC', 3]);
    assert.equal(loadConfig({ INDEX_CACHE_FILE: 'x/i.json' }, '/srv/bot').indexCachePath, path.resolve('/srv/bot/x/i.json'));
  });

  it('names every bad setting in one error, with what it expects', () => {
    const bad = {
      PORT: 'eighty', MAX_ANSWERS: '21', MAX_QUESTION_CHARS: '0', MicrosoftAppType: 'Personal', ALLOW_ALL_UPLOADS: 'ja',
      REMINDER_CRON: 'every day', REMINDER_TZ: 'Mars/Olympus', MAX_UPLOAD_BYTES: 'veel', PENDING_OLD_MONTHS: 'een jaar',
    };
    let message = '';
    assert.throws(() => loadConfig(bad), (err: Error) => ((message = err.message), true));
    for (const name of Object.keys(bad)) assert.match(message, new RegExp(`${name} must`), name);
    assert.match(message, /MAX_ANSWERS must be a whole number from 1 to 20/);
    assert.match(message, /PENDING_OLD_MONTHS must be a whole number from 1 to 600, got "een jaar"/);
  });

  it('refuses half an Azure configuration and a bad container name', () => {
    assert.throws(() => loadConfig({ AZURE_STORAGE_CONTAINER: 'lovp' }), /set both AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER/);
    assert.throws(() => loadConfig({ AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'Bad_Name' }), /not a valid container name/);
  });

  it('passes botbuilder cloud settings on only when set', () => {
    assert.deepEqual(loadConfig({}).cloudSettings, {});
    assert.deepEqual(loadConfig({ ChannelService: ' https://botframework.azure.us ' }).cloudSettings, { ChannelService: 'https://botframework.azure.us' });
  });

  it('warns about what is left open: no authentication, all tenants, uploads, citations without links', () => {
    assert.match(openDefaults(loadConfig({})).join('\n'), /local mode[\s\S]*anyone in a personal chat can add a report/);
    assert.doesNotMatch(openDefaults(loadConfig({})).join('\n'), /PUBLIC_URL/, 'local mode links to its own address');
    const open = openDefaults(loadConfig({ MicrosoftAppId: 'abc' })).join('\n');
    assert.match(open, /ALLOWED_TENANT_IDS is empty/);
    assert.match(open, /nobody can add reports/);
    assert.match(open, /PUBLIC_URL is empty: citations do not link to the report pages/);
    assert.deepEqual(openDefaults(loadConfig({ MicrosoftAppId: 'abc', ALLOWED_TENANT_IDS: 't', ADMIN_USER_IDS: 'u', PUBLIC_URL: 'https://lovp.example.nl' })), []);
  });
});

describe('createStorage', () => {
  it('keeps state in files in STATE_DIR unless both Azure settings are given', () => {
    const choice = createStorage(loadConfig({ STATE_DIR: 'var/lovp' }, '/srv/bot'));
    assert.equal(choice.kind, 'file');
    assert.equal((choice.storage as FileStorage).dir, path.resolve('/srv/bot/var/lovp'));
  });
});

describe('the documented settings', () => {
  const own = Object.values(SETTINGS).map((s) => s.name);

  it('.env.example sets exactly the settings of bot/config.ts, in its order, and names the cloud settings', () => {
    const text = readFileSync(path.join(root, '.env.example'), 'utf8');
    const assigned = [...text.matchAll(/^(?:# ?)?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
    assert.deepEqual(assigned, own);
    for (const name of CLOUD_SETTINGS) assert.match(text, new RegExp(`\\b${name}\\b`), name);
  });

  it("the README's settings table has one row for each setting, in the same order", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Settings\n'), readme.indexOf('\n## ', readme.indexOf('\n## Settings\n') + 5));
    const names = section.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split(' | ')[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    assert.deepEqual(names, [...own, ...CLOUD_SETTINGS]);
  });
});
