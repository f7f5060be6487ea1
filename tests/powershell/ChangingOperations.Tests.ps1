BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $script:ModulePath -Force
}

# Every changing operation: the preview writes nothing but reports the change; the real run changes what
# the preview said; the rerun reports no change; rollback restores the hive byte for byte.
Describe '<operation> on <scenario>' -ForEach @(
    @{ operation = 'client.reset_license_cache'; scenario = 'client-stale-cache'; computer = 'PC-042'; params = @{} }
    @{ operation = 'client.reset_license_cache'; scenario = 'client-stale-cache-wow64'; computer = 'PC-043'; params = @{ scope = 'subkeys' } }
    @{ operation = 'rdsh.refresh_licensing_cert'; scenario = 'rdsh-stale-certificate'; computer = 'RDSH01'; params = @{ reboot = 'none' } }
    @{ operation = 'rdsh.reset_grace_period'; scenario = 'rdsh-stale-certificate'; computer = 'RDSH01'; params = @{ restart = 'later' } }
    @{ operation = 'rdsh.reset_grace_period'; scenario = 'rdsh-no-license-server'; computer = 'RDSH-LAB-02'; params = @{} }
    @{ operation = 'rdsh.set_licensing_mode'; scenario = 'rdsh-stale-certificate'; computer = 'RDSH01'; params = @{ mode = 'PerUser' } }
    @{ operation = 'rdsh.set_licensing_mode'; scenario = 'rdsh-no-license-server'; computer = 'RDSH-LAB-02'; params = @{ mode = 'PerDevice' } }
    @{ operation = 'rdsh.set_license_servers'; scenario = 'rdsh-stale-certificate'; computer = 'RDSH01'; params = @{ servers = @('LS2', 'LS1') } }
    @{ operation = 'rdsh.set_license_servers'; scenario = 'rdsh-no-license-server'; computer = 'RDSH-LAB-02'; params = @{ servers = @('LS1'); op = 'add' } }
) {
    BeforeEach {
        New-TestHive -Scenario $scenario -ComputerName $computer -Directory (Join-Path $TestDrive $computer) | Out-Null
        $original = Get-HiveBytes
        $payload = @{ operation = $operation; params = $params; requestId = 'req-1' }
    }

    It 'previews with -WhatIf: reports changed and writes nothing' {
        $preview = Invoke-Payload ($payload + @{ whatIf = $true })
        $preview.whatIf | Should -BeTrue
        $preview.changed | Should -BeTrue
        $preview.backup | Should -BeNullOrEmpty
        Get-HiveBytes | Should -Be $original
    }

    It 'changes exactly what the preview said, and verifies it' {
        $preview = Invoke-Payload ($payload + @{ whatIf = $true })
        $result = Invoke-Payload ($payload + @{ whatIf = $false })
        $result.changed | Should -BeTrue
        $result.verified | Should -BeTrue
        ($result.items | ConvertTo-Json -Depth 5) | Should -Be ($preview.items | ConvertTo-Json -Depth 5)
        Get-HiveBytes | Should -Not -Be $original
    }

    It 'reports no change on the rerun and writes no backup' {
        Invoke-Payload ($payload + @{ whatIf = $false }) | Out-Null
        $again = Invoke-Payload ($payload + @{ whatIf = $false })
        $again.changed | Should -BeFalse
        $again.backup | Should -BeNullOrEmpty
    }

    It 'is undone by request.rollback, byte for byte' {
        $result = Invoke-Payload ($payload + @{ whatIf = $false })
        $result.backup.path | Should -Exist
        (Get-FileHash $result.backup.path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $result.backup.sha256
        Invoke-Rollback $result | Out-Null
        Get-HiveBytes | Should -Be $original
    }
}

Describe 'the grace-period reset on a key owned by NETWORK SERVICE' {
    BeforeEach {
        New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'grace') | Out-Null
        $key = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\GracePeriod'
    }

    It 'cannot delete the timebomb without taking ownership first (Administrators only have read)' {
        { InModuleScope RdsLicensing -Parameters @{ key = $key } { Remove-RdsRegistryValue -Path $key -Name 'L$RTMTIMEBOMB_1320153D-8DA3-4e8e-B27B-0D888223A588' -Confirm:$false } } |
            Should -Throw '*denied*'
    }

    It 'deletes every *TIMEBOMB* value and puts the original owner and ACL back' {
        $before = (Get-HiveRegistry)[$key]
        $result = Invoke-Payload @{ operation = 'rdsh.reset_grace_period'; params = @{}; whatIf = $false; requestId = 'req-g' }
        $after = (Get-HiveRegistry)[$key]
        @($after['values'].Keys) | Should -BeNullOrEmpty
        $after['owner'] | Should -Be $before['owner']
        $after['sddl'] | Should -Be $before['sddl']
        $result.impact.restart | Should -Be 'needed'
        $result.impact.sessions | Should -Be 3
    }

    It 'restarts TermService only when asked to, disconnecting the sessions' {
        Invoke-Payload @{ operation = 'rdsh.reset_grace_period'; params = @{ restart = 'now' }; whatIf = $false; requestId = 'req-g2' } | Out-Null
        $hive = Get-Hive
        $hive['services']['TermService']['starts'] | Should -Be 2
        @($hive['sessions'] | Where-Object { $_['state'] -eq 'Active' }) | Should -BeNullOrEmpty
    }
}

