<#
.SYNOPSIS
    Installs the RDS Licensing Bot as a Windows service with WinSW (ADR 0022).

.DESCRIPTION
    Runs `node dist\bot\start.js` under the virtual account NT SERVICE\RdsLicensingBot: an account
    Windows makes for this one service, with no password to manage and no rights beyond what the ACLs
    below give it. The client secret is a file only that account (and administrators) can read;
    the bot reads it through BOT_PASSWORD_FILE, so it never sits in the service's registry key or
    environment block. Start mode is automatic (delayed), and WinSW restarts the bot when it fails.

    WinSW is not shipped with the bot. Download it once on the bot host:
        Invoke-WebRequest https://github.com/winsw/winsw/releases/download/v2.12.0/WinSW-x64.exe `
            -OutFile "$env:TEMP\WinSW-x64.exe"
        Get-FileHash "$env:TEMP\WinSW-x64.exe" -Algorithm SHA256   # compare with the release page
    then pass -WinSWPath "$env:TEMP\WinSW-x64.exe". The script copies it beside the build as
    RdsLicensingBot.exe, with RdsLicensingBot.xml next to it (WinSW's own convention).

    Stopping: WinSW sends Ctrl+C, which the bot takes as its graceful shutdown (runs in flight get
    SHUTDOWN_GRACE_SECONDS, 60 by default); WinSW waits -StopTimeoutSeconds before killing it.

.PARAMETER GenerateOnly
    Writes RdsLicensingBot.xml to -OutDir and stops there: no copy, no ACL, no service. Works on any
    platform pwsh runs on (the unit tests run it on Linux), and to review the XML before installing.

.EXAMPLE
    .\install-service.ps1 -WinSWPath C:\Temp\WinSW-x64.exe -BotId 11111111-2222-3333-4444-555555555555 -WhatIf

.EXAMPLE
    .\install-service.ps1 -GenerateOnly -OutDir C:\Temp\review -BotId 11111111-2222-3333-4444-555555555555
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Where the build is (npm ci && npm run build, then this folder copied here).
    [string] $InstallDir = 'C:\Program Files\RdsLicensingBot',
    # The database, logs and the secret: outside Program Files, writable by the service only.
    [string] $DataDir = 'C:\ProgramData\RdsLicensingBot',
    [string] $WinSWPath,
    [string] $NodePath = 'C:\Program Files\nodejs\node.exe',
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $BotId,
    [string] $BotTenantId,
    # Asked for when the secret file does not exist yet; never written to the XML or the log.
    [securestring] $BotPassword,
    [string] $InventoryFile,
    [string] $PolicyFile,
    [ValidateRange(1, 65535)]
    [int] $Port = 3978,
    [ValidateRange(10, 3600)]
    [int] $StopTimeoutSeconds = 90,
    [switch] $GenerateOnly,
    [string] $OutDir
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The service's id and its virtual account are tied: NT SERVICE\<id> exists once the service does.
$ServiceId = 'RdsLicensingBot'
$ServiceAccount = "NT SERVICE\$ServiceId"

# Windows paths built as strings, not with Join-Path, so -GenerateOnly on Linux writes the same XML.
$SecretsDir = "$DataDir\secrets"
$KeysDir = "$DataDir\keys"
$PasswordFile = "$SecretsDir\bot-password"
if (-not $InventoryFile) { $InventoryFile = "$DataDir\config\inventory.json" }
if (-not $PolicyFile) { $PolicyFile = "$DataDir\config\policy.json" }

function New-WinSWXml {
    <# The WinSW 2.x service definition; values escaped by the XML writer, never by string pasting. #>
    $xml = [System.Xml.XmlDocument]::new()
    $service = $xml.AppendChild($xml.CreateElement('service'))
    function Add-Element([System.Xml.XmlNode] $Parent, [string] $Name, [string] $Text) {
        $element = $Parent.AppendChild($xml.CreateElement($Name))
        if ($Text) { $element.InnerText = $Text }
        $element
    }
    Add-Element $service 'id' $ServiceId | Out-Null
    Add-Element $service 'name' 'RDS Licensing Bot' | Out-Null
    Add-Element $service 'description' 'Microsoft Teams chat-ops for Remote Desktop Services licensing' | Out-Null
    Add-Element $service 'executable' $NodePath | Out-Null
    Add-Element $service 'arguments' "`"$InstallDir\dist\bot\start.js`"" | Out-Null
    Add-Element $service 'workingdirectory' $InstallDir | Out-Null
    Add-Element $service 'startmode' 'Automatic' | Out-Null
    # After the network and the domain are up: the bot needs Kerberos and DNS to reach its hosts.
    Add-Element $service 'delayedAutoStart' 'true' | Out-Null
    $account = Add-Element $service 'serviceaccount'
    Add-Element $account 'domain' 'NT SERVICE' | Out-Null
    Add-Element $account 'user' $ServiceId | Out-Null
    foreach ($delay in '10 sec', '30 sec', '60 sec') {
        $failure = Add-Element $service 'onfailure'
        $failure.SetAttribute('action', 'restart')
        $failure.SetAttribute('delay', $delay)
    }
    Add-Element $service 'resetfailure' '1 hour' | Out-Null
    Add-Element $service 'stoptimeout' "$StopTimeoutSeconds sec" | Out-Null
    Add-Element $service 'logpath' "$DataDir\logs" | Out-Null
    $log = Add-Element $service 'log'
    $log.SetAttribute('mode', 'roll-by-size')
    Add-Element $log 'sizeThreshold' '10240' | Out-Null
    Add-Element $log 'keepFiles' '8' | Out-Null
    $environment = [ordered]@{
        NODE_ENV               = 'production'
        BOT_PASSWORD_FILE      = $PasswordFile
        DATABASE_FILE          = "$DataDir\data\bot.sqlite"
        # Not beside the database: whoever can rewrite it must not find the signing key there.
        AUDIT_SIGNING_KEY_FILE = "$KeysDir\audit-signing-key.pem"
        AUDIT_VERIFY_KEY_FILE  = "$KeysDir\audit-verify-key.pem"
        INVENTORY_FILE         = $InventoryFile
        POLICY_FILE            = $PolicyFile
        PORT                   = "$Port"
    }
    if ($BotId) { $environment.BOT_ID = $BotId }
    if ($BotTenantId) { $environment.BOT_TENANT_ID = $BotTenantId }
    foreach ($name in $environment.Keys) {
        $variable = Add-Element $service 'env'
        $variable.SetAttribute('name', $name)
        $variable.SetAttribute('value', $environment[$name])
    }
    $xml
}

function Save-Xml([System.Xml.XmlDocument] $Xml, [string] $Path) {
    # Written directly (not Set-Content), so -WhatIf with -GenerateOnly still produces the file to review.
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try { $Xml.Save($writer) } finally { $writer.Dispose() }
}

function Set-PrivateAcl([string] $Path, [string] $Rights) {
    <# Inheritance cut, then only the service account, SYSTEM and administrators. #>
    & icacls.exe $Path /inheritance:r /grant:r "${ServiceAccount}:$Rights" 'NT AUTHORITY\SYSTEM:(OI)(CI)F' 'BUILTIN\Administrators:(OI)(CI)F' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls failed on $Path (exit $LASTEXITCODE)" }
}

$xml = New-WinSWXml

if ($GenerateOnly) {
    if (-not $OutDir) { throw '-GenerateOnly needs -OutDir' }
    New-Item -ItemType Directory -Force -Path $OutDir -WhatIf:$false | Out-Null
    $path = [System.IO.Path]::Combine((Resolve-Path $OutDir).Path, "$ServiceId.xml")
    Save-Xml $xml $path
    Write-Output $path
    return
}

if ($PSVersionTable.PSEdition -eq 'Core' -and -not $IsWindows) { throw 'installing a Windows service needs Windows (use -GenerateOnly elsewhere)' }
if (-not $WinSWPath -or -not (Test-Path -LiteralPath $WinSWPath)) { throw '-WinSWPath must name the downloaded WinSW-x64.exe (see Get-Help .\install-service.ps1)' }
if (-not (Test-Path -LiteralPath "$InstallDir\dist\bot\start.js")) { throw "no build at $InstallDir\dist\bot\start.js (npm run build, then copy the folder)" }
if (-not (Test-Path -LiteralPath $NodePath)) { throw "no node at $NodePath (-NodePath)" }

$wrapper = "$InstallDir\$ServiceId.exe"
if ($PSCmdlet.ShouldProcess($wrapper, 'copy WinSW and write its service definition')) {
    Copy-Item -LiteralPath $WinSWPath -Destination $wrapper -Force
    Save-Xml $xml "$InstallDir\$ServiceId.xml"
}

if ($PSCmdlet.ShouldProcess($ServiceId, "install the service as $ServiceAccount")) {
    & $wrapper install
    if ($LASTEXITCODE -ne 0) { throw "WinSW install failed (exit $LASTEXITCODE)" }
}

# The folders after the service: its virtual account exists only once the service is installed.
foreach ($folder in "$DataDir\data", "$DataDir\logs", $KeysDir, $SecretsDir) {
    if ($PSCmdlet.ShouldProcess($folder, "create, readable by $ServiceAccount only")) {
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $rights = if ($folder -eq $SecretsDir) { '(OI)(CI)R' } else { '(OI)(CI)M' }
        Set-PrivateAcl $folder $rights
    }
}

if (-not (Test-Path -LiteralPath $PasswordFile) -and $PSCmdlet.ShouldProcess($PasswordFile, 'write the bot password')) {
    if (-not $BotPassword) { $BotPassword = Read-Host -AsSecureString 'Bot client secret' }
    $plain = [System.Net.NetworkCredential]::new('', $BotPassword).Password
    # Created inside the secrets folder, so it is born with that folder's ACL: never readable by others.
    [System.IO.File]::WriteAllText($PasswordFile, $plain, [System.Text.UTF8Encoding]::new($false))
    $plain = $null
}

if ($PSCmdlet.ShouldProcess($ServiceId, 'start the service')) {
    & $wrapper start
    if ($LASTEXITCODE -ne 0) { throw "WinSW start failed (exit $LASTEXITCODE); see $DataDir\logs" }
}
