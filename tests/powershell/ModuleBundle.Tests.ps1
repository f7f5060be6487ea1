BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $script:RepoRoot 'adapters/powershell/scripts/Get-RdsModuleBundle.ps1')
    $script:Invoke = Join-Path $script:RepoRoot 'adapters/powershell/scripts/Invoke-RdsBotOperation.ps1'

    function Get-BundleFunctionName {
        param ([string] $Text)
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$null, [ref]$null)
        return @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false) | ForEach-Object Name | Sort-Object -Unique)
    }

    function Invoke-Bundled {
        <# Runs the bot's one script for a 'local' target and returns the parsed result line. #>
        param ([hashtable] $Transport)
        $payload = @{ target = @{ name = 'RDSH01'; transport = $Transport }; operation = 'licensing.diagnose'; params = @{}; whatIf = $true; requestId = 'bundle-1' }
        $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $payload -Depth 5 -Compress)))
        $line = & pwsh -NoProfile -NonInteractive -File $script:Invoke $encoded | Where-Object { $_ -like 'RDSBOT-RESULT *' } | Select-Object -Last 1
        return ConvertFrom-Json -InputObject $line.Substring('RDSBOT-RESULT '.Length) -AsHashtable
    }
}

# Issue 10: the lab's hive-file access layer must never reach a real Windows host.
Describe 'the module bundle sent to a host' {
    It 'holds no lab code when it goes to a Windows host' {
        $windows = Get-RdsModuleBundle -Backend Windows
        $windows | Should -Not -Match 'RDSBOT_HIVE_FILE|Read-RdsHive|Write-RdsHive|Get-RdsHiveSection'
        $windows | Should -Match 'Get-CimInstance'
    }

    It 'holds the lab code, and no Windows registry or CIM calls, when it goes to a lab host' {
        $lab = Get-RdsModuleBundle -Backend Lab
        $lab | Should -Match 'Read-RdsHive'
        $lab | Should -Not -Match 'reg\.exe|Get-CimInstance|Get-WinEvent|shutdown\.exe'
    }

    It 'defines the same access functions in both backends' {
        $windows = Get-BundleFunctionName (Get-RdsModuleBundle -Backend Windows)
        $lab = Get-BundleFunctionName (Get-RdsModuleBundle -Backend Lab)
        $labOnly = 'Assert-RdsHiveWriteAccess', 'Find-RdsHiveKeyName', 'Get-RdsHiveSection', 'Read-RdsHive', 'Test-RdsUnderKey', 'Write-RdsHive'
        $windowsOnly = 'ConvertTo-RdsProviderPath', 'Enable-RdsTokenPrivilege'
        @($windows | Where-Object { $windowsOnly -notcontains $_ }) | Should -Be @($lab | Where-Object { $labOnly -notcontains $_ })
    }

    It 'sends the Windows layer to a host whose transport does not say lab, and the lab layer to one that does' {
        New-TestHive -Scenario 'rdsh-stale-certificate' -ComputerName 'RDSH01' -Directory (Join-Path $TestDrive 'bundle') | Out-Null
        $lab = Invoke-Bundled -Transport @{ type = 'local'; lab = $true }
        $lab['ok'] | Should -BeTrue
        # On this Linux machine the Windows layer can only fail, and how it fails shows what was sent.
        $windows = Invoke-Bundled -Transport @{ type = 'local' }
        $windows['ok'] | Should -BeFalse
        $windows['message'] | Should -Not -Match 'no Windows registry'
    }
}
