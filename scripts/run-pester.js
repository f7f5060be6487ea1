#!/usr/bin/env node
// `npm run test:powershell`: restores Pester 5.9.1 from NuGet with dotnet (once), then runs the Pester
// suite in tests/powershell with real pwsh. Exits non-zero when a test fails or Pester cannot run.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, realpathSync } = require('node:fs');
const { homedir } = require('node:os');
const { join, dirname } = require('node:path');

const root = join(__dirname, '..');
const packages = join(root, 'data', 'tools', 'nuget');
const pester = join(packages, 'pester', '5.9.1', 'tools', 'Pester.psd1');

if (!existsSync(pester)) {
  const restore = spawnSync('dotnet', ['restore', join(root, 'tests', 'powershell', 'tools'), '--packages', packages], {
    stdio: 'inherit',
  });
  if (restore.status !== 0 || !existsSync(pester)) {
    console.error('test:powershell: could not restore Pester 5.9.1 from NuGet');
    process.exit(1);
  }
}
const tool = join(homedir(), '.dotnet', 'tools', 'pwsh');
const pwsh = process.env.RDSBOT_PWSH || (existsSync(tool) ? tool : 'pwsh');
let dotnetRoot = process.env.DOTNET_ROOT;
if (!dotnetRoot) {
  const which = spawnSync('sh', ['-c', 'command -v dotnet'], { encoding: 'utf8' }).stdout.trim();
  dotnetRoot = which ? dirname(realpathSync(which)) : '/usr/share/dotnet';
}
const script = [
  `Import-Module '${pester}'`,
  '$config = New-PesterConfiguration',
  "$config.Run.Path = 'tests/powershell'",
  '$config.Run.Exit = $true',
  "$config.Output.Verbosity = 'Detailed'",
  'Invoke-Pester -Configuration $config',
].join('; ');
const run = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', script], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DOTNET_ROOT: dotnetRoot, POWERSHELL_TELEMETRY_OPTOUT: '1' },
});
process.exit(run.status === null ? 1 : run.status);
