# Shared by the Pester files: a fresh hive per test from a lab scenario, and small readers.
$script:RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
$script:ModulePath = Join-Path $script:RepoRoot 'adapters/powershell/module/RdsLicensing/RdsLicensing.psd1'

function New-TestHive {
    <# Copies lab scenario $Scenario into a hive for $ComputerName under $Directory and points the module at it. #>
    param ([string] $Scenario, [string] $ComputerName, [string] $Directory)
    $source = ConvertFrom-Json -InputObject (Get-Content -Raw (Join-Path $script:RepoRoot "lab/scenarios/$Scenario.json")) -AsHashtable -DateKind String
    $hive = [ordered]@{ computerName = $ComputerName }
    foreach ($key in $source.Keys) {
        if ($key -eq '$comment') { continue }
        if ($key -eq 'events') {
            $hive['events'] = @($source['events'] | ForEach-Object {
                    $event = [ordered]@{}
                    foreach ($field in $_.Keys) { if ($field -ne 'minutesAgo') { $event[$field] = $_[$field] } }
                    $event['timeCreated'] = (Get-Date).ToUniversalTime().AddMinutes(-[int]$_['minutesAgo']).ToString('o')
                    $event
                })
        }
        else { $hive[$key] = $source[$key] }
    }
    New-Item -ItemType Directory -Path $Directory -Force | Out-Null
    $file = Join-Path $Directory 'hive.json'
    Set-Content -Path $file -Value (ConvertTo-Json -InputObject $hive -Depth 30) -Encoding utf8NoBOM
    $env:RDSBOT_HIVE_FILE = $file
    # Normalise through the module once, so byte-for-byte comparisons compare the module's own writes.
    InModuleScope RdsLicensing { Write-RdsHive -Hive (Read-RdsHive) }
    return $file
}

function Get-HiveBytes { return [System.IO.File]::ReadAllBytes($env:RDSBOT_HIVE_FILE) }
function Get-HiveRegistry { return (ConvertFrom-Json -InputObject (Get-Content -Raw $env:RDSBOT_HIVE_FILE) -AsHashtable -DateKind String)['registry'] }
function Get-Hive { return ConvertFrom-Json -InputObject (Get-Content -Raw $env:RDSBOT_HIVE_FILE) -AsHashtable -DateKind String }

function Invoke-Payload {
    <# Calls the entry point the way the bot does: one base64 JSON payload. #>
    param ([hashtable] $Payload)
    $json = ConvertTo-Json -InputObject $Payload -Depth 10 -Compress
    Invoke-RdsLicensingOperation -PayloadBase64 ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)))
}

function Invoke-Rollback {
    <# Rolls back through the entry point using the backup's file name, as request.rollback does. #>
    param ($Result, [string] $RequestId = 'rollback-1')
    Invoke-Payload @{ operation = 'request.rollback'; params = @{ backup = (Split-Path -Leaf $Result.backup.path) }; whatIf = $false; requestId = $RequestId }
}
