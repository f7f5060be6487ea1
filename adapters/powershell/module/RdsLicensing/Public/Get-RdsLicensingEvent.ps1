function Get-RdsLicensingEvent {
    <#
    .SYNOPSIS
        Licensing events from the RDS providers since a time, with the alternate ids added.
    .DESCRIPTION
        Matches provider as well as id (ids collide across providers). Grace-period and "no license
        server" events are logged as 1128/1130 on some builds and 50280/50282 on others, so asking for one
        also returns the other.
    .PARAMETER Since
        How far back: '24h' (default), '7d', ...
    .PARAMETER Id
        Event ids as the user gave them (optional).
    .PARAMETER RequestId
        The bot's request id.
    #>
    [CmdletBinding()]
    param (
        [ValidatePattern('^[1-9]\d{0,2}[hd]$')][string] $Since = '24h',
        [int[]] $Id,
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $alternates = @{ 1128 = 50280; 50280 = 1128; 1130 = 50282; 50282 = 1130 }
    $expanded = foreach ($value in @($Id)) { if ($null -ne $value) { $value; if ($alternates.ContainsKey($value)) { $alternates[$value] } } }
    $ids = [int[]]@($expanded | Select-Object -Unique)
    $amount = [int]$Since.Substring(0, $Since.Length - 1)
    $start = if ($Since.EndsWith('h')) { (Get-Date).AddHours(-$amount) } else { (Get-Date).AddDays(-$amount) }
    $providers = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager', 'TermService', 'Microsoft-Windows-TerminalServices-Licensing'
    # Ids are not reliable keys on their own: a known id counts only when its message says what the id means.
    $meanings = @{
        1003  = @{ pattern = 'invalid license'; meaning = 'A client presented an invalid licence: reset its licence cache.' }
        1004  = @{ pattern = 'cannot issue|license'; meaning = 'The host could not issue a client licence: check the mode against the CAL type.' }
        1068  = @{ pattern = 'licensing mode'; meaning = 'The licensing mode is not configured.' }
        1069  = @{ pattern = 'grace period|licensing mode'; meaning = 'The grace period expired and the mode is not configured.' }
        1128  = @{ pattern = 'grace period'; meaning = 'The grace period expired without a license server with licences.' }
        50280 = @{ pattern = 'grace period'; meaning = 'The grace period expired without a license server with licences.' }
        1130  = @{ pattern = 'license server'; meaning = 'No license server is specified for this host.' }
        50282 = @{ pattern = 'license server'; meaning = 'No license server is specified for this host.' }
    }
    $found = foreach ($record in @(Get-RdsLicensingEventRecord -Since $start -ProviderName $providers -Id $ids)) {
        $known = $meanings[[int]$record['id']]
        if ($null -ne $known -and [string]$record['message'] -notmatch $known['pattern']) { continue }
        if ($null -ne $known) { $record['meaning'] = $known['meaning'] }
        $record
    }
    $events = @(@($found) | Sort-Object { $_['timeCreated'] } -Descending | Select-Object -First 50)
    $data = [ordered]@{ since = $Since; ids = $ids; count = $events.Count; events = $events }
    return New-RdsResult -Operation 'rdsh.events' -Data $data
}
