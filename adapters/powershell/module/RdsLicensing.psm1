#Requires -Version 5.1
<#
    RdsLicensing: the target-side half of RDS Licensing Bot.

    The bot sends this module's text with every call (no agent on the target) and calls one entry point,
    Invoke-RdsLicensingOperation, with one argument: base64 of UTF-8 JSON. Request text never becomes
    PowerShell text; registry paths and value names are constants in this file.

    Layout:
      1. Access layer: the only code that touches the registry. On Windows it is the real registry; on any
         other OS it is a hive file named by RDSBOT_HIVE_FILE (how the lab simulates a Windows host).
      2. Operations: one function per catalogue operation, SupportsShouldProcess, returning a result object.
      3. Entry point: decodes and validates the payload, dispatches, returns one result object.
#>

Set-StrictMode -Version 3.0

$script:ClientLicensePaths = @(
    'HKLM\SOFTWARE\Microsoft\MSLicensing',
    'HKLM\SOFTWARE\WOW6432Node\Microsoft\MSLicensing'
)
$script:ClientLicenseSubkeys = @('HardwareID', 'Store')

#region Access layer

function Get-RdsAccessBackend {
    <# Which store this host's registry lives in: the Windows registry or a hive file. #>
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) { return 'Registry' }
    if ($env:RDSBOT_HIVE_FILE) { return 'HiveFile' }
    throw [System.PlatformNotSupportedException]::new('This host has no Windows registry.')
}

function Get-RdsComputerName {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if ((Get-RdsAccessBackend) -eq 'HiveFile') { return (Read-RdsHive)['computerName'] }
    return $env:COMPUTERNAME
}

function Get-RdsBackupDirectory {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if ((Get-RdsAccessBackend) -eq 'HiveFile') {
        return Join-Path (Split-Path -Parent $env:RDSBOT_HIVE_FILE) 'backups'
    }
    return Join-Path $env:ProgramData 'RdsBot\Backups'
}

function Read-RdsHive {
    [CmdletBinding()]
    param ()
    $json = [System.IO.File]::ReadAllText($env:RDSBOT_HIVE_FILE, [System.Text.Encoding]::UTF8)
    return ConvertFrom-Json -InputObject $json -AsHashtable
}

function Write-RdsHive {
    <# Writes the whole hive atomically (temp file + rename) so a killed call never leaves half a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][hashtable] $Hive)
    if (-not $PSCmdlet.ShouldProcess($env:RDSBOT_HIVE_FILE, 'Write hive')) { return }
    $temp = "$($env:RDSBOT_HIVE_FILE).$PID.tmp"
    $json = ConvertTo-Json -InputObject $Hive -Depth 20
    [System.IO.File]::WriteAllText($temp, $json, [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $env:RDSBOT_HIVE_FILE, $true)
}

function Find-RdsHiveKeyName {
    <# Registry key names are case-insensitive; returns the stored spelling of $Path, or $null. #>
    param ([hashtable] $Hive, [string] $Path)
    foreach ($name in $Hive['registry'].Keys) {
        if ([string]::Equals($name, $Path, [System.StringComparison]::OrdinalIgnoreCase)) { return $name }
    }
    return $null
}

function ConvertTo-RdsProviderPath {
    param ([string] $Path)
    return 'Registry::' + ($Path -replace '^HKLM\\', 'HKEY_LOCAL_MACHINE\')
}

function Test-RdsRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param ([Parameter(Mandatory)][string] $Path)
    if ((Get-RdsAccessBackend) -eq 'HiveFile') {
        return $null -ne (Find-RdsHiveKeyName -Hive (Read-RdsHive) -Path $Path)
    }
    return Test-Path -LiteralPath (ConvertTo-RdsProviderPath $Path)
}

function Get-RdsRegistrySubkeyName {
    <# Names of the direct subkeys of $Path, sorted. #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    if ((Get-RdsAccessBackend) -eq 'HiveFile') {
        $hive = Read-RdsHive
        $prefix = "$Path\"
        $names = foreach ($name in $hive['registry'].Keys) {
            if ($name.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
                $rest = $name.Substring($prefix.Length)
                if ($rest -notmatch '\\') { $rest }
            }
        }
        return @($names | Sort-Object)
    }
    $items = Get-ChildItem -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction Stop
    return @($items | ForEach-Object { $_.PSChildName } | Sort-Object)
}

