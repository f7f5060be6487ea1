<#
    Access layer, system half: services, sessions, event logs, the Terminal Services WMI provider,
    license-server reachability and key packs. On Windows these are the real CIM classes and cmdlets
    (run inside the remote session, so the CIM calls are local and packet privacy is not an issue).
    With a hive file they read and write the sections the lab seeds ('services', 'sessions', 'events',
    'network', 'keyPacks', 'reboot').
#>

$script:TsNamespace = 'root/cimv2/TerminalServices'
$script:LicensingCorePath = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core'
$script:LicenseServersPath = 'HKLM\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers'
$script:TsPolicyPath = 'HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'

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
    if (Test-RdsHiveBackend) {
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
    $ts = Get-CimInstance -Namespace $script:TsNamespace -ClassName Win32_TerminalServiceSetting -ErrorAction Stop
    $list = Invoke-CimMethod -InputObject $ts -MethodName GetSpecifiedLicenseServerList -ErrorAction Stop
    $grace = try { [int](Invoke-CimMethod -InputObject $ts -MethodName GetGracePeriodDays -ErrorAction Stop).DaysLeft } catch { 0 }
    return [ordered]@{
        licensingType       = [int]$ts.LicensingType
        policyLicensingType = $ts.PolicySourceLicensingType -eq 1
        specifiedServers    = [string[]]@($list.SpecifiedLSList | Where-Object { $_ })
        policyServers       = $ts.PolicySourceConfiguredLicenseServers -eq 1
        graceDaysLeft       = $grace
    }
}

function Set-RdsTsLicensingMode {
    <# Win32_TerminalServiceSetting.ChangeMode (2 = per device, 4 = per user); the registry value in a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet(2, 4)][int] $Type)
    if (-not $PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', "ChangeMode $Type")) { return }
    if (Test-RdsHiveBackend) {
        Set-RdsRegistryValue -Path $script:LicensingCorePath -Name 'LicensingMode' -Type DWord -Data $Type -Confirm:$false
        return
    }
    $ts = Get-CimInstance -Namespace $script:TsNamespace -ClassName Win32_TerminalServiceSetting -ErrorAction Stop
    $result = Invoke-CimMethod -InputObject $ts -MethodName ChangeMode -Arguments @{ LicensingType = [uint32]$Type } -ErrorAction Stop
    if ($result.ReturnValue -ne 0) { throw "ChangeMode returned $($result.ReturnValue)" }
}

function Set-RdsTsLicenseServerList {
    <# Win32_TerminalServiceSetting.SetSpecifiedLicenseServerList (order kept); REG_MULTI_SZ in a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][AllowEmptyCollection()][string[]] $Servers)
    if (-not $PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', "SetSpecifiedLicenseServerList $($Servers -join ',')")) { return }
    if (Test-RdsHiveBackend) {
        Set-RdsRegistryValue -Path $script:LicenseServersPath -Name 'SpecifiedLicenseServers' -Type MultiString -Data $Servers -Confirm:$false
        return
    }
    $ts = Get-CimInstance -Namespace $script:TsNamespace -ClassName Win32_TerminalServiceSetting -ErrorAction Stop
    $method = if ($Servers.Count -eq 0) { 'EmptySpecifiedLicenseServerList' } else { 'SetSpecifiedLicenseServerList' }
    $arguments = if ($Servers.Count -eq 0) { @{} } else { @{ SpecifiedLSList = [string[]]$Servers } }
    $result = Invoke-CimMethod -InputObject $ts -MethodName $method -Arguments $arguments -ErrorAction Stop
    if ($result.ReturnValue -ne 0) { throw "$method returned $($result.ReturnValue)" }
}

function Get-RdsActiveSessionCount {
    <# RDP sessions a TermService restart would disconnect (active and disconnected user sessions). #>
    [CmdletBinding()]
    [OutputType([int])]
    param ()
    if (Test-RdsHiveBackend) { return @(Get-RdsHiveSection -Name 'sessions' -Default @()).Count }
    $sessions = Get-CimInstance -ClassName Win32_LogonSession -Filter 'LogonType = 10' -ErrorAction SilentlyContinue
    return @($sessions).Count
}

function Get-RdsServiceState {
    [CmdletBinding()]
    param ([Parameter(Mandatory)][ValidateSet('TermService', 'SessionEnv', 'TermServLicensing')][string] $Name)
    if (Test-RdsHiveBackend) {
        $services = Get-RdsHiveSection -Name 'services' -Default @{}
        if (-not $services.ContainsKey($Name)) { return $null }
        return [ordered]@{ status = $services[$Name]['status']; starts = [int]$services[$Name]['starts'] }
    }
    $service = Get-Service -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $service) { return $null }
    return [ordered]@{ status = $service.Status.ToString(); starts = $null }
}

function Restart-RdsService {
    <# Restarts TermService (disconnects, not logs off, every RDP session). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet('TermService')][string] $Name)
    if (-not $PSCmdlet.ShouldProcess($Name, 'Restart service')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $service = $hive['services'][$Name]
        $service['status'] = 'Running'
        $service['starts'] = [int]$service['starts'] + 1
        $hive['sessions'] = @(@($hive['sessions']) | ForEach-Object { $_['state'] = 'Disconnected'; $_ })
        Write-RdsHive -Hive $hive
        return
    }
    Restart-Service -Name $Name -Force -ErrorAction Stop
}

function Request-RdsReboot {
    <# 'now' restarts the computer; 'scheduled' restarts it at the next 02:00 local time. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet('now', 'scheduled')][string] $When)
    $at = if ($When -eq 'now') { Get-Date } else { (Get-Date).Date.AddDays(1).AddHours(2) }
    if (-not $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Restart the computer ($When)")) { return $at }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $hive['reboot'] = [ordered]@{ when = $When; at = $at.ToUniversalTime().ToString('o') }
        Write-RdsHive -Hive $hive
        return $at
    }
    $seconds = [int][Math]::Max(0, ($at - (Get-Date)).TotalSeconds)
    & shutdown.exe /r /t $seconds /d p:4:1 /c 'RDS Licensing Bot: licensing certificate refresh' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "shutdown.exe returned $LASTEXITCODE" }
    return $at
}

