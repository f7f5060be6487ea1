function Restore-RdsLicensingBackup {
    <#
    .SYNOPSIS
        Undoes a change: puts the keys from one of this module's backups back exactly (values, owner, ACL),
        and removes keys the change created.
    .DESCRIPTION
        The backup is named by file name only and must be in this host's backup folder. The current state
        is backed up first, so a rollback can itself be rolled back.
    .PARAMETER BackupPath
        The backup file (resolved inside the backup folder by the entry point).
    .PARAMETER RequestId
        The bot's request id, used to name the backup of the current state.
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param (
        [Parameter(Mandatory)][string] $BackupPath,
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    if (-not (Test-Path -LiteralPath $BackupPath -PathType Leaf)) { throw [System.ArgumentException]::new('backup: no such backup on this host') }
    $document = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($BackupPath)) -AsHashtable
    $roots = [string[]]@($document['roots'])
    $items = foreach ($root in $roots) { New-RdsItem -Path $root -Action 'restore' -Before $(if (Test-RdsRegistryKey -Path $root) { 'present' } else { 'absent' }) -After $(if (@($document['absent']) -contains $root) { 'absent' } else { 'present' }) }
    $backup = $null
    if ($PSCmdlet.ShouldProcess((Get-RdsComputerName), "Restore $($roots -join ', ') from $(Split-Path -Leaf $BackupPath)")) {
        $backup = Export-RdsRegistryBackup -Path $roots -RequestId $RequestId -Label 'BeforeRollback'
        Import-RdsRegistryBackup -BackupPath $BackupPath -Confirm:$false
    }
    return New-RdsResult -Operation 'request.rollback' -Changed $true -Items @($items) -Backup $backup -Data ([ordered]@{ restoredFrom = Split-Path -Leaf $BackupPath })
}
