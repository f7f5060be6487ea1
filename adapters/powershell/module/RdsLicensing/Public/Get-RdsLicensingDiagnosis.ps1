function Get-RdsLicensingDiagnosis {
    <#
    .SYNOPSIS
        The licensing state of a host in one read: mode, license servers, who sets them (local or Group
        Policy), grace days left, whether the RCM certificate exists, and the findings that follow.
    .PARAMETER RequestId
        The bot's request id.
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId)
    $setting = Get-RdsTsLicensingSetting
    $names = @{ 2 = 'PerDevice'; 4 = 'PerUser'; 5 = 'NotConfigured' }
    $rcm = Get-RdsRegistryValueName -Path 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM'
    $findings = @()
    if ($setting['licensingType'] -notin 2, 4) { $findings += 'The licensing mode is not configured: set per user or per device.' }
    if (@($setting['specifiedServers']).Count -eq 0) { $findings += 'No license server is configured.' }
    if ($setting['policyLicensingType'] -or $setting['policyServers']) { $findings += 'Group Policy sets part of the licensing configuration: change it in the GPO.' }
    if ($rcm -notcontains 'X509 Certificate') { $findings += 'The RCM licensing certificate is missing (it is recreated after the host contacts a license server and restarts).' }
    $data = [ordered]@{
        mode            = if ($names.ContainsKey($setting['licensingType'])) { $names[$setting['licensingType']] } else { "$($setting['licensingType'])" }
        modeSource      = if ($setting['policyLicensingType']) { 'GroupPolicy' } else { 'Local' }
        servers         = [string[]]@($setting['specifiedServers'])
        serversSource   = if ($setting['policyServers']) { 'GroupPolicy' } else { 'Local' }
        graceDaysLeft   = $setting['graceDaysLeft']
        hasCertificate  = $rcm -contains 'X509 Certificate'
        sessions        = Get-RdsActiveSessionCount
        findings        = [string[]]$findings
    }
    return New-RdsResult -Operation 'licensing.diagnose' -Data $data
}
