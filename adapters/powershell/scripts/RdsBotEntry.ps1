<#
    What both entry points share (Invoke-RdsBotOperation.ps1, one pwsh per call; RdsBotWarm.ps1, a
    long-lived pwsh holding sessions): the result line, the checks of the connection details, the
    payload split into connection and operation, the ssh options (key only, pinned host keys, never a
    prompt) and the script block a host runs.
#>

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

function ConvertFrom-RdsBotPayload {
    <# The payload checked and split: the target (re-checked), the connect timeout, and the operation
       fields alone, re-encoded, so the target never sees connection details. Throws on anything bad. #>
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    if ($PayloadBase64 -notmatch '^[A-Za-z0-9+/]*={0,2}$') { throw 'payload: not base64' }
    $payload = ConvertFrom-Json -AsHashtable -InputObject ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($PayloadBase64)))
    if ($payload -isnot [hashtable] -or $payload['target'] -isnot [hashtable]) { throw 'payload.target: missing' }
    Assert-RdsBotTarget -Target $payload['target']
    $timeout = if ($payload['connectTimeoutSeconds'] -is [long] -or $payload['connectTimeoutSeconds'] -is [int]) { [int]$payload['connectTimeoutSeconds'] } else { 10 }
    if ($timeout -lt 1 -or $timeout -gt 120) { throw 'payload.connectTimeoutSeconds: invalid' }
    $inner = [ordered]@{ operation = $payload['operation']; params = $payload['params']; whatIf = $payload['whatIf']; requestId = $payload['requestId'] }
    return @{
        Target      = $payload['target']
        Timeout     = $timeout
        InnerBase64 = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $inner -Depth 10 -Compress)))
        Backend     = $(if ($payload['target']['transport']['lab'] -eq $true) { 'Lab' } else { 'Windows' })
    }
}

function Get-RdsBotSshConnection {
    <# The New-PSSession / Invoke-Command parameters for an ssh transport: key only, pinned host keys. #>
    param ([Parameter(Mandatory)][hashtable] $Transport, [Parameter(Mandatory)][int] $Timeout)
    return @{
        HostName    = $Transport['address']
        Port        = [int]$Transport['port']
        UserName    = $Transport['user']
        KeyFilePath = $Transport['keyFile']
        Options     = @{
            BatchMode                    = 'yes'
            StrictHostKeyChecking        = 'yes'
            UserKnownHostsFile           = $Transport['knownHostsFile']
            GlobalKnownHostsFile         = '/dev/null'
            IdentitiesOnly               = 'yes'
            PasswordAuthentication       = 'no'
            KbdInteractiveAuthentication = 'no'
            ConnectTimeout               = "$Timeout"
            ServerAliveInterval          = '5'
            ServerAliveCountMax          = '3'
        }
    }
}

# What a host runs for one call of the cold path: load the module sent with it, run the operation, answer in JSON.
$script:RdsBotRemote = {
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