function Get-RdsLicensingEventRecord {
    <# Events of the RDS licensing providers since $Since, as plain records. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][datetime] $Since, [Parameter(Mandatory)][string[]] $ProviderName, [int[]] $Id)
    if (Test-RdsHiveBackend) {
        $records = foreach ($event in @(Get-RdsHiveSection -Name 'events' -Default @())) {
            $time = [datetime]::Parse($event['timeCreated'], [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
            if ($time -ge $Since.ToUniversalTime() -and $ProviderName -contains $event['providerName'] -and (-not $Id -or $Id -contains [int]$event['id'])) {
                [ordered]@{ timeCreated = $time.ToUniversalTime().ToString('o'); id = [int]$event['id']; providerName = $event['providerName']; logName = $event['logName']; level = $event['level']; message = $event['message'] }
            }
        }
        return @($records)
    }
    $logs = 'System', 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Admin', 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational', 'Microsoft-Windows-TerminalServices-Licensing/Operational'
    $records = foreach ($log in $logs) {
        $filter = @{ LogName = $log; ProviderName = $ProviderName; StartTime = $Since }
        if ($Id) { $filter['Id'] = $Id }
        Get-WinEvent -FilterHashtable $filter -MaxEvents 200 -ErrorAction SilentlyContinue | ForEach-Object {
            [ordered]@{ timeCreated = $_.TimeCreated.ToUniversalTime().ToString('o'); id = $_.Id; providerName = $_.ProviderName; logName = $_.LogName; level = $_.LevelDisplayName; message = $_.Message }
        }
    }
    return @($records)
}

function Test-RdsLicenseServerConnectivity {
    <# GetTStoLSConnectivityStatus plus TCP 135 and 445 from this host to one license server. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Server)
    if (Test-RdsHiveBackend) {
        $network = Get-RdsHiveSection -Name 'network' -Default @{}
        $entry = $null
        foreach ($name in $network.Keys) { if ([string]::Equals($name, $Server, [System.StringComparison]::OrdinalIgnoreCase)) { $entry = $network[$name] } }
        if ($null -eq $entry) { return [ordered]@{ server = $Server; status = 6; statusName = 'NOT_CONNECTABLE'; tcp135 = $false; tcp445 = $false } }
        return [ordered]@{ server = $Server; status = [int]$entry['status']; statusName = [string]$entry['statusName']; tcp135 = [bool]$entry['tcp135']; tcp445 = [bool]$entry['tcp445'] }
    }
    $names = @{ 0 = 'UNKNOWN'; 1 = 'VALID_WS08R2'; 2 = 'VALID_WS08'; 3 = 'BETA_RTM_MISMATCH'; 4 = 'LOWER_VERSION'; 5 = 'NOT_IN_TSCGROUP'; 6 = 'NOT_CONNECTABLE'; 7 = 'UNKNOWN_VALIDITY'; 8 = 'BUT_ACCESS_DENIED'; 9 = 'VALID_WS08R2_VDI'; 10 = 'FEATURE_NOT_SUPPORTED'; 11 = 'VALID_LS' }
    $ts = Get-CimInstance -Namespace $script:TsNamespace -ClassName Win32_TerminalServiceSetting -ErrorAction Stop
    $status = [int](Invoke-CimMethod -InputObject $ts -MethodName GetTStoLSConnectivityStatus -Arguments @{ ServerName = $Server } -ErrorAction Stop).TStoLSConnectivityStatus
    $port = { param($p) try { (Test-NetConnection -ComputerName $Server -Port $p -WarningAction SilentlyContinue).TcpTestSucceeded } catch { $false } }
    return [ordered]@{ server = $Server; status = $status; statusName = $names[$status]; tcp135 = [bool](& $port 135); tcp445 = [bool](& $port 445) }
}

function Get-RdsLicenseKeyPack {
    <# Win32_TSLicenseKeyPack on a license server: type, totals, available, issued. #>
    [CmdletBinding()]
    param ()
    if (Test-RdsHiveBackend) {
        return @(@(Get-RdsHiveSection -Name 'keyPacks' -Default @()) | ForEach-Object {
                [ordered]@{ typeAndModel = $_['typeAndModel']; productVersion = $_['productVersion']; total = [int]$_['total']; available = [int]$_['available']; issued = [int]$_['issued'] }
            })
    }
    return @(Get-CimInstance -ClassName Win32_TSLicenseKeyPack -ErrorAction Stop | ForEach-Object {
            [ordered]@{ typeAndModel = $_.TypeAndModel; productVersion = $_.ProductVersion; total = [int]$_.TotalLicenses; available = [int]$_.AvailableLicenses; issued = [int]$_.IssuedLicenses }
        })
}
