<# Building the one result object every operation returns (schema: operation-result.schema.json). #>

function New-RdsResult {
    param (
        [Parameter(Mandatory)][string] $Operation,
        [bool] $Changed = $false,
        [object[]] $Items = @(),
        $Backup = $null,
        $Impact = $null,
        $Data = $null,
        $Refused = $null,
        $Verified = $null
    )
    $result = [ordered]@{
        ok        = $true
        operation = $Operation
        host      = Get-RdsComputerName
        whatIf    = [bool]$WhatIfPreference
        changed   = $Changed
        items     = @($Items)
        backup    = $Backup
    }
    if ($null -ne $Impact) { $result['impact'] = $Impact }
    if ($null -ne $Data) { $result['data'] = $Data }
    if ($null -ne $Refused) { $result['refused'] = $Refused }
    if ($null -ne $Verified) { $result['verified'] = $Verified }
    return $result
}

function New-RdsItem {
    <# One thing the operation looked at: path (and value name), before -> after, and what it does. #>
    param ([string] $Path, [string] $Name, [string] $Action = 'none', $Before = $null, $After = $null)
    $item = [ordered]@{ path = $Path; action = $Action; before = $Before; after = $After }
    if ($Name) { $item['name'] = $Name }
    return $item
}
