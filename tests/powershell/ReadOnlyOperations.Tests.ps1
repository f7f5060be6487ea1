BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $script:ModulePath -Force
}

Describe 'read-only operations' {
    It 'finds licensing events by provider and id, adding the alternate ids, and skips colliding ids of other providers' {
        New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'ev') | Out-Null
        $grace = Invoke-Payload @{ operation = 'rdsh.events'; params = @{ ids = @(1128) }; whatIf = $false; requestId = 'e1' }
        $grace.data.ids | Should -Be @(1128, 50280)
        @($grace.data.events).Count | Should -Be 1
        $grace.data.events[0].id | Should -Be 50280
        $client = Invoke-Payload @{ operation = 'rdsh.events'; params = @{ ids = @(1003) }; whatIf = $false; requestId = 'e2' }
        @($client.data.events).Count | Should -Be 1
        $client.data.events[0].message | Should -BeLike "*'PC-042'*"
        $client.data.events[0].meaning | Should -BeLike '*reset its licence cache*'
        $week = Invoke-Payload @{ operation = 'rdsh.events'; params = @{ since = '7d' }; whatIf = $false; requestId = 'e3' }
        @($week.data.events).Count | Should -Be 3
    }

    It 'tests the configured license servers by default' {
        New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'ls') | Out-Null
        $result = Invoke-Payload @{ operation = 'rdsh.test_license_server'; params = @{}; whatIf = $false; requestId = 't1' }
        $result.data.servers[0].server | Should -Be 'LS1'
        $result.data.servers[0].good | Should -BeTrue
        $other = Invoke-Payload @{ operation = 'rdsh.test_license_server'; params = @{ servers = @('LS2') }; whatIf = $false; requestId = 't2' }
        $other.data.servers[0].statusName | Should -Be 'NOT_CONNECTABLE'
    }

    It 'counts the CALs left on a license server by type' {
        New-TestHive -Scenario 'license-server-with-cals' -ComputerName 'LS1' -Directory (Join-Path $TestDrive 'cal') | Out-Null
        $result = Invoke-Payload @{ operation = 'ls.cal_inventory'; params = @{ type = 'PerUser' }; whatIf = $false; requestId = 'c1' }
        $result.data.available | Should -Be 7
        @($result.data.keyPacks).Count | Should -Be 2
    }

    It 'diagnoses a host with no mode and no license server' {
        New-TestHive -Scenario 'rdsh-no-license-server' -ComputerName 'RDSH-LAB-02' -Directory (Join-Path $TestDrive 'dx') | Out-Null
        $result = Invoke-Payload @{ operation = 'licensing.diagnose'; params = @{}; whatIf = $false; requestId = 'd1' }
        $result.data.mode | Should -Be 'NotConfigured'
        $result.data.graceDaysLeft | Should -Be 3
        ($result.data.findings -join ' ') | Should -BeLike '*No license server*'
        $result.changed | Should -BeFalse
    }

    It 'reports a Group Policy source in the diagnosis' {
        New-TestHive -Scenario 'rdsh-group-policy' -ComputerName 'RDSH02' -Directory (Join-Path $TestDrive 'dx2') | Out-Null
        $result = Invoke-Payload @{ operation = 'licensing.diagnose'; params = @{}; whatIf = $false; requestId = 'd2' }
        $result.data.mode | Should -Be 'PerUser'
        $result.data.modeSource | Should -Be 'GroupPolicy'
        $result.data.servers | Should -Be @('LS1', 'LS2')
    }
}
