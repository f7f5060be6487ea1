import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../../appPackage/validate-manifest';

describe('the Teams app manifest', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'appPackage', 'manifest.json'), 'utf8');
  const filled = (appId: string, botId: string) =>
    JSON.parse(text.replace('${{TEAMS_APP_ID}}', appId).replace('${{BOT_ID}}', botId)) as Record<string, unknown>;

  it('validates offline against the official schema, with icons of the sizes Teams wants', async () => {
    expect(
      await validateManifest(filled('3f0a9a4e-8a4b-4c59-9c47-0f3a3f0e6b11', '11111111-2222-3333-4444-555555555555')),
    ).toEqual([]);
  });

  it('is refused when the app id is not a GUID', async () => {
    const errors = await validateManifest(filled('not-a-guid', '11111111-2222-3333-4444-555555555555'));
    expect(errors.join('\n')).toContain('/id');
  });
});
