import type { TeamsManifest, TeamsManifestLatest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  PACKAGE_FILES,
  uploadProblems,
  validateLocalization,
  validateManifestSchema,
  type Localization,
} from '../../bot/tools/appPackage';
import { parseCommand } from '../../bot/teams/commands';
import { SEARCH_COMMAND, TOPIC_PARAMETER } from '../../bot/teams/messageExtension';
import { drawColorIcon, drawOutlineIcon } from '../../bot/tools/drawIcons';
import { decodePng, encodePng, readPngHeader } from '../../bot/tools/png';

const template = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsManifestLatest;
const localManifest = () => fillPlaceholders(template, manifestValues({}).values);
const COMMANDS = ['help', 'vergaderingen', 'samenvatting', 'tijdlijn', 'openstaand', 'abonneer', 'stop'];
const BOT_GUID = '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
/** Settings a real publisher would have in .env. */
const UPLOAD_ENV = {
  MicrosoftAppId: BOT_GUID,
  DEVELOPER_NAME: 'Politieacademie',
  DEVELOPER_WEBSITE_URL: 'https://www.politieacademie.nl/lovp-bot',
  DEVELOPER_PRIVACY_URL: 'https://www.politieacademie.nl/privacy',
  DEVELOPER_TERMS_URL: 'https://www.politieacademie.nl/voorwaarden',
};
const english = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'en-us.json'), 'utf8')) as Localization;

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
    // The bot and the compose-box search both name it.
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^\/bots\/0\/botId must match pattern/);
    assert.match(errors[1], /^\/composeExtensions\/0\/botId must match pattern/);
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

  it('lists the seven commands with a Dutch description for each scope', () => {
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
    for (const english of ['meetings', 'summary', 'timeline', 'pending', 'subscribe']) assert.ok(descriptions.includes(english), english);
  });

  it('offers a compose-box search (a query command of the bot) whose id and parameter the bot handles, in Dutch and English', () => {
    const [extension] = template.composeExtensions!;
    assert.equal(extension.botId, '${{BOT_ID}}');
    const [command] = extension.commands!;
    assert.equal(command.type, 'query');
    assert.equal(command.id, SEARCH_COMMAND);
    assert.deepEqual(command.parameters!.map((p) => p.name), [TOPIC_PARAMETER]);
    assert.match(command.title, /terugkoppelingen/);
    assert.match(english['composeExtensions[0].commands[0].title'], /^Search/);
    assert.ok(english['composeExtensions[0].commands[0].parameters[0].description']);
  });

  it('has Dutch names and descriptions, and an English (en-us) localisation beside them', () => {
    assert.match(template.name.short, /LOVP/);
    assert.match(template.description.short, /vragen|Vragen/);
    assert.equal(template.localizationInfo?.defaultLanguageTag, 'nl-nl');
    assert.deepEqual(template.localizationInfo?.additionalLanguages, [{ languageTag: 'en-us', file: 'en-us.json' }]);
    assert.match(english['description.full'], /^Ask in plain language/);
  });

  it('en-us.json validates offline against the bundled localisation schema and names only texts of the manifest', async () => {
    assert.match(english.$schema, /\/teams\/v1\.30\/MicrosoftTeams\.Localization\.schema\.json$/);
    assert.deepEqual(await validateLocalization(english, localManifest(), 'en-us.json'), []);
    const texts = Object.keys(english).filter((k) => k !== '$schema');
    assert.ok(texts.length >= 4 + 6 + 42, 'names, descriptions, features and every command of every scope');
  });

  it('en-us command titles are the English words for the same commands', () => {
    template.bots![0].commandLists!.forEach((list, l) => list.commands.forEach((command, c) => {
      const title = english[`bots[0].commandLists[${l}].commands[${c}].title`];
      assert.equal(parseCommand(title, 'en-US')?.name, parseCommand(command.title, 'nl-NL')?.name, `${command.title} / ${title}`);
      assert.equal(parseCommand(title, 'en-US')?.language, 'en', title);
      assert.ok(english[`bots[0].commandLists[${l}].commands[${c}].description`], `${title} has an English description`);
    }));
  });

  it('validateLocalization names keys that point at nothing and texts over the schema limits', async () => {
    const broken = { ...english, 'name.short': 'x'.repeat(31), 'bots[0].commandLists[0].commands[9].title': 'nothing' };
    const problems = await validateLocalization(broken, localManifest(), 'en-us.json');
    assert.ok(problems.some((p) => /^en-us\.json: \/name\.short must NOT have more than 30 characters/.test(p)), problems.join('\n'));
    assert.ok(problems.includes('en-us.json: "bots[0].commandLists[0].commands[9].title" names no text in manifest.json'), problems.join('\n'));
  });
});

