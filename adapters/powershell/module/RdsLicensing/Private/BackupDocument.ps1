<#
    The backup document both access backends write and read: one JSON file per backup in the host's
    backup folder, named for the request and the step, with its shape and version in 'format'. The
    backends decide what goes inside; this decides where it goes and checks what comes back.
#>

function Save-RdsBackupDocument {
    <# Writes $Document to a new file for $RequestId and $Label; returns @{ path; sha256 }. #>
    param ([System.Collections.IDictionary] $Document, [string] $RequestId, [string] $Label, [int] $Depth = 30)
    $directory = Get-RdsBackupDirectory
    New-Item -ItemType Directory -Path $directory -Force | Out-Null
    $stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssfffZ')
    $file = Join-Path $directory "$RequestId-$Label-$stamp.json"
    [System.IO.File]::WriteAllText($file, (ConvertTo-Json -InputObject $Document -Depth $Depth), [System.Text.UTF8Encoding]::new($false))
    return [ordered]@{ path = $file; sha256 = (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash.ToLowerInvariant() }
}

function Read-RdsBackupDocument {
    <#
        Reads a backup and refuses one of another shape. 'rdsbot-backup/1' named both shapes before
        version 2; such a file is accepted when it has this backend's key ($ShapeKey).
    #>
    param ([string] $BackupPath, [string] $Format, [string] $ShapeKey, [string] $What)
    $document = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($BackupPath)) -AsHashtable
    $legacy = $document['format'] -eq 'rdsbot-backup/1' -and $document.ContainsKey($ShapeKey)
    if ($document['format'] -ne $Format -and -not $legacy) { throw [System.ArgumentException]::new("backup: not a $What backup made by this module") }
    return $document
}
