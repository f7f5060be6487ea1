function Reset-RdsGracePeriod {
    <#
    .SYNOPSIS
        Resets the RDS licensing grace period on a lab session host (not a supported production fix).
    .DESCRIPTION
        Deletes the *TIMEBOMB* values under ...\RCM\GracePeriod. The key normally belongs to NETWORK SERVICE
        and Administrators cannot write to it, so the function records the key's owner and SDDL, takes
        ownership for Administrators, grants them full control, deletes the values and puts the original
        owner and SDDL back, then checks that they match. Windows starts a new 120-day grace period when
        TermService next starts. It never touches LSA secrets. Whether the host is a lab host is the bot's
        policy decision, made before this runs.
    .PARAMETER Restart
        'later' (default: the result says a TermService restart or reboot is still needed) or 'now'
        (restarts TermService, disconnecting every session).
    .PARAMETER RequestId
        The bot's request id, used to name the backup file.
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param (
        [ValidateSet('now', 'later')][string] $Restart = 'later',
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $path = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\GracePeriod'
    $exists = Test-RdsRegistryKey -Path $path
    $timebombs = [string[]]@(if ($exists) { Get-RdsRegistryValueName -Path $path | Where-Object { $_ -like '*TIMEBOMB*' } })
    $changed = $timebombs.Count -gt 0
    $security = if ($exists) { Get-RdsKeySecurity -Path $path } else { $null }
    $sessions = Get-RdsActiveSessionCount
    $daysBefore = (Get-RdsTsLicensingSetting)['graceDaysLeft']
    $backup = $null
    $verified = $true
    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), 'Take ownership of GracePeriod, delete *TIMEBOMB* values, restore owner and ACL')) {
        $backup = Export-RdsRegistryBackup -Path $path -RequestId $RequestId -Label 'GracePeriod'
        try {
            Grant-RdsAdministratorsKeyAccess -Path $path -Confirm:$false
            foreach ($name in $timebombs) { Remove-RdsRegistryValue -Path $path -Name $name -Confirm:$false }
        }
        finally {
            # The owner and ACL go back even when a delete failed.
            if ($security -and $security['sddl']) { Set-RdsKeySecurity -Path $path -Owner $security['owner'] -Sddl $security['sddl'] -Confirm:$false }
        }
        $now = Get-RdsKeySecurity -Path $path
        $verified = @(Get-RdsRegistryValueName -Path $path | Where-Object { $_ -like '*TIMEBOMB*' }).Count -eq 0 -and
        (-not $security['sddl'] -or ($now['sddl'] -eq $security['sddl'] -and $now['owner'] -eq $security['owner']))
        if ($Restart -eq 'now') { Restart-RdsService -Name TermService -Confirm:$false }
    }
    $items = @(foreach ($name in $timebombs) { New-RdsItem -Path $path -Name $name -Action 'delete' -Before 'present' -After 'absent' })
    if ($security) { $items += New-RdsItem -Path $path -Name '(owner and ACL)' -Action 'none' -Before $security['sddl'] -After $(if ([bool]$WhatIfPreference -or -not $changed) { $security['sddl'] } else { (Get-RdsKeySecurity -Path $path)['sddl'] }) }
    $impact = [ordered]@{
        restart       = if (-not $changed) { 'none' } elseif ($Restart -eq 'now') { 'now' } else { 'needed' }
        sessions      = $sessions
        graceDaysLeft = $daysBefore
    }
    return New-RdsResult -Operation 'rdsh.reset_grace_period' -Changed $changed -Items $items -Backup $backup -Impact $impact -Verified $verified
}
