import type { TeamsManifest, TeamsManifestLatest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AppPackageError,
  buildAppPackage,
  bundledSchemaFile,
  checkIcons,
  fillPlaceholders,
  LOCAL_BOT_ID,
  MANIFEST_DIR,
  manifestValues,
  validateManifestSchema,
} from '../bot/tools/appPackage';
import { drawColorIcon, drawOutlineIcon } from '../bot/tools/drawIcons';
import { decodePng, encodePng, readPngHeader } from '../bot/tools/png';

const template = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsManifestLatest;
const localManifest = () => fillPlaceholders(template, manifestValues({}).values);
const COMMANDS = ['help', 'vergaderingen', 'samenvatting', 'openstaand', 'abonneer', 'stop'];
const BOT_GUID = '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('Teams app manifest', () => {
  // Any network access during validation would be a bug: CI and users may be offline.
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    globalThis.fetch = (() => Promise.reject(new Error('network access during manifest validation'))) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('uses the newest Teams schema bundled with @microsoft/app-manifest', () => {
    const newest = newestTeamsVersion(path.dirname(path.dirname(bundledSchemaFile(template.$schema!))));
    assert.equal(template.manifestVersion, newest);
    assert.match(template.$schema!, new RegExp(`/teams/v${newest.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`));
  });

  it('validates offline against the bundled schema once the placeholders are filled', async () => {
    const manifest = localManifest();
    assert.deepEqual(await validateManifestSchema(manifest), []);
    assert.equal(manifest.bots![0].botId, LOCAL_BOT_ID);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('reports schema errors, e.g. a bot id that is not a GUID', async () => {
    const manifest = fillPlaceholders(template, manifestValues({ MicrosoftAppId: 'not-a-guid' }).values);
    const errors = await validateManifestSchema(manifest);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^\/bots\/0\/botId must match pattern/);
  });

  it('refuses a schema version it would have to download', async () => {
    const manifest = { ...localManifest(), $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json' };
    const errors = await validateManifestSchema(manifest as TeamsManifest);
    assert.match(errors.join('\n'), /v9\.99.*not bundled/);
  });

  it('names every placeholder that has no value', () => {
    assert.throws(() => fillPlaceholders({ a: '${{BOT_ID}}', b: ['x ${{NOPE}}'] }, {}), (err: unknown) => {
      assert.ok(err instanceof AppPackageError);
      assert.deepEqual(err.problems, ['no value for placeholder ${{BOT_ID}}', 'no value for placeholder ${{NOPE}}']);
      return true;
    });
  });

  it('takes the bot id from MicrosoftAppId and a local dummy id without it', () => {
    assert.equal(manifestValues({ MicrosoftAppId: ` ${BOT_GUID} ` }).values.BOT_ID, BOT_GUID);
    assert.equal(manifestValues({ MicrosoftAppId: '' }).values.BOT_ID, LOCAL_BOT_ID);
    assert.ok(manifestValues({}).defaulted.includes('BOT_ID (MicrosoftAppId)'));
  });

  it('offers the bot in personal chat, channels and group chats, with files in personal chat', () => {
    const bot = template.bots![0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, true);
  });

  it('lists the six commands with a Dutch description for each scope', () => {
    const lists = template.bots![0].commandLists!;
    assert.deepEqual(lists.map((l) => l.scopes.join()).sort(), ['groupChat', 'personal', 'team']);
    for (const list of lists) {
      assert.deepEqual(list.commands.map((c) => c.title), COMMANDS);
      for (const command of list.commands) {
        assert.ok(command.description && command.description.length > 20, `${list.scopes}/${command.title} has a description`);
      }
    }
    const descriptions = lists[0].commands.map((c) => c.description).join(' ');
    assert.match(descriptions, /terugkoppelingen|afspraken|samenvatting/);
    for (const english of ['meetings', 'summary', 'pending', 'subscribe']) assert.ok(descriptions.includes(english), english);
  });

  it('has Dutch names and descriptions, with the English explained in the full description', () => {
    assert.match(template.name.short, /LOVP/);
    assert.match(template.description.short, /vragen|Vragen/);
    assert.match(template.description.full, /English: ask questions/);
    assert.equal(template.localizationInfo?.defaultLanguageTag, 'nl-nl');
  });
});

describe('Teams app icons', () => {
  it('are a 192x192 color icon and a 32x32 outline icon', () => {
    const color = readPngHeader(readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    const outline = readPngHeader(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.deepEqual(checkIcons(template), []);
  });

  it('outline icon is white on transparent; the color icon is opaque', () => {
    const outline = decodePng(readFileSync(path.join(MANIFEST_DIR, 'outline.png'))).data;
    const color = decodePng(readFileSync(path.join(MANIFEST_DIR, 'color.png'))).data;
    const alphas = (d: Uint8Array) => Array.from({ length: d.length / 4 }, (_, i) => d[i * 4 + 3]);
    assert.ok(alphas(outline).filter((a) => a === 0).length > 32 * 32 * 0.5, 'mostly transparent');
    assert.ok(alphas(outline).filter((a) => a === 255).length > 60, 'has a solid white symbol');
    assert.ok(alphas(color).every((a) => a === 255));
  });

  it('are what bot/tools/drawIcons.ts draws (regenerate them there)', () => {
    assert.deepEqual(decodePng(readFileSync(path.join(MANIFEST_DIR, 'color.png'))).data, drawColorIcon().data);
    assert.deepEqual(decodePng(readFileSync(path.join(MANIFEST_DIR, 'outline.png'))).data, drawOutlineIcon().data);
  });

  it('checkIcons reports a wrong size and a non-transparent outline', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icons-'));
    try {
      copyFileSync(path.join(MANIFEST_DIR, 'outline.png'), path.join(dir, 'color.png'));
      const opaque = drawOutlineIcon();
      opaque.data.fill(255);
      writeFileSync(path.join(dir, 'outline.png'), encodePng(opaque));
      assert.deepEqual(checkIcons(template, dir), [
        'color icon must be 192x192, is 32x32',
        'outline icon must be white on a transparent background',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run package', () => {
  it('writes a zip with manifest.json and both icons at its root, bot id filled in', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apppkg-'));
    try {
      const built = await buildAppPackage({ MicrosoftAppId: BOT_GUID }, path.join(dir, 'lovp-bot.zip'));
      const zip = new AdmZip(built.file);
      assert.deepEqual(zip.getEntries().map((e) => e.entryName).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(zip.readAsText('manifest.json')) as TeamsManifest;
      assert.equal(manifest.bots![0].botId, BOT_GUID);
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
      assert.deepEqual(await validateManifestSchema(manifest), []);
      for (const icon of ['color.png', 'outline.png']) {
        assert.ok(zip.readFile(icon)!.equals(readFileSync(path.join(MANIFEST_DIR, icon))), `${icon} copied unchanged`);
      }
      assert.ok(!built.defaulted.includes('BOT_ID (MicrosoftAppId)'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write a package for an invalid bot id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apppkg-'));
    try {
      await assert.rejects(buildAppPackage({ MicrosoftAppId: 'x' }, path.join(dir, 'lovp-bot.zip')), /botId must match pattern/);
      assert.throws(() => readFileSync(path.join(dir, 'lovp-bot.zip')), /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Newest numbered version folder (vX.Y) among the bundled Teams schemas. */
function newestTeamsVersion(schemaDir: string): string {
  const versions = readdirSync(schemaDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1).split('.').map(Number));
  versions.sort(([a1, a2], [b1, b2]) => a1 - b1 || a2 - b2);
  return versions[versions.length - 1].join('.');
}
