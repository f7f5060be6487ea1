import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateManifest } from './validate-manifest';

/**
 * `npm run package`: fills in TEAMS_APP_ID and BOT_ID, validates the manifest offline against the
 * official schema, and zips it with the icons (at the zip root) to dist/appPackage.zip.
 */
async function main(): Promise<void> {
  const teamsAppId = process.env.TEAMS_APP_ID;
  const botId = process.env.BOT_ID;
  if (!teamsAppId || !botId) {
    console.error('package: set TEAMS_APP_ID (a new GUID for the app) and BOT_ID (the bot registration GUID)');
    process.exit(2);
  }
  const text = readFileSync(join(__dirname, 'manifest.json'), 'utf8')
    .replace('${{TEAMS_APP_ID}}', teamsAppId)
    .replace('${{BOT_ID}}', botId);
  const errors = await validateManifest(JSON.parse(text));
  if (errors.length > 0) {
    console.error(`package: the manifest is not valid:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  const out = resolve('dist');
  mkdirSync(out, { recursive: true });
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(text, 'utf8'));
  zip.addLocalFile(join(__dirname, 'color.png'));
  zip.addLocalFile(join(__dirname, 'outline.png'));
  zip.writeZip(join(out, 'appPackage.zip'));
  console.log(`package: wrote ${join(out, 'appPackage.zip')}`);
}

void main();
