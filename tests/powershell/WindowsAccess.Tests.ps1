BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    # Linux has no CIM, services, event log or reg.exe: stubs give Pester something to mock. Each stub
    # declares the parameters the Windows layer passes, so a changed call fails here.
    function global:Get-CimInstance { [CmdletBinding()] param ($Namespace, $ClassName, $Filter) throw 'stub' }
    function global:Invoke-CimMethod { [CmdletBinding()] param ($InputObject, $MethodName, $Arguments) throw 'stub' }
    function global:Get-Service { [CmdletBinding()] param ($Name) throw 'stub' }
    function global:Restart-Service { [CmdletBinding()] param ($Name, [switch] $Force) throw 'stub' }
    function global:Get-WinEvent { [CmdletBinding()] param ($FilterHashtable, $MaxEvents) throw 'stub' }
    function global:Get-Acl { [CmdletBinding()] param ($LiteralPath) throw 'stub' }
    function global:Test-NetConnection { [CmdletBinding()] param ($ComputerName, $Port) throw 'stub' }
    function global:reg.exe { throw 'stub' }
    function global:shutdown.exe { throw 'stub' }
    $env:RDSBOT_ACCESS_BACKEND = 'Windows'
    Import-Module $script:ModulePath -Force
    $script:Executed = [System.Collections.Generic.HashSet[string]]::new()
}

AfterAll {
    Remove-Item Env:RDSBOT_ACCESS_BACKEND
    $all = InModuleScope RdsLicensing { (Get-ChildItem function: | Where-Object { $_.ScriptBlock.File -like '*Backends*Windows*' }).Name }
    Write-Host "windows access layer: $($script:Executed.Count) of $(@($all).Count) functions executed by a test"
    foreach ($name in 'Get-CimInstance', 'Invoke-CimMethod', 'Get-Service', 'Restart-Service', 'Get-WinEvent', 'Get-Acl', 'Test-NetConnection', 'reg.exe', 'shutdown.exe') {
        Remove-Item "function:global:$name"
    }
}

