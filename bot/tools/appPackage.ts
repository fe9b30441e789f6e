// Builds the Teams app package: fills the ${{NAME}} placeholders of teamsAppManifest/manifest.json,
// validates the result offline against the schema bundled in @microsoft/app-manifest, checks the icons
// and zips manifest.json + color.png + outline.png at the zip root.
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePng, readPngHeader } from './png';

const ROOT = path.join(__dirname, '..', '..');
export const MANIFEST_DIR = path.join(ROOT, 'teamsAppManifest');
export const PACKAGE_FILE = path.join(ROOT, 'appPackage', 'build', 'lovp-bot.zip');

/** Bot id used when MicrosoftAppId is empty (local mode): a valid GUID, never a registered bot. */
export const LOCAL_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** Values used when the environment sets none; fine for local testing, replace before publishing. */
const DEVELOPER_DEFAULTS: Record<string, string> = {
  DEVELOPER_NAME: 'LOVP-bot',
  DEVELOPER_WEBSITE_URL: 'https://www.example.org/lovp-bot',
  DEVELOPER_PRIVACY_URL: 'https://www.example.org/lovp-bot/privacy',
  DEVELOPER_TERMS_URL: 'https://www.example.org/lovp-bot/gebruiksvoorwaarden',
};

export const ICON_SIZES = { color: 192, outline: 32 } as const;

export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Teams app package is not valid:\n- ${problems.join('\n- ')}`);
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

/** Path of the schema file @microsoft/app-manifest bundles for this $schema URL. */
export function bundledSchemaFile(schemaUrl: string): string {
  const match = /\/json-schemas\/(teams\/[^/]+\/MicrosoftTeams\.schema\.json)$/.exec(schemaUrl);
  if (!match) throw new AppPackageError([`$schema is not a Teams manifest schema URL: ${schemaUrl}`]);
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', match[1]);
}

/**
 * Schema errors, [] when valid. Works offline: AppManifestUtils loads the schema from its own bundled
 * copy when one exists for the $schema URL and only fetches otherwise, so we refuse unbundled versions.
 */
export async function validateManifestSchema(manifest: TeamsManifest): Promise<string[]> {
  const schemaUrl = manifest.$schema ?? '';
  if (!existsSync(bundledSchemaFile(schemaUrl))) {
    return [`schema ${schemaUrl} is not bundled with @microsoft/app-manifest (it would be fetched from the network)`];
  }
  return AppManifestUtils.validateAgainstSchema(manifest);
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
  manifest: TeamsManifest;
  defaulted: string[];
}

export async function buildAppPackage(env: NodeJS.ProcessEnv = process.env, outFile = PACKAGE_FILE): Promise<BuiltPackage> {
  const template = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;
  const { values, defaulted } = manifestValues(env);
  const manifest = fillPlaceholders(template, values);
  const problems = [...(await validateManifestSchema(manifest)), ...checkIcons(manifest)];
  if (problems.length) throw new AppPackageError(problems);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const kind of ['color', 'outline'] as const) {
    zip.addFile(manifest.icons[kind], readFileSync(path.join(MANIFEST_DIR, manifest.icons[kind])));
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return { file: outFile, manifest, defaulted };
}
