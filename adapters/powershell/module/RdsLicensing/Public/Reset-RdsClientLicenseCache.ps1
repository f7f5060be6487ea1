function Reset-RdsClientLicenseCache {
    <#
    .SYNOPSIS
        Deletes the RDP client's cached licence (MSLicensing) so the next connection gets a new one.
    .DESCRIPTION
        Checks both the native and the WOW6432Node location (a 32-bit RDP host uses the latter) and acts on
        whichever exist. Scope 'key' deletes the whole MSLicensing key (KB 187614); scope 'subkeys' deletes
        only HardwareID and Store. Every existing location is backed up first. Idempotent: with nothing
        left to delete it reports changed = $false. Cannot be undone usefully: the next elevated
        Remote Desktop Connection recreates the key.
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
    $paths = 'HKLM\SOFTWARE\Microsoft\MSLicensing', 'HKLM\SOFTWARE\WOW6432Node\Microsoft\MSLicensing'
    $found = foreach ($path in $paths) {
        $exists = Test-RdsRegistryKey -Path $path
        $subkeys = if ($exists) { Get-RdsRegistrySubkeyName -Path $path } else { [string[]]@() }
        $targets = if (-not $exists) { @() }
        elseif ($Scope -eq 'key') { @($path) }
        else { @('HardwareID', 'Store' | Where-Object { $subkeys -contains $_ } | ForEach-Object { "$path\$_" }) }
        [ordered]@{ path = $path; existed = $exists; subkeys = [string[]]@($subkeys); targets = [string[]]@($targets) }
    }
    $changed = @($found | Where-Object { $_.targets.Count -gt 0 }).Count -gt 0
    $backup = $null
    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Delete client licence cache ($Scope)")) {
        $backup = Export-RdsRegistryBackup -Path ([string[]]@($found | Where-Object { $_.existed } | ForEach-Object { $_.path })) -RequestId $RequestId -Label 'MSLicensing'
        foreach ($entry in $found) { foreach ($target in $entry.targets) { Remove-RdsRegistryKey -Path $target -Confirm:$false } }
    }
    $whatIf = [bool]$WhatIfPreference
    $verified = $true
    $items = foreach ($entry in $found) {
        # After a real run this is what the module reads back; in a preview it is what the run would leave.
        $present = if (-not $whatIf -and $changed) { Test-RdsRegistryKey -Path $entry.path } elseif ($Scope -eq 'key') { $false } else { $entry.existed }
        if (-not $whatIf -and $changed) { foreach ($target in $entry.targets) { if (Test-RdsRegistryKey -Path $target) { $verified = $false } } }
        $item = New-RdsItem -Path $entry.path -Action $(if ($entry.targets.Count -gt 0) { 'delete' } else { 'none' }) -Before $(if ($entry.existed) { 'present' } else { 'absent' }) -After $(if ($present) { 'present' } else { 'absent' })
        $item['existed'] = $entry.existed
        $item['subkeys'] = $entry.subkeys
        $item
    }
    return New-RdsResult -Operation 'client.reset_license_cache' -Changed $changed -Items @($items) -Backup $backup -Verified $verified
}
