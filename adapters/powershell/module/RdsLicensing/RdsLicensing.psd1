@{
    RootModule        = 'RdsLicensing.psm1'
    ModuleVersion     = '0.2.0'
    GUID              = '8d6c1f0e-2b4a-4f7e-9a51-3c2e7d9b4a10'
    Author            = 'RDS Licensing Bot'
    Description       = 'Target-side operations of RDS Licensing Bot: RDS licensing fixes with preview (-WhatIf), backup, verification and rollback.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Invoke-RdsLicensingOperation',
        'Reset-RdsClientLicenseCache',
        'Reset-RdsLicensingCertificate',
        'Reset-RdsGracePeriod',
        'Set-RdsLicensingMode',
        'Set-RdsLicenseServer',
        'Restart-RdsRemoteDesktopService',
        'Restore-RdsLicensingBackup',
        'Get-RdsLicensingDiagnosis',
        'Get-RdsLicensingEvent',
        'Test-RdsLicenseServer',
        'Get-RdsCalInventory'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