function Export-RdsRegistryKey {
    <#
        Backs up a key with everything below it to $Destination before a change. On Windows this is
        `reg.exe export` (.reg); in a hive file it is the subtree as JSON. Returns the file's SHA-256.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Destination)
    New-Item -ItemType Directory -Path (Split-Path -Parent $Destination) -Force | Out-Null
    if ((Get-RdsAccessBackend) -eq 'HiveFile') {
        $hive = Read-RdsHive
        $subtree = [ordered]@{}
        foreach ($name in ($hive['registry'].Keys | Sort-Object)) {
            if ([string]::Equals($name, $Path, [System.StringComparison]::OrdinalIgnoreCase) -or
                $name.StartsWith("$Path\", [System.StringComparison]::OrdinalIgnoreCase)) {
                $subtree[$name] = $hive['registry'][$name]
            }
        }
        $json = ConvertTo-Json -InputObject ([ordered]@{ format = 'rdsbot-hive-export/1'; registry = $subtree }) -Depth 20
        [System.IO.File]::WriteAllText($Destination, $json, [System.Text.UTF8Encoding]::new($false))
    }
    else {
        & reg.exe export $Path $Destination /y | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "reg export of $Path failed with exit code $LASTEXITCODE" }
    }
    return (Get-FileHash -LiteralPath $Destination -Algorithm SHA256).Hash.ToLowerInvariant()
}

