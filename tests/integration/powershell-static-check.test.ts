import { spawnSync } from 'node:child_process';
import { availableOperations } from '../../bot/catalogue';
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

  it('exports exactly the public functions, and the JEA role shows exactly those', () => {
    const result = run(`
      $root = './adapters/powershell/module/RdsLicensing'
      $exported = (Import-Module "$root/RdsLicensing.psd1" -PassThru).ExportedFunctions.Keys | Sort-Object
      $files = Get-ChildItem "$root/Public" -Filter *.ps1 | ForEach-Object BaseName | Sort-Object
      $role = Import-PowerShellDataFile "$root/RoleCapabilities/RdsLicensingOperator.psrc"
      $visible = $role.VisibleFunctions | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Name } } | Sort-Object
      $session = Import-PowerShellDataFile './adapters/powershell/jea/RdsLicensing.pssc'
      [ordered]@{ exported = @($exported); files = @($files); visible = @($visible); providers = $role.ContainsKey('VisibleProviders'); external = $role.ContainsKey('VisibleExternalCommands'); cmdlets = $role.ContainsKey('VisibleCmdlets'); sessionType = $session.SessionType; virtual = $session.RunAsVirtualAccount; transcripts = [bool]$session.TranscriptDirectory } | ConvertTo-Json -Compress`);
    const surface = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(surface.exported).toEqual(surface.files);
    expect(surface.visible).toEqual(surface.exported);
    expect(surface.exported).toHaveLength(12);
    expect(surface).toMatchObject({
      providers: false,
      external: false,
      cmdlets: false,
      sessionType: 'RestrictedRemoteServer',
      virtual: true,
      transcripts: true,
    });
  });

  it('validates on the host exactly the operations and parameters the catalogue defines (the generated contract, read by pwsh)', () => {
    const result = run(
      `. ./adapters/powershell/module/RdsLicensing/Private/Contract.generated.ps1; $script:Operations | ConvertTo-Json -Depth 6 -Compress`,
    );
    const onHost = JSON.parse(result.stdout) as Record<
      string,
      { Params: Record<string, { Kind: string; Allowed?: string[]; Required?: boolean }> }
    >;
    const catalogue = Object.fromEntries(availableOperations().map((op) => [op.intent, op.paramsSchema]));
    expect(Object.keys(onHost).sort()).toEqual(Object.keys(catalogue).sort());
    for (const [intent, schema] of Object.entries(catalogue)) {
      const properties = (schema as { properties: Record<string, { enum?: string[] }> }).properties;
      const required = (schema as { required?: string[] }).required ?? [];
      const params = onHost[intent]!.Params;
      expect({ intent, params: Object.keys(params).sort() }).toEqual({
        intent,
        params: Object.keys(properties).sort(),
      });
      for (const [name, rule] of Object.entries(params)) {
        if (properties[name]?.enum)
          expect({ intent, name, allowed: rule.Allowed }).toEqual({ intent, name, allowed: properties[name]!.enum });
        expect({ intent, name, required: Boolean(rule.Required) }).toEqual({
          intent,
          name,
          required: required.includes(name),
        });
      }
    }
  });
});
