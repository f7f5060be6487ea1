<#
    Lab access layer, registry half: a hive file named by RDSBOT_HIVE_FILE stands in for the Windows
    registry, so a Linux lab host behaves like a Windows host. The bot sends this backend only to
    inventory hosts whose transport says `lab: true`, and it refuses to run on Windows.
#>

if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
    throw [System.PlatformNotSupportedException]::new('The lab access layer never runs on Windows.')
}

function Get-RdsComputerName {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    return (Read-RdsHive)['computerName']
}

function Get-RdsBackupDirectory {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    return Join-Path (Split-Path -Parent $env:RDSBOT_HIVE_FILE) 'backups'
}

function Test-RdsRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param ([Parameter(Mandatory)][string] $Path)
    # A key exists when it is listed or when a listed key lies below it (parents are implicit).
    return @((Read-RdsHive)['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $Path }).Count -gt 0
}

function Get-RdsRegistrySubkeyName {
    <# Names of the direct subkeys of $Path, sorted. #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    $prefix = "$Path\"
    $names = foreach ($name in (Read-RdsHive)['registry'].Keys) {
        if ($name.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $rest = $name.Substring($prefix.Length)
            if ($rest -notmatch '\\') { $rest }
        }
    }
    return [string[]]@($names | Sort-Object)
}

function Get-RdsRegistryValue {
    <# One value as @{ type; data }, or $null when the key or value does not exist. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    if ($null -eq $key) { return $null }
    $values = $hive['registry'][$key]['values']
    foreach ($valueName in $values.Keys) {
        if ([string]::Equals($valueName, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { return $values[$valueName] }
    }
    return $null
}

function Get-RdsRegistryValueName {
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    if ($null -eq $key) { return [string[]]@() }
    return [string[]]@($hive['registry'][$key]['values'].Keys | Sort-Object)
}

function Set-RdsRegistryValue {
    [CmdletBinding(SupportsShouldProcess)]
    param (
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][ValidateSet('String', 'DWord', 'MultiString', 'Binary')][string] $Type,
        [Parameter(Mandatory)][AllowEmptyCollection()] $Data
    )
    if (-not $PSCmdlet.ShouldProcess("$Path\$Name", "Set $Type value")) { return }
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    if ($null -eq $key) {
        # Parents are implicit in a hive file, so creating the key is enough (New-Item -Force on Windows).
        $hive['registry'][$Path] = [ordered]@{ values = [ordered]@{} }
        $key = $Path
    }
    Assert-RdsHiveWriteAccess -Entry $hive['registry'][$key] -Path $Path
    $stored = if ($Type -eq 'MultiString') { [string[]]@($Data) } else { $Data }
    $hive['registry'][$key]['values'][$Name] = [ordered]@{ type = $Type; data = $stored }
    Write-RdsHive -Hive $hive
    return
}

function Remove-RdsRegistryValue {
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
    if (-not $PSCmdlet.ShouldProcess("$Path\$Name", 'Delete registry value')) { return }
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    if ($null -eq $key) { return }
    Assert-RdsHiveWriteAccess -Entry $hive['registry'][$key] -Path $Path
    $values = $hive['registry'][$key]['values']
    foreach ($valueName in @($values.Keys)) {
        if ([string]::Equals($valueName, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { $values.Remove($valueName) }
    }
    Write-RdsHive -Hive $hive
    return
}

function Remove-RdsRegistryKey {
    <# Deletes a key and everything below it. A key that is already gone is not an error. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Delete registry key')) { return }
    $hive = Read-RdsHive
    foreach ($name in @($hive['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $Path })) { $hive['registry'].Remove($name) }
    Write-RdsHive -Hive $hive
    return
}

function Get-RdsKeySecurity {
    <# The key's owner and SDDL, read before anything changes them. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path)
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    if ($null -eq $key) { return $null }
    $entry = $hive['registry'][$key]
    return @{ owner = $entry['owner']; sddl = $entry['sddl'] }
}

function Set-RdsKeySecurity {
    <# Puts an owner and SDDL back exactly (restoring another owner needs SeRestorePrivilege on Windows). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Owner, [Parameter(Mandatory)][string] $Sddl)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Restore owner and ACL')) { return }
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    $hive['registry'][$key]['owner'] = $Owner
    $hive['registry'][$key]['sddl'] = $Sddl
    Write-RdsHive -Hive $hive
    return
}

function Grant-RdsAdministratorsKeyAccess {
    <#
        Takes ownership of a key for Administrators and grants them full control, so a protected value
        can be deleted (the grace-period key). Windows: SeTakeOwnershipPrivilege through the documented
        AdjustTokenPrivileges, a fresh RegistrySecurity so only the owner section is written first.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Take ownership for Administrators and grant full control')) { return }
    $hive = Read-RdsHive
    $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
    $entry = $hive['registry'][$key]
    $entry['owner'] = 'S-1-5-32-544'
    $sddl = if ($entry.Contains('sddl') -and $entry['sddl']) { [string]$entry['sddl'] } else { 'D:' }
    $entry['sddl'] = ($sddl -replace '^O:[^:]+?(?=G:|D:)', 'O:BA') + '(A;;KA;;;BA)'
    Write-RdsHive -Hive $hive
    return
}

function Export-RdsRegistryBackup {
    <#
        Backs up keys (with everything below them) before a change and returns @{ path; sha256 }: one
        JSON file holding the subtrees, their owners and ACLs, and which keys did not exist (a rollback
        removes what the change created).
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string[]] $Path, [Parameter(Mandatory)][string] $RequestId, [Parameter(Mandatory)][string] $Label)
    $hive = Read-RdsHive
    $keys = [ordered]@{}
    foreach ($name in ($hive['registry'].Keys | Sort-Object)) {
        foreach ($root in $Path) { if (Test-RdsUnderKey -Name $name -Path $root) { $keys[$name] = $hive['registry'][$name] } }
    }
    $absent = [string[]]@($Path | Where-Object { $null -eq (Find-RdsHiveKeyName -Hive $hive -Path $_) })
    $document = [ordered]@{ format = 'rdsbot-backup/hive/2'; roots = [string[]]@($Path); absent = $absent; registry = $keys }
    return Save-RdsBackupDocument -Document $document -RequestId $RequestId -Label $Label
}

function Import-RdsRegistryBackup {
    <# Puts the backed-up keys back exactly: the subtrees are replaced, keys the change created are removed. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $BackupPath)
    $document = Read-RdsBackupDocument -BackupPath $BackupPath -Format 'rdsbot-backup/hive/2' -ShapeKey 'registry' -What 'lab hive'
    if (-not $PSCmdlet.ShouldProcess(($document['roots'] -join ', '), 'Restore from backup')) { return }
    $hive = Read-RdsHive
    foreach ($root in $document['roots']) {
        foreach ($name in @($hive['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $root })) { $hive['registry'].Remove($name) }
    }
    foreach ($name in $document['registry'].Keys) { $hive['registry'][$name] = $document['registry'][$name] }
    Write-RdsHive -Hive $hive
    return
}
