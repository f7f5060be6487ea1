#Requires -Version 7.2
<#
.SYNOPSIS
    The one script the bot runs: sends the RdsLicensing module and a payload to a host and prints the result.
.DESCRIPTION
    Takes one argument, base64 of UTF-8 JSON:
        { target: { name, transport }, operation, params, whatIf, requestId, connectTimeoutSeconds }
    It validates the payload again (the bot already did), reaches the host over PowerShell remoting over SSH
    (Invoke-Command -HostName, key only, pinned host keys, never a prompt), over WinRM (Kerberos; to a JEA
    endpoint as one structured command when a configuration name is given) or runs locally, and prints one line
    "RDSBOT-RESULT <json>" with either the module's result or { ok = $false; code; message }.
.PARAMETER PayloadBase64
    The operation request; the only value that crosses from the bot into PowerShell.
#>
[CmdletBinding()]
param ([Parameter(Mandatory)][string] $PayloadBase64)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Write-RdsBotResult {
    param ([Parameter(Mandatory)] $Result)
    $json = if ($Result -is [string]) { $Result } else { ConvertTo-Json -InputObject $Result -Depth 20 -Compress }
    [Console]::Out.WriteLine("RDSBOT-RESULT $json")
}

function Get-RdsBotFailure {
    param ([string] $Code, [string] $Message)
    return [ordered]@{ ok = $false; code = $Code; message = $Message }
}

function Assert-RdsBotTarget {
    <# Re-checks the connection details; host names and paths must be plain, never PowerShell or ssh syntax. #>
    param ([hashtable] $Target)
    if ($Target['name'] -isnot [string] -or $Target['name'] -notmatch '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$') { throw 'target.name: invalid' }
    $transport = $Target['transport']
    if ($transport -isnot [hashtable]) { throw 'target.transport: missing' }
    switch ($transport['type']) {
        'local' { return }
        'ssh' {
            if ($transport['address'] -isnot [string] -or $transport['address'] -notmatch '^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$') { throw 'target.transport.address: invalid' }
            if ($transport['user'] -isnot [string] -or $transport['user'] -notmatch '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$') { throw 'target.transport.user: invalid' }
            if ($transport['port'] -isnot [long] -and $transport['port'] -isnot [int]) { throw 'target.transport.port: invalid' }
            if ($transport['port'] -lt 1 -or $transport['port'] -gt 65535) { throw 'target.transport.port: invalid' }
            foreach ($field in 'keyFile', 'knownHostsFile') {
                $value = $transport[$field]
                if ($value -isnot [string] -or $value -notmatch '^[A-Za-z0-9_./:\\ -]{1,1024}$' -or -not (Test-Path -LiteralPath $value -PathType Leaf)) {
                    throw "target.transport.${field}: invalid or missing"
                }
            }
        }
        'winrm' {
            if ($transport['computerName'] -isnot [string] -or $transport['computerName'] -notmatch '^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$') { throw 'target.transport.computerName: invalid' }
            if ($transport.Contains('configurationName') -and ($transport['configurationName'] -isnot [string] -or $transport['configurationName'] -notmatch '^[A-Za-z0-9._-]{1,64}$')) { throw 'target.transport.configurationName: invalid' }
            if (-not ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows)) { throw 'target.transport.type: winrm needs a Windows bot host (WinRM remoting from Linux is not supported)' }
        }
        default { throw 'target.transport.type: must be ssh, winrm or local' }
    }
}

try {
    if ($PayloadBase64 -notmatch '^[A-Za-z0-9+/]*={0,2}$') { throw 'payload: not base64' }
    $payload = ConvertFrom-Json -AsHashtable -InputObject ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($PayloadBase64)))
    if ($payload -isnot [hashtable] -or $payload['target'] -isnot [hashtable]) { throw 'payload.target: missing' }
    Assert-RdsBotTarget -Target $payload['target']
    $timeout = if ($payload['connectTimeoutSeconds'] -is [long] -or $payload['connectTimeoutSeconds'] -is [int]) { [int]$payload['connectTimeoutSeconds'] } else { 10 }
    if ($timeout -lt 1 -or $timeout -gt 120) { throw 'payload.connectTimeoutSeconds: invalid' }
    # What the target receives: only the operation fields, re-encoded, so the target never sees connection details.
    $inner = [ordered]@{ operation = $payload['operation']; params = $payload['params']; whatIf = $payload['whatIf']; requestId = $payload['requestId'] }
    $innerBase64 = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $inner -Depth 10 -Compress)))
}
catch {
    Write-RdsBotResult (Get-RdsBotFailure -Code 'payload_invalid' -Message "$($_.Exception.Message)")
    exit 2
}

