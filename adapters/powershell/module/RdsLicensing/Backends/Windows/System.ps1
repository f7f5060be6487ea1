<#
    Windows access layer, system half: services, sessions, event logs, the Terminal Services WMI
    provider, license-server reachability and key packs, through the real CIM classes and cmdlets (run
    inside the remote session, so the CIM calls are local and packet privacy is not an issue).
#>

function Get-RdsTsLicensingSetting {
    <#
        Mode, configured license servers, and whether Group Policy sets either (PolicySource* = 1):
        Win32_TerminalServiceSetting on Windows; the same registry values in a hive.
    #>
    [CmdletBinding()]
    param ()
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
    $ts = Get-CimInstance -Namespace $script:TsNamespace -ClassName Win32_TerminalServiceSetting -ErrorAction Stop
    $result = Invoke-CimMethod -InputObject $ts -MethodName ChangeMode -Arguments @{ LicensingType = [uint32]$Type } -ErrorAction Stop
    if ($result.ReturnValue -ne 0) { throw "ChangeMode returned $($result.ReturnValue)" }
}

function Set-RdsTsLicenseServerList {
    <# Win32_TerminalServiceSetting.SetSpecifiedLicenseServerList (order kept); REG_MULTI_SZ in a hive. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][AllowEmptyCollection()][string[]] $Servers)
    if (-not $PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', "SetSpecifiedLicenseServerList $($Servers -join ',')")) { return }
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
    $sessions = Get-CimInstance -ClassName Win32_LogonSession -Filter 'LogonType = 10' -ErrorAction SilentlyContinue
    return @($sessions).Count
}

function Get-RdsServiceState {
    [CmdletBinding()]
    param ([Parameter(Mandatory)][ValidateSet('TermService', 'SessionEnv', 'TermServLicensing')][string] $Name)
    $service = Get-Service -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $service) { return $null }
    return [ordered]@{ status = $service.Status.ToString(); starts = $null }
}

function Restart-RdsService {
    <# Restarts TermService (disconnects, not logs off, every RDP session). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet('TermService')][string] $Name)
    if (-not $PSCmdlet.ShouldProcess($Name, 'Restart service')) { return }
    Restart-Service -Name $Name -Force -ErrorAction Stop
}


function Get-RdsLicensingEventRecord {
    <# Events of the RDS licensing providers since $Since, as plain records. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][datetime] $Since, [Parameter(Mandatory)][string[]] $ProviderName, [int[]] $Id)
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
    return @(Get-CimInstance -ClassName Win32_TSLicenseKeyPack -ErrorAction Stop | ForEach-Object {
            [ordered]@{ typeAndModel = $_.TypeAndModel; productVersion = $_.ProductVersion; total = [int]$_.TotalLicenses; available = [int]$_.AvailableLicenses; issued = [int]$_.IssuedLicenses }
        })
}

function Invoke-RdsReboot {
    <# shutdown.exe /r at the time asked, with a planned reason code and a comment admins see. #>
    param ([string] $When, [datetime] $At)
    $seconds = [int][Math]::Max(0, ($At - (Get-Date)).TotalSeconds)
    & shutdown.exe /r /t $seconds /d p:4:1 /c 'RDS Licensing Bot: licensing certificate refresh' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "shutdown.exe returned $LASTEXITCODE" }
}
