import { spawnSync } from 'node:child_process';
import { findDotnetRoot, findPwsh } from '../../bot/config';
import { ROOT } from '../support/test-paths';

// PSScriptAnalyzer is not available from NuGet here, so the static check is PowerShell's own parser:
// every script and module must parse without errors, and the module's exported functions must be
// exactly the allow-list.
describe('the PowerShell the bot ships', () => {
  const run = (script: string) =>
    spawnSync(findPwsh(process.env), ['-NoProfile', '-NonInteractive', '-Command', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DOTNET_ROOT: findDotnetRoot(process.env) },
    });

  it('parses without errors', () => {
    const result = run(`
      $files = Get-ChildItem -Recurse -Include *.ps1,*.psm1 -Path adapters
      foreach ($file in $files) {
        $tokens = $null; $errors = $null
        [void][System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
        foreach ($e in $errors) { "$($file.Name):$($e.Extent.StartLineNumber): $($e.Message)" }
      }
      "checked $($files.Count) files"`);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^checked [1-9]\d* files$/)]);
  });

  it('exports only the entry point and the operation functions', () => {
    const result = run(
      `(Import-Module ./adapters/powershell/module/RdsLicensing.psm1 -PassThru).ExportedFunctions.Keys | Sort-Object`,
    );
    expect(result.stdout.trim().split('\n')).toEqual(['Invoke-RdsLicensingOperation', 'Reset-RdsClientLicenseCache']);
  });
});
