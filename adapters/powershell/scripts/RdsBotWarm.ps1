#Requires -Version 7.2
<#
.SYNOPSIS
    The warm entry point: dot-sourced once into a long-lived pwsh, it keeps one PowerShell session per
    ssh host and the module loaded in it, so a call costs one round trip instead of a new pwsh, a new
    ssh connection, a new remote pwsh and the module's text.
.DESCRIPTION
    Invoke-RdsBotWarm takes the same payload as Invoke-RdsBotOperation.ps1 and prints the same one
    "RDSBOT-RESULT <json>" line. For ssh targets it reuses a session when it is open, younger than
    RDSBOT_SESSION_MAX_MINUTES and has run fewer than RDSBOT_SESSION_MAX_OPERATIONS calls (read once
    from the environment the executor starts pwsh with); otherwise it builds a new one (key only,
    pinned host keys). The module is sent to a session once and again only when its hash changes (a
    module edited on disk reloads). A transport error drops the session, so the next call rebuilds it;
    a call is never retried, because the operation may have run. Other transports (WinRM, JEA, local)
    take the cold path unchanged. The caller (the bot's warm executor) runs one call at a time here.
#>

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

. (Join-Path $PSScriptRoot 'RdsBotEntry.ps1')
. (Join-Path $PSScriptRoot 'Get-RdsModuleBundle.ps1')

$script:RdsBotSessions = @{}
$script:RdsBotBundles = @{}
$script:RdsBotColdEntry = Join-Path $PSScriptRoot 'Invoke-RdsBotOperation.ps1'
$script:RdsBotModuleRoot = Join-Path $PSScriptRoot '..' 'module' 'RdsLicensing'

function Get-RdsBotLimit {
    <# A whole number from the environment, or the default when it is missing or not a sane number. #>
    param ([string] $Name, [int] $Default)
    $value = 0
    if ([int]::TryParse([string][Environment]::GetEnvironmentVariable($Name), [ref]$value) -and $value -ge 1) { return $value }
    return $Default
}
$script:RdsBotMaxOperations = Get-RdsBotLimit -Name 'RDSBOT_SESSION_MAX_OPERATIONS' -Default 200
$script:RdsBotMaxMinutes = Get-RdsBotLimit -Name 'RDSBOT_SESSION_MAX_MINUTES' -Default 30
$script:RdsBotMaxSessions = Get-RdsBotLimit -Name 'RDSBOT_POOL_MAX_SESSIONS' -Default 64

# What a warm session runs: the module is already imported there (global), so only the payload crosses.
$script:RdsBotWarmRemote = {
    param ($Payload, $Hash)
    $ErrorActionPreference = 'Stop'
    if ($global:RdsBotModuleHash -ne $Hash) { return 'RDSBOT-RELOAD' }
    try { ConvertTo-Json -InputObject (Invoke-RdsLicensingOperation -PayloadBase64 $Payload) -Depth 20 -Compress }
    catch [System.ArgumentException] {
        ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; code = 'target_refused'; message = $_.Exception.Message })
    }
    catch {
        ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $false; code = 'target_failed'; message = $_.Exception.Message })
    }
}

$script:RdsBotLoadModule = {
    param ($ModuleText, $Hash)
    $ErrorActionPreference = 'Stop'
    Remove-Module -Name RdsLicensing -Force -ErrorAction SilentlyContinue
    New-Module -Name RdsLicensing -ScriptBlock ([scriptblock]::Create($ModuleText)) | Import-Module -Global
    $global:RdsBotModuleHash = $Hash
}

function Get-RdsBotBundle {
    <#
        The module text for a backend and its SHA-256, built once and again only when a module file
        changed (newer write time, or files added or removed): a call costs a directory listing, not
        reading and hashing every file.
    #>
    param ([string] $Backend)
    $files = @(Get-ChildItem -Path $script:RdsBotModuleRoot -Recurse -File)
    $stamp = '{0}:{1}' -f $files.Count, (($files | Measure-Object -Property LastWriteTimeUtc -Maximum).Maximum.Ticks)
    $cached = $script:RdsBotBundles[$Backend]
    if ($cached -and $cached.Stamp -eq $stamp) { return $cached }
    $text = Get-RdsModuleBundle -Backend $Backend
    $hash = [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($text)))
    $script:RdsBotBundles[$Backend] = @{ Text = $text; Hash = $hash; Stamp = $stamp }
    return $script:RdsBotBundles[$Backend]
}