. (Join-Path $PSScriptRoot 'Get-RdsModuleBundle.ps1')

# Lab hosts get the hive-file access layer; every other host the Windows one, never the lab's code.
$moduleText = Get-RdsModuleBundle -Backend $(if ($payload['target']['transport']['lab'] -eq $true) { 'Lab' } else { 'Windows' })
$remote = {
    param ($ModuleText, $Payload)
    $ErrorActionPreference = 'Stop'
    try {
        New-Module -Name RdsLicensing -ScriptBlock ([scriptblock]::Create($ModuleText)) | Import-Module
        ConvertTo-Json -InputObject (Invoke-RdsLicensingOperation -PayloadBase64 $Payload) -Depth 20 -Compress
    }
    catch [System.ArgumentException] {
        ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; code = 'target_refused'; message = $_.Exception.Message })
    }
    catch {
        ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; code = 'target_failed'; message = $_.Exception.Message })
    }
}

$transport = $payload['target']['transport']
if ($transport['type'] -eq 'local') {
    $output = & $remote $moduleText $innerBase64
}
elseif ($transport['type'] -eq 'winrm' -and $transport.Contains('configurationName')) {
    # A JEA endpoint (NoLanguage): the module is installed there, so the call is one structured command
    # with one parameter, never script text.
    try {
        $session = New-PSSession -ComputerName $transport['computerName'] -ConfigurationName $transport['configurationName'] -ErrorAction Stop
    }
    catch {
        Write-RdsBotResult (Get-RdsBotFailure -Code 'host_unreachable' -Message "$($_.Exception.GetType().Name): $($_.Exception.Message)")
        exit 3
    }
    try {
        $shell = [powershell]::Create()
        $shell.Runspace = $session.Runspace
        [void]$shell.AddCommand('Invoke-RdsLicensingOperation').AddParameter('PayloadBase64', $innerBase64)
        $result = $shell.Invoke()
        $output = if ($shell.HadErrors) {
            $problem = $shell.Streams.Error | Select-Object -First 1
            $code = if ($problem.Exception -is [System.ArgumentException]) { 'target_refused' } else { 'target_failed' }
            ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; code = $code; message = "$($problem.Exception.Message)" })
        }
        else { ConvertTo-Json -InputObject ($result | Select-Object -First 1) -Depth 20 -Compress }
    }
    finally { Remove-PSSession -Session $session -ErrorAction SilentlyContinue }
}
elseif ($transport['type'] -eq 'winrm') {
    try {
        $output = Invoke-Command -ComputerName $transport['computerName'] -ScriptBlock $remote -ArgumentList @($moduleText, $innerBase64) -ErrorAction Stop
    }
    catch {
        Write-RdsBotResult (Get-RdsBotFailure -Code 'host_unreachable' -Message "$($_.Exception.GetType().Name): $($_.Exception.Message)")
        exit 3
    }
}
else {
    $sshOptions = @{
        BatchMode                    = 'yes'
        StrictHostKeyChecking        = 'yes'
        UserKnownHostsFile           = $transport['knownHostsFile']
        GlobalKnownHostsFile         = '/dev/null'
        IdentitiesOnly               = 'yes'
        PasswordAuthentication       = 'no'
        KbdInteractiveAuthentication = 'no'
        ConnectTimeout               = "$timeout"
        ServerAliveInterval          = '5'
        ServerAliveCountMax          = '3'
    }
    $invoke = @{
        HostName     = $transport['address']
        Port         = [int]$transport['port']
        UserName     = $transport['user']
        KeyFilePath  = $transport['keyFile']
        Options      = $sshOptions
        ScriptBlock  = $remote
        ArgumentList = @($moduleText, $innerBase64)
        ErrorAction  = 'Stop'
    }
    try {
        $output = Invoke-Command @invoke
    }
    catch {
        # The remote script block catches its own errors and answers in JSON, so anything that escapes
        # Invoke-Command is the session itself: refused, unknown host key, dropped connection.
        Write-RdsBotResult (Get-RdsBotFailure -Code 'host_unreachable' -Message "$($_.Exception.GetType().Name): $($_.Exception.Message)")
        exit 3
    }
}
$line = @($output | Where-Object { $_ -is [string] }) | Select-Object -Last 1
if (-not $line) {
    Write-RdsBotResult (Get-RdsBotFailure -Code 'executor_failed' -Message 'The target returned no result.')
    exit 4
}
Write-RdsBotResult $line
