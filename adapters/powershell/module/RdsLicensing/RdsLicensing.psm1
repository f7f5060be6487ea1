<#
    RdsLicensing: the target-side half of RDS Licensing Bot.

    Loaded from disk (JEA endpoints, Pester) this file dot-sources Private/ and Public/. The bot instead
    sends the same files joined into one text with each call (Invoke-RdsBotOperation.ps1), so no agent is
    installed on a target. Either way, FunctionsToExport in RdsLicensing.psd1 is the exported surface.
#>
Set-StrictMode -Version 3.0

foreach ($folder in 'Private', 'Public') {
    foreach ($file in Get-ChildItem -Path (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' | Sort-Object Name) { . $file.FullName }
}
Export-ModuleMember -Function (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'RdsLicensing.psd1')).FunctionsToExport