# Issue 10: the Windows branch had never run. Each test runs one Windows function with the Windows
# commands mocked and checks the exact class, method, key, value name and arguments it uses.
Describe 'the Windows access layer' {
    BeforeEach {
        Mock -ModuleName RdsLicensing Get-CimInstance { [pscustomobject]@{ LicensingType = 4; PolicySourceLicensingType = 0; PolicySourceConfiguredLicenseServers = 1 } }
    }

    It 'reads mode, servers and grace days from Win32_TerminalServiceSetting' {
        Mock -ModuleName RdsLicensing Invoke-CimMethod {
            if ($MethodName -eq 'GetSpecifiedLicenseServerList') { [pscustomobject]@{ SpecifiedLSList = @('LS1', 'LS2') } } else { [pscustomobject]@{ DaysLeft = 37 } }
        }
        $setting = InModuleScope RdsLicensing { Get-RdsTsLicensingSetting }
        $script:Executed.Add('Get-RdsTsLicensingSetting') | Out-Null
        $setting['licensingType'] | Should -Be 4
        $setting['specifiedServers'] | Should -Be @('LS1', 'LS2')
        $setting['policyServers'] | Should -BeTrue
        $setting['graceDaysLeft'] | Should -Be 37
        Should -Invoke -ModuleName RdsLicensing Get-CimInstance -ParameterFilter { $Namespace -eq 'root/cimv2/TerminalServices' -and $ClassName -eq 'Win32_TerminalServiceSetting' }
    }

    It 'changes the mode with ChangeMode and the licensing type as a uint32' {
        Mock -ModuleName RdsLicensing Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0 } }
        InModuleScope RdsLicensing { Set-RdsTsLicensingMode -Type 2 -Confirm:$false }
        $script:Executed.Add('Set-RdsTsLicensingMode') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Invoke-CimMethod -ParameterFilter { $MethodName -eq 'ChangeMode' -and $Arguments['LicensingType'] -is [uint32] -and $Arguments['LicensingType'] -eq 2 }
    }

    It 'empties the server list with EmptySpecifiedLicenseServerList, and sets one in order otherwise' {
        Mock -ModuleName RdsLicensing Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0 } }
        InModuleScope RdsLicensing { Set-RdsTsLicenseServerList -Servers @() -Confirm:$false; Set-RdsTsLicenseServerList -Servers 'LS2', 'LS1' -Confirm:$false }
        $script:Executed.Add('Set-RdsTsLicenseServerList') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Invoke-CimMethod -Times 1 -Exactly -ParameterFilter { $MethodName -eq 'EmptySpecifiedLicenseServerList' }
        Should -Invoke -ModuleName RdsLicensing Invoke-CimMethod -Times 1 -Exactly -ParameterFilter { $MethodName -eq 'SetSpecifiedLicenseServerList' -and (($Arguments['SpecifiedLSList']) -join ',') -eq 'LS2,LS1' }
    }

    It 'stops when a WMI method reports failure' {
        Mock -ModuleName RdsLicensing Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 5 } }
        { InModuleScope RdsLicensing { Set-RdsTsLicensingMode -Type 4 -Confirm:$false } } | Should -Throw '*ChangeMode returned 5*'
    }

    It 'counts RDP logon sessions (logon type 10)' {
        Mock -ModuleName RdsLicensing Get-CimInstance { @([pscustomobject]@{}, [pscustomobject]@{}) } -ParameterFilter { $ClassName -eq 'Win32_LogonSession' }
        InModuleScope RdsLicensing { Get-RdsActiveSessionCount } | Should -Be 2
        $script:Executed.Add('Get-RdsActiveSessionCount') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Get-CimInstance -ParameterFilter { $Filter -eq 'LogonType = 10' }
    }

    It 'reads and restarts TermService through the service cmdlets' {
        Mock -ModuleName RdsLicensing Get-Service { [pscustomobject]@{ Status = 'Running' } }
        Mock -ModuleName RdsLicensing Restart-Service { }
        (InModuleScope RdsLicensing { Get-RdsServiceState -Name TermService })['status'] | Should -Be 'Running'
        InModuleScope RdsLicensing { Restart-RdsService -Name TermService -Confirm:$false }
        $script:Executed.Add('Get-RdsServiceState') | Out-Null; $script:Executed.Add('Restart-RdsService') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Restart-Service -ParameterFilter { $Name -eq 'TermService' -and $Force }
    }

    It 'schedules a reboot with shutdown.exe /r and a planned reason code' {
        Mock -ModuleName RdsLicensing shutdown.exe { $global:LASTEXITCODE = 0 }
        InModuleScope RdsLicensing { Request-RdsReboot -When now -Confirm:$false } | Out-Null
        $script:Executed.Add('Invoke-RdsReboot') | Out-Null
        Should -Invoke -ModuleName RdsLicensing shutdown.exe -ParameterFilter { ($args -join ' ') -match '^/r /t \d+ /d p:4:1 /c ' }
    }

    It 'reads licensing events from the four logs with a provider and id filter' {
        Mock -ModuleName RdsLicensing Get-WinEvent { }
        InModuleScope RdsLicensing { Get-RdsLicensingEventRecord -Since (Get-Date).AddDays(-1) -ProviderName 'TermServLicensing' -Id 1128 } | Out-Null
        $script:Executed.Add('Get-RdsLicensingEventRecord') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Get-WinEvent -Times 4 -Exactly -ParameterFilter { $FilterHashtable['ProviderName'] -eq 'TermServLicensing' -and $FilterHashtable['Id'] -eq 1128 -and $MaxEvents -eq 200 }
    }

    It 'tests a license server with GetTStoLSConnectivityStatus and TCP 135 and 445' {
        Mock -ModuleName RdsLicensing Invoke-CimMethod { [pscustomobject]@{ TStoLSConnectivityStatus = 11 } }
        Mock -ModuleName RdsLicensing Test-NetConnection { [pscustomobject]@{ TcpTestSucceeded = $true } }
        $result = InModuleScope RdsLicensing { Test-RdsLicenseServerConnectivity -Server 'LS1' }
        $script:Executed.Add('Test-RdsLicenseServerConnectivity') | Out-Null
        $result['statusName'] | Should -Be 'VALID_LS'
        Should -Invoke -ModuleName RdsLicensing Invoke-CimMethod -ParameterFilter { $MethodName -eq 'GetTStoLSConnectivityStatus' -and $Arguments['ServerName'] -eq 'LS1' }
        Should -Invoke -ModuleName RdsLicensing Test-NetConnection -Times 2 -Exactly
    }

    It 'lists key packs from Win32_TSLicenseKeyPack' {
        Mock -ModuleName RdsLicensing Get-CimInstance { [pscustomobject]@{ TypeAndModel = 'RDS Per User CAL'; ProductVersion = 'Windows Server 2022'; TotalLicenses = 50; AvailableLicenses = 8; IssuedLicenses = 42 } } -ParameterFilter { $ClassName -eq 'Win32_TSLicenseKeyPack' }
        $packs = InModuleScope RdsLicensing { Get-RdsLicenseKeyPack }
        $script:Executed.Add('Get-RdsLicenseKeyPack') | Out-Null
        @($packs)[0]['available'] | Should -Be 8
    }

    It 'addresses registry keys through the Registry provider under HKEY_LOCAL_MACHINE' {
        Mock -ModuleName RdsLicensing Test-Path { $true }
        InModuleScope RdsLicensing { Test-RdsRegistryKey -Path 'HKLM\SOFTWARE\Microsoft\MSLicensing' } | Should -BeTrue
        $script:Executed.Add('Test-RdsRegistryKey') | Out-Null; $script:Executed.Add('ConvertTo-RdsProviderPath') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Test-Path -ParameterFilter { $LiteralPath -eq 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\MSLicensing' }
    }

    It 'writes a value with New-ItemProperty, creating the key first when it is missing' {
        Mock -ModuleName RdsLicensing Test-Path { $false }
        Mock -ModuleName RdsLicensing New-Item { }
        Mock -ModuleName RdsLicensing New-ItemProperty { }
        InModuleScope RdsLicensing { Set-RdsRegistryValue -Path 'HKLM\SYSTEM\X' -Name 'LicensingMode' -Type DWord -Data 4 -Confirm:$false }
        $script:Executed.Add('Set-RdsRegistryValue') | Out-Null
        Should -Invoke -ModuleName RdsLicensing New-Item -ParameterFilter { $Path -eq 'Registry::HKEY_LOCAL_MACHINE\SYSTEM\X' -and $Force }
        Should -Invoke -ModuleName RdsLicensing New-ItemProperty -ParameterFilter { $Name -eq 'LicensingMode' -and $PropertyType -eq 'DWord' -and $Value -eq 4 }
    }

    It 'removes a value with Remove-ItemProperty and a key with Remove-Item -Recurse' {
        Mock -ModuleName RdsLicensing Remove-ItemProperty { }
        Mock -ModuleName RdsLicensing Test-Path { $true }
        Mock -ModuleName RdsLicensing Remove-Item { }
        InModuleScope RdsLicensing {
            Remove-RdsRegistryValue -Path 'HKLM\SYSTEM\X' -Name 'Certificate' -Confirm:$false
            Remove-RdsRegistryKey -Path 'HKLM\SOFTWARE\Microsoft\MSLicensing' -Confirm:$false
        }
        $script:Executed.Add('Remove-RdsRegistryValue') | Out-Null; $script:Executed.Add('Remove-RdsRegistryKey') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Remove-ItemProperty -ParameterFilter { $Name -eq 'Certificate' }
        Should -Invoke -ModuleName RdsLicensing Remove-Item -ParameterFilter { $Recurse -and $Force -and $LiteralPath -eq 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\MSLicensing' }
    }

    It 'backs up with reg export per existing key into the ProgramData backup folder' {
        $env:ProgramData = Join-Path $TestDrive 'ProgramData'
        Mock -ModuleName RdsLicensing Test-Path { $true }
        Mock -ModuleName RdsLicensing Get-RdsKeySecurity { @{ owner = 'S-1-5-32-544'; sddl = 'O:BAD:(A;;KA;;;BA)' } }
        Mock -ModuleName RdsLicensing reg.exe { Set-Content -Path $args[2] -Value 'REGEDIT'; $global:LASTEXITCODE = 0 }
        $backup = InModuleScope RdsLicensing { Export-RdsRegistryBackup -Path 'HKLM\SOFTWARE\Microsoft\MSLicensing' -RequestId 'r1' -Label 'client' }
        $script:Executed.Add('Export-RdsRegistryBackup') | Out-Null; $script:Executed.Add('Get-RdsBackupDirectory') | Out-Null
        $backup['path'] | Should -BeLike (Join-Path $env:ProgramData 'RdsBot*')
        Should -Invoke -ModuleName RdsLicensing reg.exe -ParameterFilter { $args[0] -eq 'export' -and $args[1] -eq 'HKLM\SOFTWARE\Microsoft\MSLicensing' -and $args[3] -eq '/y' }
        (Get-Content -Raw $backup['path'] | ConvertFrom-Json).exports[0].sddl | Should -Be 'O:BAD:(A;;KA;;;BA)'
    }

    It 'names the computer from COMPUTERNAME' {
        $env:COMPUTERNAME = 'RDSH01'
        InModuleScope RdsLicensing { Get-RdsComputerName } | Should -Be 'RDSH01'
        $script:Executed.Add('Get-RdsComputerName') | Out-Null
    }

    It 'lists subkeys by their child names, sorted' {
        Mock -ModuleName RdsLicensing Get-ChildItem { [pscustomobject]@{ PSChildName = 'Store' }, [pscustomobject]@{ PSChildName = 'HardwareID' } }
        InModuleScope RdsLicensing { Get-RdsRegistrySubkeyName -Path 'HKLM\SOFTWARE\Microsoft\MSLicensing' } | Should -Be @('HardwareID', 'Store')
        $script:Executed.Add('Get-RdsRegistrySubkeyName') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Get-ChildItem -ParameterFilter { $LiteralPath -eq 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\MSLicensing' }
    }

    It 'reads a value with its kind, without expanding environment names, binary as base64' {
        $key = [pscustomobject]@{}
        $key | Add-Member ScriptMethod GetValueNames { @('Certificate', 'LicensingMode') }
        $key | Add-Member ScriptMethod GetValueKind { param($n) if ($n -eq 'Certificate') { 'Binary' } else { 'DWord' } }
        $key | Add-Member ScriptMethod GetValue { param($n, $d, $o) $script:Options = $o; if ($n -eq 'Certificate') { , [byte[]](1, 2, 3) } else { 4 } }
        Mock -ModuleName RdsLicensing Get-Item { $key }
        $cert = InModuleScope RdsLicensing { Get-RdsRegistryValue -Path 'HKLM\SYSTEM\X' -Name 'Certificate' }
        $names = InModuleScope RdsLicensing { Get-RdsRegistryValueName -Path 'HKLM\SYSTEM\X' }
        $script:Executed.Add('Get-RdsRegistryValue') | Out-Null; $script:Executed.Add('Get-RdsRegistryValueName') | Out-Null
        $cert['type'] | Should -Be 'Binary'
        $cert['data'] | Should -Be 'AQID'
        $names | Should -Be @('Certificate', 'LicensingMode')
    }

    It 'reads the owner and SDDL of a key with Get-Acl' {
        $acl = [pscustomobject]@{ Sddl = 'O:BAD:(A;;KA;;;BA)' }
        $acl | Add-Member ScriptMethod GetOwner { param($type) [pscustomobject]@{ Value = 'S-1-5-32-544' } }
        Mock -ModuleName RdsLicensing Get-Acl { $acl }
        $security = InModuleScope RdsLicensing { Get-RdsKeySecurity -Path 'HKLM\SYSTEM\X' }
        $script:Executed.Add('Get-RdsKeySecurity') | Out-Null
        $security['owner'] | Should -Be 'S-1-5-32-544'
        $security['sddl'] | Should -Be 'O:BAD:(A;;KA;;;BA)'
    }

    It 'restores by removing a key the change created (RegistrySecurity itself cannot run on Linux)' {
        $file = Join-Path $TestDrive 'backup.json'
        $document = @{ format = 'rdsbot-backup/reg/2'; roots = @('HKLM\SOFTWARE\Microsoft\MSLicensing'); exports = @(@{ root = 'HKLM\SOFTWARE\Microsoft\MSLicensing'; exists = $false; reg = $null; sddl = $null }) }
        Set-Content -Path $file -Value (ConvertTo-Json -InputObject $document -Depth 5)
        Mock -ModuleName RdsLicensing Remove-RdsRegistryKey { }
        Mock -ModuleName RdsLicensing reg.exe { $global:LASTEXITCODE = 0 }
        InModuleScope RdsLicensing -Parameters @{ File = $file } { param($File) Import-RdsRegistryBackup -BackupPath $File -Confirm:$false }
        $script:Executed.Add('Import-RdsRegistryBackup') | Out-Null
        Should -Invoke -ModuleName RdsLicensing Remove-RdsRegistryKey -ParameterFilter { $Path -eq 'HKLM\SOFTWARE\Microsoft\MSLicensing' }
        Should -Invoke -ModuleName RdsLicensing reg.exe -Times 0 -Exactly
    }

}
