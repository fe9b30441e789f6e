// `npm run package [-- --local]`: writes the Teams app package.
// Without --local: appPackage/build/lovp-bot.zip for upload to Teams, refused unless .env (or the environment) sets
// the bot's MicrosoftAppId and the publisher (DEVELOPER_*). With --local: appPackage/build/lovp-bot-local.zip with
// placeholders for whatever is not set, to look at or validate locally; never for upload.
import { config } from 'dotenv';
import path from 'node:path';
import { AppPackageError, buildAppPackage, type PackageMode } from './appPackage';

async function main(argv: string[]): Promise<number> {
  config({ quiet: true });
  const unknown = argv.filter((arg) => arg !== '--local');
  if (unknown.length) {
    console.error(`unknown argument ${unknown.join(' ')} (use --local for a package with placeholders, not for upload)`);
    return 2;
  }
  const mode: PackageMode = argv.includes('--local') ? 'local' : 'upload';
  try {
    const built = await buildAppPackage(process.env, { mode });
    console.log(`Teams app package: ${path.relative(process.cwd(), built.file)} (bot id ${built.manifest.bots?.[0]?.botId})`);
    if (mode === 'local') {
      const defaults = built.defaulted.length ? `: placeholders for ${built.defaulted.join(', ')}` : '';
      console.log(`Local package, not for upload${defaults}. For Teams: npm run package (without --local) once .env sets them.`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AppPackageError)) throw err;
    console.error(err.message);
    if (mode === 'upload') console.error('Nothing written. Set these in .env (see .env.example), or build a local package with: npm run package -- --local');
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
