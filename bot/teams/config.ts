// Bot settings read from the environment (.env via dotenv in index.ts). Every setting is documented in
// .env.example. No MicrosoftAppId means local mode: requests are accepted without a token, which is what the
// Agents Playground and the tests do.
import path from 'node:path';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../corpus/readLimits';
import { maxUploadBytes } from '../ingest/ingestUpload';
import { DEFAULT_PARSE_TIMEOUT_MS } from '../ingest/parseInWorker';

export interface BotConfig {
  port: number;
  /** Interface to listen on (HOST); empty: all. Local mode defaults to 127.0.0.1: no token is checked there. */
  host: string;
  dataDir: string;
  /** Longer questions are refused with a clear message instead of being searched. */
  maxQuestionChars: number;
  /** Request bodies above this size get 413 from restify before they reach the bot. */
  maxRequestBytes: number;
  /** At most this many answers (and so citations, never more than 20) per reply. */
  maxAnswers: number;
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Tenants whose activities are handled (lower case); empty: every tenant. */
  allowedTenantIds: ReadonlySet<string>;
  /** botbuilder's own cloud settings (ChannelService, ToBotFromChannelTokenIssuer, ...) when set: sovereign clouds, tests. */
  cloudSettings: Record<string, string>;
  /** True when no MicrosoftAppId is set: no authentication (Agents Playground, tests). */
  localMode: boolean;
  /** Who may send report files (AAD object ids or from.id values, lower case). */
  adminUserIds: ReadonlySet<string>;
  /** With ADMIN_USER_IDS empty and authentication on, anyone may still send reports only with ALLOW_ALL_UPLOADS=true. */
  allowAllUploads: boolean;
  /** Report files sent to the bot larger than this are refused (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
  /** How long a thread's last question stays the topic of its follow-ups, in minutes; 0: no follow-ups. */
  topicMemoryMinutes: number;
  /** Pending items without a due date from meetings longer ago than this fold away under "Oudere punten" (PENDING_OLD_MONTHS). */
  pendingOldMonths: number;
  /** How much of a report file is read (MAX_REPORT_CHARS, MAX_PDF_PAGES, MAX_DOCX_XML_BYTES). */
  readLimits: ReadLimits;
  /** A report file that takes longer to parse is refused and its worker stopped (PARSE_TIMEOUT_MS). */
  parseTimeoutMs: number;
  /** Base URL of the report pages citations link to (PUBLIC_URL, no trailing slash); empty: the bot's own address
   *  in local mode, no links otherwise. */
  publicUrl: string;
}

/** botbuilder's settings for a cloud other than the public Bot Framework; passed to the adapter as they are. */
export const CLOUD_SETTINGS = ['ChannelService', 'ToChannelFromBotLoginUrl', 'ToChannelFromBotOAuthScope', 'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl', 'ToBotFromEmulatorOpenIdMetadataUrl', 'OAuthUrl', 'CallerId'] as const;

/** Teams renders at most 20 citations per message. */
export const MAX_CITATIONS = 20;

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** Who may add reports by sending a file in a personal chat. */
export function anyoneMayUpload(config: Pick<BotConfig, 'localMode' | 'allowAllUploads'>): boolean {
  return config.localMode || config.allowAllUploads;
}

/**
 * The settings left open, one warning each, logged at start: what a careless deployment should hear about
 * before it is exposed.
 */
export function openDefaults(config: BotConfig): string[] {
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

/** PUBLIC_URL: an http(s) address without query or fragment, its trailing slash dropped. */
function publicUrlSetting(raw: string | undefined): string {
  const value = (raw ?? '').trim().replace(/\/+$/, '');
  if (!value) return '';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(`PUBLIC_URL must be an http:// or https:// address without query or fragment, got "${raw}"`);
  }
  return value;
}

function appType(raw: string | undefined): BotConfig['microsoftAppType'] {
  const value = (raw ?? '').trim();
  if (!value) return 'MultiTenant';
  const known = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
  const match = known.find((k) => k.toLowerCase() === value.toLowerCase());
  if (!match) throw new Error(`MicrosoftAppType must be one of ${known.join(', ')}, got "${value}"`);
  return match;
}

export function loadBotConfig(env: NodeJS.ProcessEnv = process.env, projectDir = process.cwd()): BotConfig {
  const microsoftAppId = (env.MicrosoftAppId ?? '').trim();
  return {
    port: intSetting(env, 'PORT', 3978, 0, 65535),
    host: env.HOST?.trim() || (microsoftAppId === '' ? '127.0.0.1' : ''),
    dataDir: path.resolve(projectDir, env.DATA_DIR?.trim() || 'data'),
    maxQuestionChars: intSetting(env, 'MAX_QUESTION_CHARS', 1000, 1, 100_000),
    maxRequestBytes: intSetting(env, 'MAX_REQUEST_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    maxAnswers: intSetting(env, 'MAX_ANSWERS', 5, 1, MAX_CITATIONS),
    microsoftAppId,
    microsoftAppPassword: env.MicrosoftAppPassword ?? '',
    microsoftAppTenantId: (env.MicrosoftAppTenantId ?? '').trim(),
    microsoftAppType: appType(env.MicrosoftAppType),
    allowedTenantIds: new Set((env.ALLOWED_TENANT_IDS ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)),
    cloudSettings: Object.fromEntries(CLOUD_SETTINGS.filter((k) => env[k]?.trim()).map((k) => [k, env[k]!.trim()])),
    localMode: microsoftAppId === '',
    adminUserIds: new Set((env.ADMIN_USER_IDS ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean)),
    allowAllUploads: boolSetting(env, 'ALLOW_ALL_UPLOADS'),
    maxUploadBytes: maxUploadBytes(env),
    topicMemoryMinutes: intSetting(env, 'TOPIC_MEMORY_MINUTES', 30, 0, 7 * 24 * 60),
    pendingOldMonths: intSetting(env, 'PENDING_OLD_MONTHS', 12, 1, 600),
    readLimits: {
      maxChars: intSetting(env, 'MAX_REPORT_CHARS', DEFAULT_READ_LIMITS.maxChars, 1000, 50_000_000),
      maxPdfPages: intSetting(env, 'MAX_PDF_PAGES', DEFAULT_READ_LIMITS.maxPdfPages, 1, 100_000),
      maxDocxXmlBytes: intSetting(env, 'MAX_DOCX_XML_BYTES', DEFAULT_READ_LIMITS.maxDocxXmlBytes, 10_000, 500 * 1024 * 1024),
    },
    parseTimeoutMs: intSetting(env, 'PARSE_TIMEOUT_MS', DEFAULT_PARSE_TIMEOUT_MS, 100, 600_000),
    publicUrl: publicUrlSetting(env.PUBLIC_URL),
  };
}
