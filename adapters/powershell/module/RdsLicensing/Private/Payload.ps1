<#
    The entry point's payload: decoded and every value checked again here, whatever the bot already
    checked, against the contract generated from the catalogue (Contract.generated.ps1).
#>

# Every check here is exact: -cmatch/-cnotmatch (case-insensitive matching lets the Kelvin sign U+212A
# pass as a K), \z rather than $ (which also matches before a final newline), and [0-9] rather than \d
# (which takes any Unicode digit). Keys are compared case-sensitively too, since hashtables are not.
$script:HostNamePattern = '^(?=.{1,253}\z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z'

# $script:Operations (which operations exist, their functions and parameters) is generated from the
# catalogue into Contract.generated.ps1.

function ConvertTo-RdsParameterValue {
    param ([string] $Field, [hashtable] $Rule, $Value)
    switch ($Rule['Kind']) {
        'enum' {
            if ($Value -isnot [string] -or $Value -cnotin $Rule['Allowed']) { throw [System.ArgumentException]::new("${Field}: must be one of $($Rule['Allowed'] -join ', ')") }
            return $Value
        }
        'hosts' {
            $list = @($Value)
            if ($Value -isnot [System.Collections.IList] -or $list.Count -lt 1 -or $list.Count -gt 4) { throw [System.ArgumentException]::new("${Field}: must be a list of 1 to 4 host names") }
            foreach ($name in $list) {
                if ($name -isnot [string] -or $name -cnotmatch $script:HostNamePattern -or $name -cmatch '^[0-9]+(\.[0-9]+){3}\z') { throw [System.ArgumentException]::new("${Field}: not a host name") }
            }
            if (@($list | ForEach-Object { $_.ToUpperInvariant() } | Select-Object -Unique).Count -ne $list.Count) { throw [System.ArgumentException]::new("${Field}: lists a server twice") }
            return [string[]]$list
        }
        'ids' {
            $list = @($Value)
            if ($Value -isnot [System.Collections.IList] -or $list.Count -gt 16) { throw [System.ArgumentException]::new("${Field}: must be a list of event ids") }
            foreach ($id in $list) { if (($id -isnot [long] -and $id -isnot [int]) -or $id -lt 0 -or $id -gt 65535) { throw [System.ArgumentException]::new("${Field}: not an event id") } }
            return [int[]]$list
        }
        'since' {
            if ($Value -isnot [string] -or $Value -cnotmatch '^([1-9][0-9]{0,2})([hd])\z') { throw [System.ArgumentException]::new("${Field}: must look like 24h or 7d") }
            return $Value
        }
        'backup' {
            if ($Value -isnot [string] -or $Value -cnotmatch '^[A-Za-z0-9-]{1,64}-[A-Za-z0-9]{1,32}-[0-9]{8}T[0-9]{9}Z\.json\z') { throw [System.ArgumentException]::new("${Field}: not a backup file name") }
            return Join-Path (Get-RdsBackupDirectory) $Value
        }
    }
    throw [System.ArgumentException]::new("${Field}: unknown kind")
}

function ConvertFrom-RdsPayload {
    <# Decodes and validates the payload; throws ArgumentException naming the first bad field. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    if ($PayloadBase64.Length -gt 65536 -or $PayloadBase64 -cnotmatch '^[A-Za-z0-9+/]*={0,2}\z') {
        throw [System.ArgumentException]::new('payload: not base64')
    }
    try {
        $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($PayloadBase64))
        $payload = ConvertFrom-Json -InputObject $json -AsHashtable -ErrorAction Stop
    }
    catch { throw [System.ArgumentException]::new('payload: not base64 JSON') }
    if ($payload -isnot [System.Collections.IDictionary]) { throw [System.ArgumentException]::new('payload: not an object') }
    foreach ($key in $payload.Keys) {
        if ($key -cnotin @('operation', 'params', 'whatIf', 'requestId')) { throw [System.ArgumentException]::new("payload.${key}: unknown field") }
    }
    if ($payload['operation'] -isnot [string] -or $payload['operation'] -cnotin @($script:Operations.Keys)) {
        throw [System.ArgumentException]::new('payload.operation: not a catalogue operation')
    }
    if ($payload['requestId'] -isnot [string] -or $payload['requestId'] -cnotmatch '^[A-Za-z0-9-]{1,64}\z') {
        throw [System.ArgumentException]::new('payload.requestId: invalid')
    }
    if ($payload['whatIf'] -isnot [bool]) { throw [System.ArgumentException]::new('payload.whatIf: must be true or false') }
    $params = if ($payload.Contains('params') -and $null -ne $payload['params']) { $payload['params'] } else { @{} }
    if ($params -isnot [System.Collections.IDictionary]) { throw [System.ArgumentException]::new('payload.params: not an object') }
    $spec = $script:Operations[$payload['operation']]
    $splat = @{ RequestId = $payload['requestId'] }
    # Read-only operations have no -WhatIf; a preview of them is the operation itself.
    # The bot's Confirm (or approval) is the confirmation: PowerShell must never prompt (it would hang or fail).
    if ((Get-Command -Name $spec['Command']).Parameters.ContainsKey('WhatIf')) { $splat['WhatIf'] = $payload['whatIf']; $splat['Confirm'] = $false }
    foreach ($key in $params.Keys) {
        $rule = if ($key -cin @($spec['Params'].Keys)) { $spec['Params'][$key] } else { $null }
        if ($null -eq $rule) { throw [System.ArgumentException]::new("payload.params.${key}: unknown parameter") }
        $splat[$rule['Parameter']] = ConvertTo-RdsParameterValue -Field "payload.params.$key" -Rule $rule -Value $params[$key]
    }
    foreach ($key in $spec['Params'].Keys) {
        if ($spec['Params'][$key]['Required'] -and -not $params.Contains($key)) { throw [System.ArgumentException]::new("payload.params.${key}: required") }
    }
    return @{ Command = $spec['Command']; Splat = $splat }
}
