<#
    Lab access layer, the hive file itself: read and write it whole (atomically, keys sorted), find a
    key by its case-insensitive name, and the lab's stand-in for a key's DACL.
#>

function Read-RdsHive {
    [CmdletBinding()]
    param ()
    if (-not $env:RDSBOT_HIVE_FILE) { throw [System.PlatformNotSupportedException]::new('This host has no Windows registry.') }
    $json = [System.IO.File]::ReadAllText($env:RDSBOT_HIVE_FILE, [System.Text.Encoding]::UTF8)
    # Dates stay strings, so a hive read and written again is the same bytes.
    $hive = ConvertFrom-Json -InputObject $json -AsHashtable -DateKind String
    if (-not $hive.ContainsKey('registry') -or $null -eq $hive['registry']) { $hive['registry'] = @{} }
    return $hive
}

function Write-RdsHive {
    <# Writes the whole hive atomically (temp file + rename), keys sorted, so equal content is equal bytes. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][System.Collections.IDictionary] $Hive)
    $sorted = [ordered]@{}
    foreach ($name in ($Hive['registry'].Keys | Sort-Object)) { $sorted[$name] = $Hive['registry'][$name] }
    $out = [ordered]@{}
    foreach ($name in ($Hive.Keys | Sort-Object)) { $out[$name] = if ($name -eq 'registry') { $sorted } else { $Hive[$name] } }
    $temp = "$($env:RDSBOT_HIVE_FILE).$PID.tmp"
    [System.IO.File]::WriteAllText($temp, (ConvertTo-Json -InputObject $out -Depth 30), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $env:RDSBOT_HIVE_FILE, $true)
}

function Find-RdsHiveKeyName {
    <# Registry key names are case-insensitive; returns the stored spelling of $Path, or $null. #>
    param ([System.Collections.IDictionary] $Hive, [string] $Path)
    foreach ($name in $Hive['registry'].Keys) {
        if ([string]::Equals($name, $Path, [System.StringComparison]::OrdinalIgnoreCase)) { return $name }
    }
    return $null
}

function Test-RdsUnderKey {
    param ([string] $Name, [string] $Path)
    return [string]::Equals($Name, $Path, [System.StringComparison]::OrdinalIgnoreCase) -or
    $Name.StartsWith("$Path\", [System.StringComparison]::OrdinalIgnoreCase)
}

function Assert-RdsHiveWriteAccess {
    <# The lab's stand-in for the key's DACL: Administrators need full control (KA) to change a key. #>
    param ([System.Collections.IDictionary] $Entry, [string] $Path)
    if ($Entry.Contains('sddl') -and $Entry['sddl'] -notmatch '\(A;[^;]*;KA;;;BA\)') {
        throw [System.UnauthorizedAccessException]::new("Access to the registry key '$Path' is denied.")
    }
}
