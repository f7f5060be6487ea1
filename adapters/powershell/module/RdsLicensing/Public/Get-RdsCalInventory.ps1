function Get-RdsCalInventory {
    <#
    .SYNOPSIS
        The RDS CAL key packs installed on a license server: type, version, total, available, issued.
    .PARAMETER Type
        'PerUser' or 'PerDevice' to show one kind only.
    .PARAMETER RequestId
        The bot's request id.
    #>
    [CmdletBinding()]
    param (
        [ValidateSet('PerUser', 'PerDevice')][string] $Type,
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $packs = @(Get-RdsLicenseKeyPack)
    if ($Type) {
        $label = if ($Type -eq 'PerUser') { '*Per User*' } else { '*Per Device*' }
        $packs = @($packs | Where-Object { $_['typeAndModel'] -like $label })
    }
    $available = 0
    foreach ($pack in $packs) { $available += [int]$pack['available'] }
    $data = [ordered]@{ type = $Type; keyPacks = $packs; available = $available }
    return New-RdsResult -Operation 'ls.cal_inventory' -Data $data
}