function Remove-RdsRegistryKey {
    <# Deletes a key and everything below it. A key that is already gone is not an error. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Delete registry key')) { return }
    if ((Get-RdsAccessBackend) -eq 'HiveFile') {
        $hive = Read-RdsHive
        $doomed = @($hive['registry'].Keys | Where-Object {
                [string]::Equals($_, $Path, [System.StringComparison]::OrdinalIgnoreCase) -or
                $_.StartsWith("$Path\", [System.StringComparison]::OrdinalIgnoreCase)
            })
        foreach ($name in $doomed) { $hive['registry'].Remove($name) }
        Write-RdsHive -Hive $hive -WhatIf:$false
        return
    }
    $providerPath = ConvertTo-RdsProviderPath $Path
    if (Test-Path -LiteralPath $providerPath) { Remove-Item -LiteralPath $providerPath -Recurse -Force -ErrorAction Stop }
}

#endregion

#region Operations

function Reset-RdsClientLicenseCache {
    <#
    .SYNOPSIS
        Deletes the RDP client's cached licence (MSLicensing) so the next connection gets a new one.
    .DESCRIPTION
        Checks both the native and the WOW6432Node location (a 32-bit RDP host uses the latter) and acts on
        whichever exist. Scope 'key' deletes the whole MSLicensing key (KB 187614); scope 'subkeys' deletes
        only HardwareID and Store. Every existing location is exported before anything is deleted.
        Idempotent: with nothing left to delete it reports changed = $false.
    .PARAMETER Scope
        'key' (default) or 'subkeys'.
    .PARAMETER RequestId
        The bot's request id, used to name the backup file.
    .EXAMPLE
        Reset-RdsClientLicenseCache -Scope key -RequestId r-1 -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param (
        [ValidateSet('key', 'subkeys')][string] $Scope = 'key',
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $items = foreach ($path in $script:ClientLicensePaths) {
        $exists = Test-RdsRegistryKey -Path $path
        $subkeys = if ($exists) { @(Get-RdsRegistrySubkeyName -Path $path) } else { @() }
        $targets = if (-not $exists) { @() }
        elseif ($Scope -eq 'key') { @($path) }
        else { @($script:ClientLicenseSubkeys | Where-Object { $subkeys -contains $_ } | ForEach-Object { "$path\$_" }) }
        [ordered]@{ path = $path; existed = $exists; subkeys = [string[]]@($subkeys); targets = [string[]]@($targets) }
    }
    $changed = @($items | Where-Object { $_.targets.Count -gt 0 }).Count -gt 0
    $backup = $null

    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Delete client licence cache ($Scope)")) {
        $stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
        $directory = Get-RdsBackupDirectory
        foreach ($item in $items | Where-Object { $_.existed }) {
            $leaf = if ($item.path -match 'WOW6432Node') { 'MSLicensing-WOW6432Node' } else { 'MSLicensing' }
            $ext = if ((Get-RdsAccessBackend) -eq 'HiveFile') { 'json' } else { 'reg' }
            $file = Join-Path $directory "$RequestId-$leaf-$stamp.$ext"
            $hash = Export-RdsRegistryKey -Path $item.path -Destination $file
            # One backup per call is reported; the WOW6432Node twin (rare) gets its own file beside it.
            if ($null -eq $backup) { $backup = [ordered]@{ path = $file; sha256 = $hash } }
        }
        foreach ($item in $items) {
            foreach ($target in $item.targets) { Remove-RdsRegistryKey -Path $target -Confirm:$false }
        }
    }

    $whatIf = [bool]$WhatIfPreference
    $report = foreach ($item in $items) {
        # After a real run this is what the module reads back; in a preview it is what the run would leave.
        $present = if (-not $whatIf -and $changed) { Test-RdsRegistryKey -Path $item.path }
        elseif ($Scope -eq 'key') { $false }
        else { $item.existed }
        [ordered]@{
            path    = $item.path
            existed = $item.existed
            subkeys = @($item.subkeys)
            action  = if ($item.targets.Count -gt 0) { 'delete' } else { 'none' }
            after   = if ($present) { 'present' } else { 'absent' }
        }
    }
    $verified = $true
    if (-not $whatIf -and $changed) {
        foreach ($item in $items) {
            foreach ($target in $item.targets) { if (Test-RdsRegistryKey -Path $target) { $verified = $false } }
        }
    }
    return [ordered]@{
        ok        = $true
        operation = 'client.reset_license_cache'
        host      = Get-RdsComputerName
        whatIf    = $whatIf
        changed   = $changed
        items     = @($report)
        backup    = $backup
        verified  = $verified
    }
}

#endregion

#region Entry point

$script:Operations = @{
    'client.reset_license_cache' = @{
        Command = 'Reset-RdsClientLicenseCache'
        Params  = @{ scope = @{ Parameter = 'Scope'; Allowed = @('key', 'subkeys') } }
    }
}

function ConvertFrom-RdsPayload {
    <# Decodes and validates the payload; throws ArgumentException naming the first bad field. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    if ($PayloadBase64.Length -gt 65536 -or $PayloadBase64 -notmatch '^[A-Za-z0-9+/]*={0,2}$') {
        throw [System.ArgumentException]::new('payload: not base64')
    }
    try {
        $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($PayloadBase64))
        $payload = ConvertFrom-Json -InputObject $json -AsHashtable -ErrorAction Stop
    }
    catch { throw [System.ArgumentException]::new('payload: not base64 JSON') }
    if ($payload -isnot [hashtable]) { throw [System.ArgumentException]::new('payload: not an object') }
    foreach ($key in $payload.Keys) {
        if ($key -notin @('operation', 'params', 'whatIf', 'requestId')) { throw [System.ArgumentException]::new("payload.${key}: unknown field") }
    }
    if ($payload['operation'] -isnot [string] -or -not $script:Operations.ContainsKey($payload['operation'])) {
        throw [System.ArgumentException]::new('payload.operation: not a catalogue operation')
    }
    if ($payload['requestId'] -isnot [string] -or $payload['requestId'] -notmatch '^[A-Za-z0-9-]{1,64}$') {
        throw [System.ArgumentException]::new('payload.requestId: invalid')
    }
    if ($payload['whatIf'] -isnot [bool]) { throw [System.ArgumentException]::new('payload.whatIf: must be true or false') }
    $params = if ($payload.ContainsKey('params') -and $null -ne $payload['params']) { $payload['params'] } else { @{} }
    if ($params -isnot [hashtable]) { throw [System.ArgumentException]::new('payload.params: not an object') }
    $spec = $script:Operations[$payload['operation']]
    $splat = @{ RequestId = $payload['requestId']; WhatIf = $payload['whatIf'] }
    foreach ($key in $params.Keys) {
        $rule = $spec['Params'][$key]
        if ($null -eq $rule) { throw [System.ArgumentException]::new("payload.params.${key}: unknown parameter") }
        $value = $params[$key]
        if ($value -isnot [string] -or $value -cnotin $rule['Allowed']) {
            throw [System.ArgumentException]::new("payload.params.${key}: must be one of $($rule['Allowed'] -join ', ')")
        }
        $splat[$rule['Parameter']] = $value
    }
    return @{ Command = $spec['Command']; Splat = $splat }
}

function Invoke-RdsLicensingOperation {
    <#
    .SYNOPSIS
        The one entry point: runs a catalogue operation described by a base64 JSON payload.
    .PARAMETER PayloadBase64
        Base64 of UTF-8 JSON: { operation, params, whatIf, requestId }.
    .OUTPUTS
        One ordered dictionary (the operation's result) that the caller serialises to JSON.
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    $call = ConvertFrom-RdsPayload -PayloadBase64 $PayloadBase64
    $splat = $call['Splat']
    return & $call['Command'] @splat
}

#endregion

Export-ModuleMember -Function Invoke-RdsLicensingOperation, Reset-RdsClientLicenseCache
