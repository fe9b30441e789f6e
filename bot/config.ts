// Every setting of the bot, its default and its check, in one place: read once at start (index.ts, the CLIs) from
// the environment (.env via dotenv) and passed to the parts. `.env.example` and the README's settings table
// document the same names (test/config.test.ts holds them to SETTINGS). A bad value stops the start with every
// problem named at once, instead of a part failing later.
import { Cron } from 'croner';
import path from 'node:path';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './corpus/readLimits';
import { DEFAULT_MAX_UPLOAD_BYTES } from './ingest/ingestUpload';
import { DEFAULT_PARSE_TIMEOUT_MS } from './ingest/parseInWorker';
import { DEFAULT_REPORT_POLL_SECONDS } from './ingest/watchReports';

/** botbuilder's settings for a cloud other than the public Bot Framework; passed to the adapter as they are. */
export const CLOUD_SETTINGS = ['ChannelService', 'ToChannelFromBotLoginUrl', 'ToChannelFromBotOAuthScope', 'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl', 'ToBotFromEmulatorOpenIdMetadataUrl', 'OAuthUrl', 'CallerId'] as const;

/** Teams renders at most 20 citations per message. */
export const MAX_CITATIONS = 20;

type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** One setting: its environment name and how its value is read (default and check included). */
interface Setting<T> {
  name: string;
  read(raw: string | undefined): T;
}

class SettingError extends Error {}

const text = (name: string, fallback = ''): Setting<string> => ({ name, read: (raw) => raw?.trim() || fallback });

const int = (name: string, fallback: number, min: number, max: number): Setting<number> => ({
  name,
  read(raw) {
    if (!raw?.trim()) return fallback;
    const value = Number(raw.trim());
    if (!Number.isInteger(value) || value < min || value > max) throw new SettingError(`${name} must be a whole number from ${min} to ${max}, got "${raw.trim()}"`);
    return value;
  },
});

const bool = (name: string): Setting<boolean> => ({
  name,
  read(raw) {
    const value = (raw ?? '').trim().toLowerCase();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    throw new SettingError(`${name} must be true or false, got "${raw}"`);
  },
});

/** Comma-separated ids, lower case. */
const ids = (name: string): Setting<ReadonlySet<string>> => ({
  name,
  read: (raw) => new Set((raw ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean)),
});

const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): Setting<T> => ({
  name,
  read(raw) {
    const value = raw?.trim();
    if (!value) return fallback;
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!match) throw new SettingError(`${name} must be one of ${values.join(', ')}, got "${value}"`);
    return match;
  },
});

const cron = (name: string, fallback: string): Setting<string> => ({
  name,
  read(raw) {
    const value = raw?.trim() || fallback;
    try {
      new Cron(value, { paused: true }).stop();
    } catch {
      throw new SettingError(`${name} must be a cron expression of 5 or 6 fields such as "0 9 * * 1-5", got "${value}"`);
    }
    return value;
  },
});

const timeZone = (name: string, fallback: string): Setting<string> => ({
  name,
  read(raw) {
    const value = raw?.trim() || fallback;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
    } catch {
      throw new SettingError(`${name} must be an IANA time zone such as Europe/Amsterdam, got "${value}"`);
    }
    return value;
  },
});

/** An http(s) address without query, fragment or credentials, its trailing slash dropped; empty stays empty. */
const baseUrl = (name: string): Setting<string> => ({
  name,
  read(raw) {
    const value = (raw ?? '').trim().replace(/\/+$/, '');
    if (!value) return '';
    const url = URL.parse(value);
    if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
      throw new SettingError(`${name} must be an http:// or https:// address without query or fragment, got "${raw?.trim()}"`);
    }
    return value;
  },
});

