// `npm run package`: writes appPackage/build/lovp-bot.zip for upload to Teams.
// The bot id comes from MicrosoftAppId (.env); without it a dummy id for local testing is used.
import { config } from 'dotenv';
import path from 'node:path';
import { AppPackageError, buildAppPackage } from './appPackage';

async function main(): Promise<number> {
  config({ quiet: true });
  try {
    const built = await buildAppPackage();
    console.log(`Teams app package: ${path.relative(process.cwd(), built.file)} (bot id ${built.manifest.bots?.[0]?.botId})`);
    if (built.defaulted.length) {
      console.log(`Note: local defaults used for ${built.defaulted.join(', ')}; set them in .env before uploading to Teams.`);
    }
    return 0;
  } catch (err) {
    console.error(err instanceof AppPackageError ? err.message : err);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
