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

. (Join-Path $PSScriptRoot 'RdsBotEntry.ps1')

try {
    $call = ConvertFrom-RdsBotPayload -PayloadBase64 $PayloadBase64
    $innerBase64 = $call.InnerBase64
    $timeout = $call.Timeout
}
catch {
    Write-RdsBotResult (Get-RdsBotFailure -Code 'payload_invalid' -Message "$($_.Exception.Message)")
    exit 2
}

. (Join-Path $PSScriptRoot 'Get-RdsModuleBundle.ps1')

# Lab hosts get the hive-file access layer; every other host the Windows one, never the lab's code.
$moduleText = Get-RdsModuleBundle -Backend $call.Backend
$remote = $script:RdsBotRemote

$transport = $call.Target['transport']
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
    $invoke = Get-RdsBotSshConnection -Transport $transport -Timeout $timeout
    $invoke['ScriptBlock'] = $remote
    $invoke['ArgumentList'] = @($moduleText, $innerBase64)
    $invoke['ErrorAction'] = 'Stop'
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