/** The settings, by what the code calls them. Their order is the order of .env.example and the README table. */
export const SETTINGS = {
  microsoftAppId: text('MicrosoftAppId'),
  microsoftAppPassword: { name: 'MicrosoftAppPassword', read: (raw: string | undefined) => raw ?? '' },
  microsoftAppTenantId: text('MicrosoftAppTenantId'),
  microsoftAppType: oneOf<AppType>('MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant'),
  allowedTenantIds: ids('ALLOWED_TENANT_IDS'),
  port: int('PORT', 3978, 0, 65535),
  host: text('HOST'),
  publicUrl: baseUrl('PUBLIC_URL'),
  maxRequestBytes: int('MAX_REQUEST_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
  dataDir: text('DATA_DIR', 'data'),
  maxQuestionChars: int('MAX_QUESTION_CHARS', 1000, 1, 100_000),
  maxAnswers: int('MAX_ANSWERS', 5, 1, MAX_CITATIONS),
  topicMemoryMinutes: int('TOPIC_MEMORY_MINUTES', 30, 0, 7 * 24 * 60),
  stateDir: text('STATE_DIR', 'state'),
  azureStorageConnectionString: text('AZURE_STORAGE_CONNECTION_STRING'),
  azureStorageContainer: text('AZURE_STORAGE_CONTAINER'),
  reportPollSeconds: int('REPORT_POLL_SECONDS', DEFAULT_REPORT_POLL_SECONDS, 1, 86_400),
  indexCacheFile: text('INDEX_CACHE_FILE'),
  cacheDir: text('CACHE_DIR'),
  maxUploadBytes: int('MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES, 1024, 100 * 1024 * 1024),
  adminUserIds: ids('ADMIN_USER_IDS'),
  allowAllUploads: bool('ALLOW_ALL_UPLOADS'),
  maxReportChars: int('MAX_REPORT_CHARS', DEFAULT_READ_LIMITS.maxChars, 1000, 50_000_000),
  maxPdfPages: int('MAX_PDF_PAGES', DEFAULT_READ_LIMITS.maxPdfPages, 1, 100_000),
  maxDocxXmlBytes: int('MAX_DOCX_XML_BYTES', DEFAULT_READ_LIMITS.maxDocxXmlBytes, 10_000, 500 * 1024 * 1024),
  parseTimeoutMs: int('PARSE_TIMEOUT_MS', DEFAULT_PARSE_TIMEOUT_MS, 100, 600_000),
  reminderCron: cron('REMINDER_CRON', '0 9 * * 1-5'),
  reminderTimeZone: timeZone('REMINDER_TZ', 'Europe/Amsterdam'),
  reminderDaysAhead: int('REMINDER_DAYS_AHEAD', 7, 0, 366),
  reminderMaxOverdueDays: int('REMINDER_MAX_OVERDUE_DAYS', 30, 0, 366),
  pendingOldMonths: int('PENDING_OLD_MONTHS', 12, 1, 600),
  playgroundPort: int('TEAMSAPPTESTER_PORT', 56150, 0, 65535),
  playgroundLogFile: text('M365_AGENTS_PLAYGROUND_LOGFILE', 'devTools/m365agentsplayground.log'),
  developerName: text('DEVELOPER_NAME'),
  developerWebsiteUrl: text('DEVELOPER_WEBSITE_URL'),
  developerPrivacyUrl: text('DEVELOPER_PRIVACY_URL'),
  developerTermsUrl: text('DEVELOPER_TERMS_URL'),
} as const;

type Values = { [K in keyof typeof SETTINGS]: ReturnType<(typeof SETTINGS)[K]['read']> };

export interface Config extends Values {
  /** True when no MicrosoftAppId is set: no authentication (Agents Playground, tests). */
  localMode: boolean;
  /** botbuilder's own cloud settings (ChannelService, ToBotFromChannelTokenIssuer, ...) when set: sovereign clouds, tests. */
  cloudSettings: Record<string, string>;
  /** How much of a report file is read (MAX_REPORT_CHARS, MAX_PDF_PAGES, MAX_DOCX_XML_BYTES). */
  readLimits: ReadLimits;
  /** Where the serialised index lives: INDEX_CACHE_FILE, else CACHE_DIR/index-cache.json, else STATE_DIR's. */
  indexCachePath: string;
  /** Where the parsed report files are kept across restarts: CACHE_DIR/reports-cache.json, else STATE_DIR's. */
  reportsCachePath: string;
}

/** Reads every setting; throws one error naming every bad one. Folders are resolved against `projectDir`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectDir = process.cwd()): Config {
  const problems: string[] = [];
  const values = {} as Record<string, unknown>;
  for (const [key, setting] of Object.entries(SETTINGS)) {
    try {
      values[key] = setting.read(env[setting.name]);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      problems.push(err.message);
    }
  }
  const v = values as Values;
  if (!problems.length && !!v.azureStorageConnectionString !== !!v.azureStorageContainer) {
    problems.push('set both AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER to keep state and reports in Azure Blob storage, or neither to use STATE_DIR and DATA_DIR');
  }
  if (!problems.length && v.azureStorageContainer && !/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v.azureStorageContainer)) {
    problems.push(`AZURE_STORAGE_CONTAINER "${v.azureStorageContainer}" is not a valid container name (3-63 lowercase letters, digits and hyphens)`);
  }
  if (problems.length) throw new Error(`invalid settings: ${problems.join('; ')}`);
  const localMode = v.microsoftAppId === '';
  const stateDir = path.resolve(projectDir, v.stateDir);
  const cacheDir = v.cacheDir ? path.resolve(projectDir, v.cacheDir) : stateDir;
  return {
    ...v,
    // Local mode checks no token: it listens on this machine only unless HOST says otherwise.
    host: v.host || (localMode ? '127.0.0.1' : ''),
    dataDir: path.resolve(projectDir, v.dataDir),
    stateDir,
    localMode,
    cloudSettings: Object.fromEntries(CLOUD_SETTINGS.filter((k) => env[k]?.trim()).map((k) => [k, env[k]!.trim()])),
    readLimits: { maxChars: v.maxReportChars, maxPdfPages: v.maxPdfPages, maxDocxXmlBytes: v.maxDocxXmlBytes },
    indexCachePath: v.indexCacheFile ? path.resolve(projectDir, v.indexCacheFile) : path.join(cacheDir, 'index-cache.json'),
    reportsCachePath: path.join(cacheDir, 'reports-cache.json'),
  };
}

/** Who may add reports by sending a file in a personal chat. */
export function anyoneMayUpload(config: Pick<Config, 'localMode' | 'allowAllUploads'>): boolean {
  return config.localMode || config.allowAllUploads;
}

/**
 * The settings left open, one warning each, logged at start: what a careless deployment should hear about
 * before it is exposed.
 */
export function openDefaults(config: Config): string[] {
  const warnings: string[] = [];
  if (config.localMode) {
    warnings.push('MicrosoftAppId is empty: local mode, requests to /api/messages are not authenticated. Set the app registration before the bot is reachable from outside.');
    if (config.host !== '127.0.0.1' && config.host !== 'localhost' && config.host !== '::1') warnings.push(`local mode listens on ${config.host || 'all interfaces'} (HOST), not only on this machine.`);
  } else {
    if (config.allowedTenantIds.size === 0) warnings.push('ALLOWED_TENANT_IDS is empty: users of any Microsoft Entra tenant can use the bot.');
    if (!config.publicUrl) warnings.push('PUBLIC_URL is empty: citations do not link to the report pages (GET /reports/<date>).');
  }
  if (config.adminUserIds.size === 0) {
    if (anyoneMayUpload(config)) warnings.push(`ADMIN_USER_IDS is empty${config.localMode ? ' (local mode)' : ' and ALLOW_ALL_UPLOADS=true'}: anyone in a personal chat can add a report, which is then posted to every subscribed conversation.`);
    else warnings.push('ADMIN_USER_IDS is empty: nobody can add reports by sending a file (set ADMIN_USER_IDS, or ALLOW_ALL_UPLOADS=true).');
  }
  return warnings;
}
