// Builds the Teams app package: fills the ${{NAME}} placeholders of teamsAppManifest/manifest.json and its
// localisation files, validates them offline against the schemas bundled in @microsoft/app-manifest, checks the
// icons and zips manifest.json, the icons and the localisation files at the zip root. A package for upload needs a
// real bot id and publisher; `--local` builds one with placeholders, for local use only, under another name.
import type { TeamsManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { decodePng, readPngHeader } from './png';

const ROOT = path.join(__dirname, '..', '..');
export const MANIFEST_DIR = path.join(ROOT, 'teamsAppManifest');

/** 'upload': for Teams admin centre or sideloading; 'local': placeholders allowed, never for upload. */
export type PackageMode = 'upload' | 'local';
export const PACKAGE_FILES: Record<PackageMode, string> = {
  upload: path.join(ROOT, 'appPackage', 'build', 'lovp-bot.zip'),
  local: path.join(ROOT, 'appPackage', 'build', 'lovp-bot-local.zip'),
};

/** Bot id used when MicrosoftAppId is empty (local mode): a valid GUID, never a registered bot. */
export const LOCAL_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** Values used when the environment sets none; only for a local package. */
const DEVELOPER_DEFAULTS: Record<string, string> = {
  DEVELOPER_NAME: 'LOVP-bot',
  DEVELOPER_WEBSITE_URL: 'https://www.example.org/lovp-bot',
  DEVELOPER_PRIVACY_URL: 'https://www.example.org/lovp-bot/privacy',
  DEVELOPER_TERMS_URL: 'https://www.example.org/lovp-bot/gebruiksvoorwaarden',
};

export const ICON_SIZES = { color: 192, outline: 32 } as const;

export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`No Teams app package written:\n- ${problems.join('\n- ')}`);
  }
}

export interface ManifestValues {
  values: Record<string, string>;
  /** Values that fell back to a local-only default, so the package cannot be published as is. */
  defaulted: string[];
}

export function manifestValues(env: NodeJS.ProcessEnv = process.env): ManifestValues {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const values: Record<string, string> = { APP_VERSION: version };
  const defaulted: string[] = [];
  const botId = env.MicrosoftAppId?.trim();
  values.BOT_ID = botId || LOCAL_BOT_ID;
  if (!botId) defaulted.push('BOT_ID (MicrosoftAppId)');
  for (const [name, fallback] of Object.entries(DEVELOPER_DEFAULTS)) {
    const value = env[name]?.trim();
    values[name] = value || fallback;
    if (!value) defaulted.push(name);
  }
  return { values, defaulted };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Domains reserved for examples and tests (RFC 2606, RFC 6761): never a real publisher's page. */
const RESERVED_HOST = /(^|\.)(example\.(org|com|net)|example|test|invalid|localhost)$/i;

/** Why the settings cannot make a package for upload, [] when they can. */
export function uploadProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const botId = env.MicrosoftAppId?.trim() ?? '';
  if (!botId) problems.push('MicrosoftAppId is empty: set it to the application (client) id of the bot\'s Azure registration');
  else if (!GUID.test(botId)) problems.push(`MicrosoftAppId "${botId}" is not a GUID (the application id of the bot's Azure registration)`);
  else if (botId === LOCAL_BOT_ID) problems.push('MicrosoftAppId is the all-zero placeholder id, not a registered bot');
  if (!env.DEVELOPER_NAME?.trim()) problems.push('DEVELOPER_NAME is empty: the publisher Teams shows (your organisation)');
  for (const name of ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']) {
    const value = env[name]?.trim() ?? '';
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!value) problems.push(`${name} is empty`);
    else if (!url || url.protocol !== 'https:') problems.push(`${name} "${value}" is not an https:// address`);
    else if (RESERVED_HOST.test(url.hostname)) problems.push(`${name} "${value}" is an example address, not your organisation's page`);
  }
  return problems;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Replaces ${{NAME}} in every string of the parsed template (so values never need JSON escaping). */
export function fillPlaceholders<T>(template: T, values: Record<string, string>): T {
  const missing = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (values[name] === undefined) missing.add(name);
        return values[name] ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const filled = fill(template) as T;
  if (missing.size) throw new AppPackageError([...missing].map((name) => `no value for placeholder \${{${name}}}`));
  return filled;
}

/** Path of the schema file @microsoft/app-manifest bundles for this $schema URL (manifest or localisation). */
export function bundledSchemaFile(schemaUrl: string): string {
  const match = /\/json-schemas\/(teams\/[^/]+\/MicrosoftTeams(?:\.Localization)?\.schema\.json)$/.exec(schemaUrl);
  if (!match) throw new AppPackageError([`$schema is not a Teams manifest schema URL: ${schemaUrl}`]);
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', match[1]);
}

/**
 * The bundled localisation schema has key patterns with a bare "]" (`activities.activityTypes[\b(...)\b]`), which
 * a regular expression with the u flag, as ajv compiles them, refuses; escaped, the pattern means the same.
 */
function unicodeSafePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']' && inClass) inClass = false;
    else if (c === ']') {
      out += '\\]';
      continue;
    }
    out += c;
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();

/**
 * A validator for a bundled (draft-04) schema file, compiled once: compiling the manifest schema takes over a
 * second. Same settings as @microsoft/app-manifest's own AppManifestUtils.validateAgainstSchema.
 */
function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    if (schema.patternProperties) {
      schema.patternProperties = Object.fromEntries(Object.entries(schema.patternProperties).map(([key, value]) => [unicodeSafePattern(key), value]));
    }
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    validators.set(schemaFile, validate);
  }
  return validate;
}