Describe 'settings that Group Policy owns' {
    BeforeEach {
        New-TestHive -Scenario 'rdsh-group-policy' -ComputerName 'RDSH02' -Directory (Join-Path $TestDrive 'gpo') | Out-Null
        $original = Get-HiveBytes
    }

    It 'refuses to set the licensing mode locally, with the reason, and writes nothing' {
        $result = Invoke-Payload @{ operation = 'rdsh.set_licensing_mode'; params = @{ mode = 'PerDevice' }; whatIf = $false; requestId = 'req-p' }
        $result.refused.code | Should -Be 'gpo_managed'
        $result.refused.reason | Should -BeLike '*Group Policy*'
        $result.changed | Should -BeFalse
        Get-HiveBytes | Should -Be $original
    }

    It 'refuses to set the license servers locally and reports the policy list' {
        $result = Invoke-Payload @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS2') }; whatIf = $false; requestId = 'req-p' }
        $result.refused.code | Should -Be 'gpo_managed'
        $result.items[0].before | Should -Be @('LS1', 'LS2')
        Get-HiveBytes | Should -Be $original
    }
}

Describe 'license server list operations' {
    BeforeEach { New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'ls') | Out-Null }

    It 'adds a server at the end and removes one, keeping the order' {
        (Invoke-Payload @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS2'); op = 'add' }; whatIf = $false; requestId = 'r1' }).items[0].after | Should -Be @('LS1', 'LS2')
        (Invoke-Payload @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS1'); op = 'remove' }; whatIf = $false; requestId = 'r2' }).items[0].after | Should -Be @('LS2')
    }

    It 'treats names differing only in case as the same list (no change)' {
        (Invoke-Payload @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('ls1') }; whatIf = $false; requestId = 'r3' }).changed | Should -BeFalse
    }

    It 'refuses to leave the host without a license server' {
        $result = Invoke-Payload @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS1'); op = 'remove' }; whatIf = $false; requestId = 'r4' }
        $result.refused.code | Should -Be 'would_empty_list'
    }
}

Describe 'the licensing certificate refresh and its reboot' {
    BeforeEach { New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'rcm') | Out-Null }

    It 'schedules the reboot for 02:00 by default and leaves other RCM values alone' {
        $result = Invoke-Payload @{ operation = 'rdsh.refresh_licensing_cert'; params = @{}; whatIf = $false; requestId = 'r5' }
        $result.impact.reboot | Should -Be 'scheduled'
        (Get-Hive)['reboot']['when'] | Should -Be 'scheduled'
        @((Get-HiveRegistry)['HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM']['values'].Keys) | Should -Be @('fEnableDrainMode')
    }

    It 'reports the sessions a reboot now would end, without rebooting in a preview' {
        $result = Invoke-Payload @{ operation = 'rdsh.refresh_licensing_cert'; params = @{ reboot = 'now' }; whatIf = $true; requestId = 'r6' }
        $result.impact.sessions | Should -Be 3
        (Get-Hive).Contains('reboot') | Should -BeFalse
    }
}

Describe 'restarting Remote Desktop Services' {
    BeforeEach { New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'svc') | Out-Null }

    It 'previews how many sessions it disconnects, then restarts' {
        $preview = Invoke-Payload @{ operation = 'rdsh.restart_service'; params = @{}; whatIf = $true; requestId = 'r7' }
        $preview.impact.sessions | Should -Be 3
        (Get-Hive)['services']['TermService']['starts'] | Should -Be 1
        $result = Invoke-Payload @{ operation = 'rdsh.restart_service'; params = @{}; whatIf = $false; requestId = 'r8' }
        $result.verified | Should -BeTrue
        (Get-Hive)['services']['TermService']['starts'] | Should -Be 2
    }

    It 'refuses on a host without TermService' {
        New-TestHive -Scenario 'license-server-with-cals' -ComputerName 'LS1' -Directory (Join-Path $TestDrive 'ls1') | Out-Null
        (Invoke-Payload @{ operation = 'rdsh.restart_service'; params = @{}; whatIf = $false; requestId = 'r9' }).refused.code | Should -Be 'not_a_session_host'
    }
}

# Backups made before the format had a version per backend ('rdsbot-backup/1') still restore; a backup
# of the other backend's shape is refused and nothing is written.
Describe 'a backup document' {
    BeforeEach {
        New-TestHive -Scenario 'client-stale-cache' -ComputerName 'PC-042' -Directory (Join-Path $TestDrive 'format') | Out-Null
        $original = Get-HiveBytes
        $result = Invoke-Payload @{ operation = 'client.reset_license_cache'; params = @{}; whatIf = $false; requestId = 'fmt-1' }
        $document = Get-Content -Raw $result.backup.path | ConvertFrom-Json -AsHashtable
    }

    It 'is written with the hive format and its version' {
        $document['format'] | Should -Be 'rdsbot-backup/hive/2'
    }

    It 'still restores when it was written as rdsbot-backup/1' {
        $document['format'] = 'rdsbot-backup/1'
        Set-Content -Path $result.backup.path -Value (ConvertTo-Json -InputObject $document -Depth 30)
        Invoke-Rollback $result | Out-Null
        Get-HiveBytes | Should -Be $original
    }

    It 'is refused when it has the Windows shape, and nothing is written' {
        $changed = Get-HiveBytes
        Set-Content -Path $result.backup.path -Value (ConvertTo-Json -InputObject @{ format = 'rdsbot-backup/reg/2'; roots = @('HKLM\SOFTWARE\Microsoft\MSLicensing'); exports = @() } -Depth 5)
        { Invoke-Rollback $result } | Should -Throw
        Get-HiveBytes | Should -Be $changed
    }
}
