<#
    GENERATED from the catalogue (bot/catalogue) by `npm run generate`: do not edit by hand.
    The operations the entry point accepts, the function each runs and its parameters (Payload.ps1
    checks every value against this again on the host, whatever the bot already checked).
#>

$script:Operations = @{
    'client.reset_license_cache' = @{
        Command = 'Reset-RdsClientLicenseCache'
        Params  = @{
            scope = @{ Parameter = 'Scope'; Kind = 'enum'; Allowed = @('key', 'subkeys') }
        }
    }
    'rdsh.refresh_licensing_cert' = @{
        Command = 'Reset-RdsLicensingCertificate'
        Params  = @{
            reboot = @{ Parameter = 'Reboot'; Kind = 'enum'; Allowed = @('now', 'scheduled', 'none') }
        }
    }
    'rdsh.reset_grace_period' = @{
        Command = 'Reset-RdsGracePeriod'
        Params  = @{
            restart = @{ Parameter = 'Restart'; Kind = 'enum'; Allowed = @('now', 'later') }
        }
    }
    'rdsh.set_licensing_mode' = @{
        Command = 'Set-RdsLicensingMode'
        Params  = @{
            mode = @{ Parameter = 'Mode'; Kind = 'enum'; Allowed = @('PerUser', 'PerDevice'); Required = $true }
        }
    }
    'rdsh.set_license_servers' = @{
        Command = 'Set-RdsLicenseServer'
        Params  = @{
            servers = @{ Parameter = 'Server'; Kind = 'hosts'; Required = $true }
            op = @{ Parameter = 'Operation'; Kind = 'enum'; Allowed = @('replace', 'add', 'remove') }
        }
    }
    'rdsh.restart_service' = @{
        Command = 'Restart-RdsRemoteDesktopService'
        Params  = @{}
    }
    'request.rollback' = @{
        Command = 'Restore-RdsLicensingBackup'
        Params  = @{
            backup = @{ Parameter = 'BackupPath'; Kind = 'backup'; Required = $true }
        }
    }
    'licensing.diagnose' = @{
        Command = 'Get-RdsLicensingDiagnosis'
        Params  = @{}
    }
    'rdsh.events' = @{
        Command = 'Get-RdsLicensingEvent'
        Params  = @{
            since = @{ Parameter = 'Since'; Kind = 'since' }
            ids = @{ Parameter = 'Id'; Kind = 'ids' }
        }
    }
    'rdsh.test_license_server' = @{
        Command = 'Test-RdsLicenseServer'
        Params  = @{
            servers = @{ Parameter = 'Server'; Kind = 'hosts' }
        }
    }
    'ls.cal_inventory' = @{
        Command = 'Get-RdsCalInventory'
        Params  = @{
            type = @{ Parameter = 'Type'; Kind = 'enum'; Allowed = @('PerUser', 'PerDevice') }
        }
    }
}