/** Errors of `value` against the schema its $schema URL names, [] when valid. Offline: unbundled schemas are refused. */
function schemaErrors(value: { $schema?: string }): string[] {
  const schemaUrl = value.$schema ?? '';
  const schemaFile = bundledSchemaFile(schemaUrl);
  if (!existsSync(schemaFile)) return [`schema ${schemaUrl} is not bundled with @microsoft/app-manifest (it would be fetched from the network)`];
  const validate = schemaValidator(schemaFile);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}. Details: ${JSON.stringify(error.params)}`);
}

/** Schema errors of the filled-in manifest, [] when valid. */
export async function validateManifestSchema(manifest: TeamsManifest): Promise<string[]> {
  return schemaErrors(manifest);
}

/** A localisation file: "name.short", "bots[0].commandLists[1].commands[2].title", ... -> translated text. */
export type Localization = Record<string, string>;

/** The value a localisation key names in the manifest, undefined when it names nothing. */
function atKey(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (node === null || typeof node !== 'object') return undefined;
    node = index ? (node as unknown[])[Number(index[1])] : (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Problems of one localisation file, [] when fine: validated offline against the bundled localisation schema,
 * and every key must name a text of the manifest (a key that names nothing is a translation no one would see).
 */
export async function validateLocalization(localization: Localization, manifest: TeamsManifest, file: string): Promise<string[]> {
  let problems: string[];
  try {
    problems = schemaErrors(localization).map((p) => `${file}: ${p}`);
  } catch (err) {
    return [`${file}: ${(err as Error).message}`];
  }
  for (const key of Object.keys(localization)) {
    if (key !== '$schema' && typeof atKey(manifest, key) !== 'string') problems.push(`${file}: "${key}" names no text in manifest.json`);
  }
  return problems;
}

/** Size and transparency problems of the icons the manifest names, [] when fine. */
export function checkIcons(manifest: TeamsManifest, dir = MANIFEST_DIR): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = path.join(dir, manifest.icons[kind]);
    if (!existsSync(file)) {
      problems.push(`${kind} icon ${manifest.icons[kind]} is missing`);
      continue;
    }
    const png = readFileSync(file);
    let size: { width: number; height: number };
    try {
      size = readPngHeader(png);
    } catch (err) {
      problems.push(`${kind} icon ${manifest.icons[kind]}: ${(err as Error).message}`);
      continue;
    }
    const want = ICON_SIZES[kind];
    if (size.width !== want || size.height !== want) {
      problems.push(`${kind} icon must be ${want}x${want}, is ${size.width}x${size.height}`);
    } else if (kind === 'outline' && !isWhiteOnTransparent(png)) {
      problems.push('outline icon must be white on a transparent background');
    }
  }
  return problems;
}

/** Teams wants the outline icon white where drawn and fully transparent around it. */
function isWhiteOnTransparent(png: Uint8Array): boolean {
  let image;
  try {
    image = decodePng(png);
  } catch {
    return false;
  }
  const { data, width } = image;
  let transparent = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) transparent++;
    else if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) return false;
  }
  const cornersClear = [0, width - 1, data.length / 4 - width, data.length / 4 - 1].every((p) => data[p * 4 + 3] === 0);
  return cornersClear && transparent > 0;
}

export interface BuiltPackage {
  file: string;
  mode: PackageMode;
  manifest: TeamsManifest;
  /** Settings that fell back to a local default (only in a local package). */
  defaulted: string[];
}

export interface BuildOptions {
  mode?: PackageMode;
  /** Default PACKAGE_FILES[mode]. */
  outFile?: string;
}

const readJson = (file: string) => JSON.parse(readFileSync(path.join(MANIFEST_DIR, file), 'utf8'));

export async function buildAppPackage(env: NodeJS.ProcessEnv = process.env, options: BuildOptions = {}): Promise<BuiltPackage> {
  const mode = options.mode ?? 'upload';
  const outFile = options.outFile ?? PACKAGE_FILES[mode];
  // A package from an earlier run must not pass for the result of this one when this one fails.
  rmSync(outFile, { force: true });
  const problems = mode === 'upload' ? uploadProblems(env) : [];
  const { values, defaulted } = manifestValues(env);
  const manifest = fillPlaceholders(readJson('manifest.json') as TeamsManifest, values);
  problems.push(...(await validateManifestSchema(manifest)), ...checkIcons(manifest));
  // localizationInfo is in every manifest version this template could use (1.5 and later), not in TeamsManifest's union.
  const { localizationInfo } = manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } };
  const languageFiles = (localizationInfo?.additionalLanguages ?? []).map((language) => language.file);
  const localizations = new Map<string, Localization>();
  for (const file of languageFiles) {
    if (!existsSync(path.join(MANIFEST_DIR, file))) {
      problems.push(`${file} (localizationInfo) is missing`);
      continue;
    }
    const localization = fillPlaceholders(readJson(file) as Localization, values);
    localizations.set(file, localization);
    problems.push(...(await validateLocalization(localization, manifest, file)));
  }
  if (problems.length) throw new AppPackageError(problems);

  const zip = new AdmZip();
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  zip.addFile('manifest.json', json(manifest));
  for (const kind of ['color', 'outline'] as const) {
    zip.addFile(manifest.icons[kind], readFileSync(path.join(MANIFEST_DIR, manifest.icons[kind])));
  }
  for (const [file, localization] of localizations) zip.addFile(file, json(localization));
  mkdirSync(path.dirname(outFile), { recursive: true });
  // Written beside the target and renamed, so an interrupted run leaves no half-written zip.
  const partial = `${outFile}.partial`;
  zip.writeZip(partial);
  renameSync(partial, outFile);
  return { file: outFile, mode, manifest, defaulted };
}