function Close-RdsBotSession {
    param ([string] $Key)
    $entry = $script:RdsBotSessions[$Key]
    if ($entry) { Remove-PSSession -Session $entry.Session -ErrorAction SilentlyContinue }
    $script:RdsBotSessions.Remove($Key)
}

function Close-RdsBotSessions {
    <# Every session closed (the executor calls this before it stops the process). #>
    foreach ($key in @($script:RdsBotSessions.Keys)) { Close-RdsBotSession -Key $key }
}

function Invoke-RdsBotWarm {
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    try { $call = ConvertFrom-RdsBotPayload -PayloadBase64 $PayloadBase64 }
    catch { Write-RdsBotResult (Get-RdsBotFailure -Code 'payload_invalid' -Message "$($_.Exception.Message)"); return }
    $transport = $call.Target['transport']
    if ($transport['type'] -ne 'ssh') { & $script:RdsBotColdEntry -PayloadBase64 $PayloadBase64; return }

    $key = '{0}@{1}:{2}|{3}|{4}|{5}' -f $transport['user'], $transport['address'], $transport['port'], $transport['keyFile'], $transport['knownHostsFile'], $call.Backend
    $entry = $script:RdsBotSessions[$key]
    $stale = $entry -and ($entry.Session.State -ne 'Opened' -or $entry.Operations -ge $script:RdsBotMaxOperations -or ((Get-Date) - $entry.Started).TotalMinutes -ge $script:RdsBotMaxMinutes)
    if ($stale) { Close-RdsBotSession -Key $key; $entry = $null }
    if (-not $entry) {
        # At the bound, the session used longest ago makes room (it is rebuilt if its host comes back).
        while ($script:RdsBotSessions.Count -ge $script:RdsBotMaxSessions) {
            $oldest = $script:RdsBotSessions.GetEnumerator() | Sort-Object { $_.Value.LastUsed } | Select-Object -First 1
            Close-RdsBotSession -Key $oldest.Key
        }
        $connection = Get-RdsBotSshConnection -Transport $transport -Timeout $call.Timeout
        try { $session = New-PSSession @connection -ErrorAction Stop }
        catch {
            Write-RdsBotResult (Get-RdsBotFailure -Code 'host_unreachable' -Message "$($_.Exception.GetType().Name): $($_.Exception.Message)")
            return
        }
        $entry = @{ Session = $session; Operations = 0; Started = Get-Date; LastUsed = Get-Date }
        $script:RdsBotSessions[$key] = $entry
    }
    $bundle = Get-RdsBotBundle -Backend $call.Backend
    try {
        $output = Invoke-Command -Session $entry.Session -ScriptBlock $script:RdsBotWarmRemote -ArgumentList @($call.InnerBase64, $bundle.Hash) -ErrorAction Stop
        if ($output -eq 'RDSBOT-RELOAD') {
            Invoke-Command -Session $entry.Session -ScriptBlock $script:RdsBotLoadModule -ArgumentList @($bundle.Text, $bundle.Hash) -ErrorAction Stop
            $output = Invoke-Command -Session $entry.Session -ScriptBlock $script:RdsBotWarmRemote -ArgumentList @($call.InnerBase64, $bundle.Hash) -ErrorAction Stop
        }
    }
    catch {
        # The session itself failed (dropped connection, host gone): it is rebuilt on the next call.
        Close-RdsBotSession -Key $key
        Write-RdsBotResult (Get-RdsBotFailure -Code 'host_unreachable' -Message "$($_.Exception.GetType().Name): $($_.Exception.Message)")
        return
    }
    $entry.Operations += 1
    $entry.LastUsed = Get-Date
    $line = @($output | Where-Object { $_ -is [string] }) | Select-Object -Last 1
    if (-not $line) { Write-RdsBotResult (Get-RdsBotFailure -Code 'executor_failed' -Message 'The target returned no result.'); return }
    Write-RdsBotResult $line
}
