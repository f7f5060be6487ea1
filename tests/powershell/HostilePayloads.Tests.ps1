BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $script:ModulePath -Force
}

# Hostile payloads (shared/design/security.md §7): refused with an ArgumentException naming the field,
# and nothing written.
Describe 'a hostile payload' -ForEach @(
    @{ name = 'not base64'; raw = "AAAA'; Remove-Item C:\ -Recurse; #" }
    @{ name = 'base64 of something that is not JSON'; raw = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('$(Stop-Computer)')) }
    @{ name = 'an unknown operation'; payload = @{ operation = 'run.script'; params = @{}; whatIf = $false; requestId = 'h1' } }
    @{ name = 'an extra field'; payload = @{ operation = 'licensing.diagnose'; params = @{}; whatIf = $false; requestId = 'h2'; script = 'whoami' } }
    @{ name = 'a hostile request id'; payload = @{ operation = 'licensing.diagnose'; params = @{}; whatIf = $false; requestId = "h3'; whoami; #" } }
    @{ name = 'whatIf as a string'; payload = @{ operation = 'client.reset_license_cache'; params = @{}; whatIf = 'false'; requestId = 'h4' } }
    @{ name = 'an unknown parameter'; payload = @{ operation = 'client.reset_license_cache'; params = @{ path = 'HKLM\SYSTEM' }; whatIf = $false; requestId = 'h5' } }
    @{ name = 'a parameter outside its set'; payload = @{ operation = 'rdsh.set_licensing_mode'; params = @{ mode = '4; calc' }; whatIf = $false; requestId = 'h6' } }
    @{ name = 'a mode given as a number'; payload = @{ operation = 'rdsh.set_licensing_mode'; params = @{ mode = 4 }; whatIf = $false; requestId = 'h7' } }
    @{ name = 'a missing required parameter'; payload = @{ operation = 'rdsh.set_licensing_mode'; params = @{}; whatIf = $false; requestId = 'h8' } }
    @{ name = 'a server with PowerShell syntax'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('lic01;calc') }; whatIf = $false; requestId = 'h9' } }
    @{ name = 'an IP address as a server'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('10.0.5.20') }; whatIf = $false; requestId = 'h10' } }
    @{ name = 'five servers'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('a', 'b', 'c', 'd', 'e') }; whatIf = $false; requestId = 'h11' } }
    @{ name = 'a server listed twice'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS1', 'LS1') }; whatIf = $false; requestId = 'h12' } }
    @{ name = 'an ssh option as a server'; payload = @{ operation = 'rdsh.test_license_server'; params = @{ servers = @('-oProxyCommand=calc') }; whatIf = $false; requestId = 'h13' } }
    @{ name = 'a path as a backup'; payload = @{ operation = 'request.rollback'; params = @{ backup = '../../etc/passwd' }; whatIf = $false; requestId = 'h14' } }
    @{ name = 'a since with a command'; payload = @{ operation = 'rdsh.events'; params = @{ since = '24h; whoami' }; whatIf = $false; requestId = 'h15' } }
    @{ name = 'an event id as text'; payload = @{ operation = 'rdsh.events'; params = @{ ids = @('1003') }; whatIf = $false; requestId = 'h16' } }
    # Exact matching (issue 12, case 12): a final newline, a Kelvin sign, a non-ASCII digit, other letter case.
    @{ name = 'a server with a final newline'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @("LS1`n") }; whatIf = $false; requestId = 'h17' } }
    @{ name = 'a server with a Kelvin sign'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @("LS$([char]0x212A)1") }; whatIf = $false; requestId = 'h18' } }
    @{ name = 'a server with an Arabic-Indic digit'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @("LS$([char]0x0661)") }; whatIf = $false; requestId = 'h19' } }
    @{ name = 'a since with a final newline'; payload = @{ operation = 'rdsh.events'; params = @{ since = "7d`n" }; whatIf = $false; requestId = 'h20' } }
    @{ name = 'a since with an Arabic-Indic digit'; payload = @{ operation = 'rdsh.events'; params = @{ since = "$([char]0x0667)d" }; whatIf = $false; requestId = 'h21' } }
    @{ name = 'a request id with a final newline'; payload = @{ operation = 'licensing.diagnose'; params = @{}; whatIf = $false; requestId = "h22`n" } }
    @{ name = 'an operation in other letter case'; payload = @{ operation = 'Licensing.Diagnose'; params = @{}; whatIf = $false; requestId = 'h23' } }
    @{ name = 'a parameter name in other letter case'; payload = @{ operation = 'rdsh.set_licensing_mode'; params = @{ Mode = 'PerUser' }; whatIf = $false; requestId = 'h24' } }
    @{ name = 'a server listed twice in other letter case'; payload = @{ operation = 'rdsh.set_license_servers'; params = @{ servers = @('LS1', 'ls1') }; whatIf = $false; requestId = 'h25' } }
    @{ name = 'a backup name with a final newline'; payload = @{ operation = 'request.rollback'; params = @{ backup = "RDSH01-abc-20261202T101010123Z.json`n" }; whatIf = $false; requestId = 'h26' } }
) {
    BeforeEach {
        New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'hostile') | Out-Null
        $original = Get-HiveBytes
    }

    It 'is refused (<name>) and nothing is written' {
        $encoded = if ($raw) { $raw } else { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $payload -Depth 5 -Compress))) }
        { Invoke-RdsLicensingOperation -PayloadBase64 $encoded } | Should -Throw -ExceptionType ([System.ArgumentException])
        Get-HiveBytes | Should -Be $original
    }
}