describe('settings for a package to upload', () => {
  it('accept a registered bot id and the publisher\'s own https pages', () => {
    assert.deepEqual(uploadProblems(UPLOAD_ENV), []);
  });

  it('refuse what is missing, the all-zero id, a non-GUID, example.org and plain http, naming each setting', () => {
    assert.deepEqual(uploadProblems({}).map((p) => p.split(' ')[0]), ['MicrosoftAppId', 'DEVELOPER_NAME', 'DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']);
    assert.match(uploadProblems({ ...UPLOAD_ENV, MicrosoftAppId: LOCAL_BOT_ID }).join(), /all-zero placeholder/);
    assert.match(uploadProblems({ ...UPLOAD_ENV, MicrosoftAppId: 'lovp-bot' }).join(), /"lovp-bot" is not a GUID/);
    for (const url of ['https://www.example.org/lovp-bot', 'https://example.com/privacy', 'https://lovp.test/', 'https://localhost/x']) {
      assert.match(uploadProblems({ ...UPLOAD_ENV, DEVELOPER_PRIVACY_URL: url }).join(), /DEVELOPER_PRIVACY_URL .* is an example address/, url);
    }
    assert.match(uploadProblems({ ...UPLOAD_ENV, DEVELOPER_TERMS_URL: 'http://www.politieacademie.nl/voorwaarden' }).join(), /is not an https:\/\/ address/);
    assert.match(uploadProblems({ ...UPLOAD_ENV, DEVELOPER_TERMS_URL: 'voorwaarden' }).join(), /is not an https:\/\/ address/);
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
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apppkg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with manifest.json, both icons and en-us.json at its root, bot id and publisher filled in', async () => {
    const built = await buildAppPackage(UPLOAD_ENV, { outFile: path.join(dir, 'lovp-bot.zip') });
    const zip = new AdmZip(built.file);
    assert.deepEqual(zip.getEntries().map((e) => e.entryName).sort(), ['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as TeamsManifest;
    assert.equal(manifest.bots![0].botId, BOT_GUID);
    assert.equal(manifest.developer.privacyUrl, UPLOAD_ENV.DEVELOPER_PRIVACY_URL);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{|example\.org/);
    assert.deepEqual(await validateManifestSchema(manifest), []);
    assert.deepEqual(await validateLocalization(JSON.parse(zip.readAsText('en-us.json')), manifest, 'en-us.json'), []);
    for (const icon of ['color.png', 'outline.png']) {
      assert.ok(zip.readFile(icon)!.equals(readFileSync(path.join(MANIFEST_DIR, icon))), `${icon} copied unchanged`);
    }
    assert.deepEqual(built.defaulted, []);
  });

  it('refuses a package for upload without real settings and removes the zip of an earlier run', async () => {
    const outFile = path.join(dir, 'lovp-bot.zip');
    writeFileSync(outFile, 'the package of an earlier run');
    await assert.rejects(buildAppPackage({ MicrosoftAppId: '' }, { outFile }), (err: unknown) => {
      assert.ok(err instanceof AppPackageError);
      assert.match(err.message, /^No Teams app package written:\n- MicrosoftAppId is empty/);
      assert.ok(err.problems.some((p) => p.startsWith('DEVELOPER_WEBSITE_URL')));
      return true;
    });
    assert.equal(existsSync(outFile), false);
    assert.deepEqual(readdirSync(dir), [], 'no half-written file either');
  });

  it('refuses an invalid bot id in a local package too (schema), leaving nothing', async () => {
    const outFile = path.join(dir, 'lovp-bot-local.zip');
    writeFileSync(outFile, 'old');
    await assert.rejects(buildAppPackage({ MicrosoftAppId: 'x' }, { mode: 'local', outFile }), /botId must match pattern/);
    assert.equal(existsSync(outFile), false);
  });

  it('--local builds a package with placeholders under its own name, never the upload file', async () => {
    assert.notEqual(PACKAGE_FILES.local, PACKAGE_FILES.upload);
    assert.match(PACKAGE_FILES.local, /lovp-bot-local\.zip$/);
    const built = await buildAppPackage({}, { mode: 'local', outFile: path.join(dir, 'lovp-bot-local.zip') });
    const manifest = JSON.parse(new AdmZip(built.file).readAsText('manifest.json')) as TeamsManifest;
    assert.equal(manifest.bots![0].botId, LOCAL_BOT_ID);
    assert.ok(built.defaulted.includes('BOT_ID (MicrosoftAppId)'));
    assert.deepEqual(await validateManifestSchema(manifest), []);
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
