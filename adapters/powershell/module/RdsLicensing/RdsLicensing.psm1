<#
    RdsLicensing: the target-side half of RDS Licensing Bot.

    Loaded from disk (JEA endpoints, Pester) this file dot-sources Private/, one access backend and
    Public/. The bot instead sends the same files joined into one text with each call
    (Invoke-RdsBotOperation.ps1), so no agent is installed on a target. Either way, FunctionsToExport in
    RdsLicensing.psd1 is the exported surface.

    The backend: Windows on Windows, Lab (a hive file) elsewhere; RDSBOT_ACCESS_BACKEND = 'Windows' or
    'Lab' chooses one explicitly (the Pester tests of the Windows layer load it on Linux with the
    Windows cmdlets mocked).
#>
Set-StrictMode -Version 3.0

$backend = switch ($env:RDSBOT_ACCESS_BACKEND) {
    'Windows' { 'Windows' }
    'Lab' { 'Lab' }
    default { if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) { 'Windows' } else { 'Lab' } }
}
foreach ($folder in 'Private', "Backends/$backend", 'Public') {
    foreach ($file in Get-ChildItem -Path (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' | Sort-Object Name) { . $file.FullName }
}
Export-ModuleMember -Function (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'RdsLicensing.psd1')).FunctionsToExport
