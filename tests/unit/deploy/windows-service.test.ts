import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDotnetRoot, findPwsh } from '../../../bot/config';
import { ROOT } from '../../support/test-paths';

const SCRIPT = join(ROOT, 'deploy', 'windows', 'install-service.ps1');
const PWSH = findPwsh(process.env);
const BOT_ID = '11111111-2222-3333-4444-555555555555';

function pwsh(...args: string[]): { status: number | null; out: string; err: string } {
  // The dotnet-tool pwsh needs DOTNET_ROOT when it starts outside a login shell.
  const result = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DOTNET_ROOT: findDotnetRoot(process.env) },
  });
  if (result.error) throw new Error(`pwsh (${PWSH}) could not run: ${result.error.message}`);
  return { status: result.status, out: result.stdout, err: result.stderr };
}

/** The script run as an admin reviewing it would: -WhatIf, and only the WinSW XML written. */
function generate(...extra: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-winsw-'));
  const run = pwsh('-File', SCRIPT, '-WhatIf', '-GenerateOnly', '-OutDir', dir, '-BotId', BOT_ID, ...extra);
  expect(run.err).toBe('');
  expect(run.status).toBe(0);
  return readFileSync(join(dir, 'RdsLicensingBot.xml'), 'utf8');
}

describe('the Windows service script', () => {
  it('parses with no errors in real pwsh', () => {
    const parse = pwsh(
      '-Command',
      `$errors = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${SCRIPT}', [ref]$null, [ref]$errors); $errors.Count`,
    );
    expect(parse.err).toBe('');
    expect(parse.out.trim()).toBe('0');
  });

  it('asks before every change it makes (SupportsShouldProcess)', () => {
    expect(readFileSync(SCRIPT, 'utf8')).toContain('[CmdletBinding(SupportsShouldProcess)]');
  });

  it('runs the built entry point under the service virtual account, started delayed-automatic', () => {
    const xml = generate();
    expect(xml).toContain('<id>RdsLicensingBot</id>');
    expect(xml).toContain('<arguments>"C:\\Program Files\\RdsLicensingBot\\dist\\bot\\start.js"</arguments>');
    expect(xml).toMatch(/<serviceaccount>\s*<domain>NT SERVICE<\/domain>\s*<user>RdsLicensingBot<\/user>/);
    expect(xml).toContain('<startmode>Automatic</startmode>');
    expect(xml).toContain('<delayedAutoStart>true</delayedAutoStart>');
  });

  it('restarts the bot when it fails and waits longer for a stop than the bot shuts down in', () => {
    const xml = generate();
    expect(xml).toContain('<onfailure action="restart" delay="10 sec" />');
    expect(xml).toContain('<stoptimeout>90 sec</stoptimeout>');
  });

  it('hands the bot its password as a file path, never the password itself', () => {
    const xml = generate();
    expect(xml).toContain(
      '<env name="BOT_PASSWORD_FILE" value="C:\\ProgramData\\RdsLicensingBot\\secrets\\bot-password" />',
    );
    expect(xml).not.toMatch(/name="BOT_PASSWORD"/);
    expect(xml).toContain(`<env name="BOT_ID" value="${BOT_ID}" />`);
  });

  it('keeps the audit keys out of the database folder', () => {
    const xml = generate('-DataDir', 'D:\\Bot');
    expect(xml).toContain('<env name="DATABASE_FILE" value="D:\\Bot\\data\\bot.sqlite" />');
    expect(xml).toContain('<env name="AUDIT_SIGNING_KEY_FILE" value="D:\\Bot\\keys\\audit-signing-key.pem" />');
  });

  it('escapes what it is given instead of pasting it into the XML', () => {
    const xml = generate('-InstallDir', 'C:\\Bot <&> "x"');
    expect(xml).toContain('<workingdirectory>C:\\Bot &lt;&amp;&gt; "x"</workingdirectory>');
  });
});
