function Set-RdsLicenseServer {
    <#
    .SYNOPSIS
        Sets the license servers an RD Session Host uses: replace the list, add to it or remove from it.
    .DESCRIPTION
        Uses Win32_TerminalServiceSetting.SetSpecifiedLicenseServerList (the order is kept: the first server
        is tried first). Compares case-insensitively, so a rerun is "no change". Refuses when Group Policy
        sets the list, and refuses to leave the list empty.
    .PARAMETER Server
        License server names (1 to 4).
    .PARAMETER Operation
        'replace' (default), 'add' or 'remove'.
    .PARAMETER RequestId
        The bot's request id, used to name the backup file.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param (
        [Parameter(Mandatory)][ValidateCount(1, 4)][string[]] $Server,
        [ValidateSet('replace', 'add', 'remove')][string] $Operation = 'replace',
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $path = 'HKLM\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers'
    $setting = Get-RdsTsLicensingSetting
    $before = [string[]]@($setting['specifiedServers'])
    if ($setting['policyServers']) {
        $item = New-RdsItem -Path $path -Name 'SpecifiedLicenseServers' -Before $before -After $before
        $refused = [ordered]@{ code = 'gpo_managed'; reason = 'Group Policy sets the license servers on this host, so a local change would be ignored. Change the GPO ("Use the specified Remote Desktop license servers") instead.' }
        return New-RdsResult -Operation 'rdsh.set_license_servers' -Items @($item) -Refused $refused
    }
    $wanted = [string[]]@(switch ($Operation) {
            'replace' { $Server }
            'add' { $before; $Server | Where-Object { $before -notcontains $_ } }
            'remove' { $before | Where-Object { $Server -notcontains $_ } }
        })
    if ($wanted.Count -eq 0) {
        $item = New-RdsItem -Path $path -Name 'SpecifiedLicenseServers' -Before $before -After $before
        $refused = [ordered]@{ code = 'would_empty_list'; reason = 'That would leave this host with no license server. Name the server to use instead.' }
        return New-RdsResult -Operation 'rdsh.set_license_servers' -Items @($item) -Refused $refused
    }
    $changed = ($before -join "`n").ToUpperInvariant() -ne ($wanted -join "`n").ToUpperInvariant()
    $backup = $null
    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Set license servers to $($wanted -join ', ')")) {
        $backup = Export-RdsRegistryBackup -Path $path -RequestId $RequestId -Label 'LicenseServers'
        Set-RdsTsLicenseServerList -Servers $wanted -Confirm:$false
    }
    $after = [string[]]@(if ([bool]$WhatIfPreference) { $wanted } else { (Get-RdsTsLicensingSetting)['specifiedServers'] })
    $item = New-RdsItem -Path $path -Name 'SpecifiedLicenseServers' -Action $(if ($changed) { 'set' } else { 'none' }) -Before $before -After $after
    return New-RdsResult -Operation 'rdsh.set_license_servers' -Changed $changed -Items @($item) -Backup $backup -Verified (($after -join ',') -eq ($wanted -join ','))
}
