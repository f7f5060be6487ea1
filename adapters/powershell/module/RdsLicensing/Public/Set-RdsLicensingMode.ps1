function Set-RdsLicensingMode {
    <#
    .SYNOPSIS
        Sets an RD Session Host's licensing mode to per user or per device.
    .DESCRIPTION
        Uses Win32_TerminalServiceSetting.ChangeMode (4 = per user, 2 = per device). When Group Policy
        sets the mode, a local value would be ignored, so the function refuses and says so instead.
        Backs up the local value first and reads the mode back afterwards.
    .PARAMETER Mode
        'PerUser' or 'PerDevice'.
    .PARAMETER RequestId
        The bot's request id, used to name the backup file.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param (
        [Parameter(Mandatory)][ValidateSet('PerUser', 'PerDevice')][string] $Mode,
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $codes = @{ PerDevice = 2; PerUser = 4 }
    $names = @{ 2 = 'PerDevice'; 4 = 'PerUser'; 5 = 'NotConfigured' }
    $setting = Get-RdsTsLicensingSetting
    $current = $setting['licensingType']
    $beforeName = if ($names.ContainsKey($current)) { $names[$current] } else { "$current" }
    $path = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core'
    if ($setting['policyLicensingType']) {
        $item = New-RdsItem -Path $path -Name 'LicensingMode' -Action 'none' -Before $beforeName -After $beforeName
        $refused = [ordered]@{ code = 'gpo_managed'; reason = 'Group Policy sets the licensing mode on this host, so a local change would be ignored. Change the GPO ("Set the Remote Desktop licensing mode") instead.' }
        return New-RdsResult -Operation 'rdsh.set_licensing_mode' -Items @($item) -Refused $refused
    }
    $changed = $current -ne $codes[$Mode]
    $backup = $null
    if ($changed -and $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Set licensing mode to $Mode")) {
        $backup = Export-RdsRegistryBackup -Path $path -RequestId $RequestId -Label 'LicensingMode'
        Set-RdsTsLicensingMode -Type $codes[$Mode] -Confirm:$false
    }
    $afterCode = if ([bool]$WhatIfPreference) { $codes[$Mode] } else { (Get-RdsTsLicensingSetting)['licensingType'] }
    $afterName = if ($names.ContainsKey($afterCode)) { $names[$afterCode] } else { "$afterCode" }
    $item = New-RdsItem -Path $path -Name 'LicensingMode' -Action $(if ($changed) { 'set' } else { 'none' }) -Before $beforeName -After $afterName
    return New-RdsResult -Operation 'rdsh.set_licensing_mode' -Changed $changed -Items @($item) -Backup $backup -Verified ($afterCode -eq $codes[$Mode])
}
