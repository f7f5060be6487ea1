#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Installs the RdsLicensing module and registers the RdsLicensing JEA endpoint on a Windows target.
.DESCRIPTION
    Copies the module (with its role capability) to Program Files, writes the session configuration with
    the bot's account as the only role holder, locks the transcript folder to SYSTEM and Administrators,
    and registers the endpoint. The bot then connects with -ConfigurationName RdsLicensing (winrm
    transport) and can run the module's functions and nothing else.
.PARAMETER BotPrincipal
    The bot's account or group, for example 'CONTOSO\svc-rdsbot' or 'CONTOSO\RDS Licensing Bot'.
.PARAMETER ModuleSource
    The RdsLicensing module folder (default: next to this script in the repository).
.EXAMPLE
    .\Install-RdsBotJea.ps1 -BotPrincipal 'CONTOSO\svc-rdsbot'
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param (
    [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9._ -]{1,64}\\[A-Za-z0-9._ $-]{1,64}$')][string] $BotPrincipal,
    [string] $ModuleSource = (Join-Path $PSScriptRoot '..\module\RdsLicensing')
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$moduleTarget = Join-Path $env:ProgramFiles 'WindowsPowerShell\Modules\RdsLicensing'
$transcripts = Join-Path $env:ProgramData 'RdsBot\Transcripts'
$pssc = Join-Path $env:ProgramData 'RdsBot\RdsLicensing.pssc'

if ($PSCmdlet.ShouldProcess($moduleTarget, 'Install the RdsLicensing module')) {
    if (Test-Path $moduleTarget) { Remove-Item $moduleTarget -Recurse -Force }
    Copy-Item -Path $ModuleSource -Destination $moduleTarget -Recurse
}
if ($PSCmdlet.ShouldProcess($transcripts, 'Create the transcript folder (SYSTEM and Administrators only)')) {
    New-Item -ItemType Directory -Path $transcripts -Force | Out-Null
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($sid in 'S-1-5-18', 'S-1-5-32-544') {
        $who = New-Object System.Security.Principal.SecurityIdentifier($sid)
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($who, 'FullControl', 'ContainerInherit,ObjectInherit', 'None', 'Allow')))
    }
    Set-Acl -Path $transcripts -AclObject $acl
}
if ($PSCmdlet.ShouldProcess('RdsLicensing', 'Register the JEA endpoint')) {
    $definition = Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'RdsLicensing.pssc')
    $settings = @{
        Path                = $pssc
        SessionType         = 'RestrictedRemoteServer'
        RunAsVirtualAccount = $true
        TranscriptDirectory = $transcripts
        RoleDefinitions     = @{ $BotPrincipal = @{ RoleCapabilities = 'RdsLicensingOperator' } }
        Description         = $definition.Description
    }
    New-PSSessionConfigurationFile @settings
    Test-PSSessionConfigurationFile -Path $pssc | Out-Null
    Register-PSSessionConfiguration -Name 'RdsLicensing' -Path $pssc -Force | Out-Null
    Get-PSSessionCapability -ConfigurationName 'RdsLicensing' -Username $BotPrincipal | Select-Object -ExpandProperty Name
}
