function Reset-RdsLicensingCertificate {
    <#
    .SYNOPSIS
        Refreshes an RD Session Host's licensing certificate: deletes the four RCM certificate values.
    .DESCRIPTION
        Deletes Certificate, X509 Certificate, X509 Certificate2 and X509 Certificate ID under
        HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM after backing the key up. Windows
        recreates them after the server restarts (Microsoft's procedure reboots the server). Not the RDP
        TLS listener certificate.
    .PARAMETER Reboot
        'scheduled' (default: next 02:00), 'now', or 'none' (the result says a reboot is still needed).
    .PARAMETER RequestId
        The bot's request id, used to name the backup file.
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param (
        [ValidateSet('now', 'scheduled', 'none')][string] $Reboot = 'scheduled',
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $path = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM'
    $names = 'Certificate', 'X509 Certificate', 'X509 Certificate2', 'X509 Certificate ID'
    $present = Get-RdsRegistryValueName -Path $path
    $before = @{}
    foreach ($name in $names) { $before[$name] = $present -contains $name }
    $changed = @($names | Where-Object { $before[$_] }).Count -gt 0
    $backup = $null
    $rebootAt = $null
    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), 'Delete the RCM licensing certificate values')) {
        $backup = Export-RdsRegistryBackup -Path $path -RequestId $RequestId -Label 'RCM'
        foreach ($name in $names) { if ($before[$name]) { Remove-RdsRegistryValue -Path $path -Name $name -Confirm:$false } }
    }
    if ($changed -and $Reboot -ne 'none') {
        $rebootAt = Request-RdsReboot -When $Reboot -WhatIf:$WhatIfPreference -Confirm:$false
    }
    $after = Get-RdsRegistryValueName -Path $path
    $items = foreach ($name in $names) {
        $exists = if ([bool]$WhatIfPreference) { $false } else { $after -contains $name }
        New-RdsItem -Path $path -Name $name -Action $(if ($before[$name]) { 'delete' } else { 'none' }) -Before $(if ($before[$name]) { 'present' } else { 'absent' }) -After $(if ($exists) { 'present' } else { 'absent' })
    }
    $verified = -not [bool]$WhatIfPreference -and @($names | Where-Object { $after -contains $_ }).Count -eq 0
    $impact = [ordered]@{
        reboot   = if (-not $changed) { 'none' } elseif ($Reboot -eq 'none') { 'needed' } else { $Reboot }
        rebootAt = if ($rebootAt) { $rebootAt.ToUniversalTime().ToString('o') } else { $null }
        sessions = Get-RdsActiveSessionCount
    }
    return New-RdsResult -Operation 'rdsh.refresh_licensing_cert' -Changed $changed -Items @($items) -Backup $backup -Impact $impact -Verified $(if ($changed -and -not [bool]$WhatIfPreference) { $verified } else { $true })
}
