<#
.SYNOPSIS
    The RdsLicensing module as one text, to send with a call: Private/, ONE access backend, Public/.
.DESCRIPTION
    The same files the module's .psm1 dot-sources. `-Backend Windows` (every real host) never includes
    the lab's hive-file code; `-Backend Lab` only goes to inventory hosts whose transport says lab.
#>
function Get-RdsModuleBundle {
    [CmdletBinding()]
    [OutputType([string])]
    param ([Parameter(Mandatory)][ValidateSet('Windows', 'Lab')][string] $Backend)
    $root = Join-Path $PSScriptRoot '..' 'module' 'RdsLicensing'
    $exports = (Import-PowerShellDataFile -Path (Join-Path $root 'RdsLicensing.psd1')).FunctionsToExport
    $parts = [System.Collections.Generic.List[string]]::new()
    $parts.Add('Set-StrictMode -Version 3.0')
    foreach ($folder in 'Private', "Backends/$Backend", 'Public') {
        foreach ($file in Get-ChildItem -Path (Join-Path $root $folder) -Filter '*.ps1' | Sort-Object Name) { $parts.Add([System.IO.File]::ReadAllText($file.FullName)) }
    }
    $parts.Add("Export-ModuleMember -Function $(($exports | ForEach-Object { "'$_'" }) -join ', ')")
    return $parts -join [Environment]::NewLine
}
