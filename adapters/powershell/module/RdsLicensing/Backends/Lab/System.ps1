<#
    Lab access layer, system half: the hive sections the lab seeds ('services', 'sessions', 'events',
    'network', 'keyPacks', 'reboot') stand in for services, event logs, WMI and the network.
#>

function Get-RdsHiveSection {
    param ([string] $Name, $Default)
    $hive = Read-RdsHive
    if ($hive.ContainsKey($Name) -and $null -ne $hive[$Name]) { return $hive[$Name] }
    return $Default
}

function Get-RdsTsLicensingSetting {
    <#
        Mode, configured license servers, and whether Group Policy sets either (PolicySource* = 1):
        Win32_TerminalServiceSetting on Windows; the same registry values in a hive.
    #>
    [CmdletBinding()]
    param ()
    $mode = Get-RdsRegistryValue -Path $script:LicensingCorePath -Name 'LicensingMode'
    $servers = Get-RdsRegistryValue -Path $script:LicenseServersPath -Name 'SpecifiedLicenseServers'
    $policyMode = Get-RdsRegistryValue -Path $script:TsPolicyPath -Name 'LicensingMode'
    $policyServers = Get-RdsRegistryValue -Path $script:TsPolicyPath -Name 'LicenseServers'
    return [ordered]@{
        licensingType          = if ($null -ne $policyMode) { [int]$policyMode['data'] } elseif ($null -ne $mode) { [int]$mode['data'] } else { 5 }
        policyLicensingType    = $null -ne $policyMode
        specifiedServers       = if ($null -ne $policyServers) { [string[]]@(([string]$policyServers['data']) -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ }) } elseif ($null -ne $servers) { [string[]]@($servers['data']) } else { [string[]]@() }
        policyServers          = $null -ne $policyServers
        graceDaysLeft          = [int](Get-RdsHiveSection -Name 'graceDaysLeft' -Default 0)
    }
}

function Set-RdsTsLicensingMode {
    <# Win32_TerminalServiceSetting.ChangeMode (2 = per device, 4 = per user); the registry value in a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet(2, 4)][int] $Type)
    if (-not $PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', "ChangeMode $Type")) { return }
    Set-RdsRegistryValue -Path $script:LicensingCorePath -Name 'LicensingMode' -Type DWord -Data $Type -Confirm:$false
    return
}

function Set-RdsTsLicenseServerList {
    <# Win32_TerminalServiceSetting.SetSpecifiedLicenseServerList (order kept); REG_MULTI_SZ in a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][AllowEmptyCollection()][string[]] $Servers)
    if (-not $PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', "SetSpecifiedLicenseServerList $($Servers -join ',')")) { return }
    Set-RdsRegistryValue -Path $script:LicenseServersPath -Name 'SpecifiedLicenseServers' -Type MultiString -Data $Servers -Confirm:$false
    return
}

function Get-RdsActiveSessionCount {
    <# RDP sessions a TermService restart would disconnect (active and disconnected user sessions). #>
    [CmdletBinding()]
    [OutputType([int])]
    param ()
    return @(Get-RdsHiveSection -Name 'sessions' -Default @()).Count
}

function Get-RdsServiceState {
    [CmdletBinding()]
    param ([Parameter(Mandatory)][ValidateSet('TermService', 'SessionEnv', 'TermServLicensing')][string] $Name)
    $services = Get-RdsHiveSection -Name 'services' -Default @{}
    if (-not $services.ContainsKey($Name)) { return $null }
    return [ordered]@{ status = $services[$Name]['status']; starts = [int]$services[$Name]['starts'] }
}

function Restart-RdsService {
    <# Restarts TermService (disconnects, not logs off, every RDP session). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet('TermService')][string] $Name)
    if (-not $PSCmdlet.ShouldProcess($Name, 'Restart service')) { return }
    $hive = Read-RdsHive
    $service = $hive['services'][$Name]
    $service['status'] = 'Running'
    $service['starts'] = [int]$service['starts'] + 1
    $hive['sessions'] = @(@($hive['sessions']) | ForEach-Object { $_['state'] = 'Disconnected'; $_ })
    Write-RdsHive -Hive $hive
    return
}

function Get-RdsLicensingEventRecord {
    <# Events of the RDS licensing providers since $Since, as plain records. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][datetime] $Since, [Parameter(Mandatory)][string[]] $ProviderName, [int[]] $Id)
    $records = foreach ($event in @(Get-RdsHiveSection -Name 'events' -Default @())) {
        $time = [datetime]::Parse($event['timeCreated'], [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
        if ($time -ge $Since.ToUniversalTime() -and $ProviderName -contains $event['providerName'] -and (-not $Id -or $Id -contains [int]$event['id'])) {
            [ordered]@{ timeCreated = $time.ToUniversalTime().ToString('o'); id = [int]$event['id']; providerName = $event['providerName']; logName = $event['logName']; level = $event['level']; message = $event['message'] }
        }
    }
    return @($records)
}

function Test-RdsLicenseServerConnectivity {
    <# GetTStoLSConnectivityStatus plus TCP 135 and 445 from this host to one license server. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Server)
    $network = Get-RdsHiveSection -Name 'network' -Default @{}
    $entry = $null
    foreach ($name in $network.Keys) { if ([string]::Equals($name, $Server, [System.StringComparison]::OrdinalIgnoreCase)) { $entry = $network[$name] } }
    if ($null -eq $entry) { return [ordered]@{ server = $Server; status = 6; statusName = 'NOT_CONNECTABLE'; tcp135 = $false; tcp445 = $false } }
    return [ordered]@{ server = $Server; status = [int]$entry['status']; statusName = [string]$entry['statusName']; tcp135 = [bool]$entry['tcp135']; tcp445 = [bool]$entry['tcp445'] }
}

function Get-RdsLicenseKeyPack {
    <# Win32_TSLicenseKeyPack on a license server: type, totals, available, issued. #>
    [CmdletBinding()]
    param ()
    return @(@(Get-RdsHiveSection -Name 'keyPacks' -Default @()) | ForEach-Object {
            [ordered]@{ typeAndModel = $_['typeAndModel']; productVersion = $_['productVersion']; total = [int]$_['total']; available = [int]$_['available']; issued = [int]$_['issued'] }
        })
}

function Invoke-RdsReboot {
    <# The lab records the restart it was asked for; nothing restarts. #>
    param ([string] $When, [datetime] $At)
    $hive = Read-RdsHive
    $hive['reboot'] = [ordered]@{ when = $When; at = $At.ToUniversalTime().ToString('o') }
    Write-RdsHive -Hive $hive
}
