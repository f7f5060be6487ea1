<#
    Access layer, registry half: the only code in the module that reads or writes registry keys.
    On Windows it is the real registry (64-bit view). On any other OS it is a hive file named by
    RDSBOT_HIVE_FILE: that is how the lab makes a Linux host behave like a Windows host. Paths are
    always 'HKLM\...' and come from constants in the operations, never from a request.
#>

function Get-RdsAccessBackend {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        # A 32-bit process sees HKLM\SOFTWARE redirected to WOW6432Node: every answer would be wrong.
        if (-not [Environment]::Is64BitProcess) { throw [System.PlatformNotSupportedException]::new('This is a 32-bit PowerShell; use a 64-bit endpoint.') }
        return 'Registry'
    }
    if ($env:RDSBOT_HIVE_FILE) { return 'HiveFile' }
    throw [System.PlatformNotSupportedException]::new('This host has no Windows registry.')
}

function Test-RdsHiveBackend { return (Get-RdsAccessBackend) -eq 'HiveFile' }

function Get-RdsComputerName {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if (Test-RdsHiveBackend) { return (Read-RdsHive)['computerName'] }
    return $env:COMPUTERNAME
}

function Get-RdsBackupDirectory {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    if (Test-RdsHiveBackend) { return Join-Path (Split-Path -Parent $env:RDSBOT_HIVE_FILE) 'backups' }
    return Join-Path $env:ProgramData 'RdsBot\Backups'
}

function Read-RdsHive {
    [CmdletBinding()]
    param ()
    $json = [System.IO.File]::ReadAllText($env:RDSBOT_HIVE_FILE, [System.Text.Encoding]::UTF8)
    # Dates stay strings, so a hive read and written again is the same bytes.
    $hive = ConvertFrom-Json -InputObject $json -AsHashtable -DateKind String
    if (-not $hive.ContainsKey('registry') -or $null -eq $hive['registry']) { $hive['registry'] = @{} }
    return $hive
}

function Write-RdsHive {
    <# Writes the whole hive atomically (temp file + rename), keys sorted, so equal content is equal bytes. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][System.Collections.IDictionary] $Hive)
    $sorted = [ordered]@{}
    foreach ($name in ($Hive['registry'].Keys | Sort-Object)) { $sorted[$name] = $Hive['registry'][$name] }
    $out = [ordered]@{}
    foreach ($name in ($Hive.Keys | Sort-Object)) { $out[$name] = if ($name -eq 'registry') { $sorted } else { $Hive[$name] } }
    $temp = "$($env:RDSBOT_HIVE_FILE).$PID.tmp"
    [System.IO.File]::WriteAllText($temp, (ConvertTo-Json -InputObject $out -Depth 30), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $env:RDSBOT_HIVE_FILE, $true)
}

function Find-RdsHiveKeyName {
    <# Registry key names are case-insensitive; returns the stored spelling of $Path, or $null. #>
    param ([System.Collections.IDictionary] $Hive, [string] $Path)
    foreach ($name in $Hive['registry'].Keys) {
        if ([string]::Equals($name, $Path, [System.StringComparison]::OrdinalIgnoreCase)) { return $name }
    }
    return $null
}

function Test-RdsUnderKey {
    param ([string] $Name, [string] $Path)
    return [string]::Equals($Name, $Path, [System.StringComparison]::OrdinalIgnoreCase) -or
    $Name.StartsWith("$Path\", [System.StringComparison]::OrdinalIgnoreCase)
}

function ConvertTo-RdsProviderPath {
    param ([string] $Path)
    return 'Registry::' + ($Path -replace '^HKLM\\', 'HKEY_LOCAL_MACHINE\')
}

function Test-RdsRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param ([Parameter(Mandatory)][string] $Path)
    if (Test-RdsHiveBackend) {
        # A key exists when it is listed or when a listed key lies below it (parents are implicit).
        return @((Read-RdsHive)['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $Path }).Count -gt 0
    }
    return Test-Path -LiteralPath (ConvertTo-RdsProviderPath $Path)
}

function Get-RdsRegistrySubkeyName {
    <# Names of the direct subkeys of $Path, sorted. #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    if (Test-RdsHiveBackend) {
        $prefix = "$Path\"
        $names = foreach ($name in (Read-RdsHive)['registry'].Keys) {
            if ($name.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
                $rest = $name.Substring($prefix.Length)
                if ($rest -notmatch '\\') { $rest }
            }
        }
        return [string[]]@($names | Sort-Object)
    }
    $items = Get-ChildItem -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction Stop
    return [string[]]@($items | ForEach-Object { $_.PSChildName } | Sort-Object)
}

function Get-RdsRegistryValue {
    <# One value as @{ type; data }, or $null when the key or value does not exist. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        if ($null -eq $key) { return $null }
        $values = $hive['registry'][$key]['values']
        foreach ($valueName in $values.Keys) {
            if ([string]::Equals($valueName, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { return $values[$valueName] }
        }
        return $null
    }
    $item = Get-Item -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction SilentlyContinue
    if ($null -eq $item -or $item.GetValueNames() -notcontains $Name) { return $null }
    $kind = $item.GetValueKind($Name).ToString()
    $data = $item.GetValue($Name, $null, 'DoNotExpandEnvironmentNames')
    if ($data -is [byte[]]) { $data = [System.Convert]::ToBase64String($data) }
    return @{ type = $kind; data = $data }
}

function Get-RdsRegistryValueName {
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        if ($null -eq $key) { return [string[]]@() }
        return [string[]]@($hive['registry'][$key]['values'].Keys | Sort-Object)
    }
    $item = Get-Item -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction SilentlyContinue
    if ($null -eq $item) { return [string[]]@() }
    return [string[]]@($item.GetValueNames() | Sort-Object)
}

function Assert-RdsHiveWriteAccess {
    <# The lab's stand-in for the key's DACL: Administrators need full control (KA) to change a key. #>
    param ([System.Collections.IDictionary] $Entry, [string] $Path)
    if ($Entry.Contains('sddl') -and $Entry['sddl'] -notmatch '\(A;[^;]*;KA;;;BA\)') {
        throw [System.UnauthorizedAccessException]::new("Access to the registry key '$Path' is denied.")
    }
}

function Set-RdsRegistryValue {
    [CmdletBinding(SupportsShouldProcess)]
    param (
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][ValidateSet('String', 'DWord', 'MultiString', 'Binary')][string] $Type,
        [Parameter(Mandatory)][AllowEmptyCollection()] $Data
    )
    if (-not $PSCmdlet.ShouldProcess("$Path\$Name", "Set $Type value")) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        if ($null -eq $key) {
            # Parents are implicit in a hive file, so creating the key is enough (New-Item -Force on Windows).
            $hive['registry'][$Path] = [ordered]@{ values = [ordered]@{} }
            $key = $Path
        }
        Assert-RdsHiveWriteAccess -Entry $hive['registry'][$key] -Path $Path
        $stored = if ($Type -eq 'MultiString') { [string[]]@($Data) } else { $Data }
        $hive['registry'][$key]['values'][$Name] = [ordered]@{ type = $Type; data = $stored }
        Write-RdsHive -Hive $hive
        return
    }
    $providerPath = ConvertTo-RdsProviderPath $Path
    if (-not (Test-Path -LiteralPath $providerPath)) { New-Item -Path $providerPath -Force | Out-Null }
    $value = if ($Type -eq 'Binary') { [System.Convert]::FromBase64String($Data) } elseif ($Type -eq 'MultiString') { [string[]]@($Data) } else { $Data }
    New-ItemProperty -LiteralPath $providerPath -Name $Name -PropertyType $Type -Value $value -Force -ErrorAction Stop | Out-Null
}

function Remove-RdsRegistryValue {
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
    if (-not $PSCmdlet.ShouldProcess("$Path\$Name", 'Delete registry value')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        if ($null -eq $key) { return }
        Assert-RdsHiveWriteAccess -Entry $hive['registry'][$key] -Path $Path
        $values = $hive['registry'][$key]['values']
        foreach ($valueName in @($values.Keys)) {
            if ([string]::Equals($valueName, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { $values.Remove($valueName) }
        }
        Write-RdsHive -Hive $hive
        return
    }
    Remove-ItemProperty -LiteralPath (ConvertTo-RdsProviderPath $Path) -Name $Name -ErrorAction Stop
}

function Remove-RdsRegistryKey {
    <# Deletes a key and everything below it. A key that is already gone is not an error. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Delete registry key')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        foreach ($name in @($hive['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $Path })) { $hive['registry'].Remove($name) }
        Write-RdsHive -Hive $hive
        return
    }
    $providerPath = ConvertTo-RdsProviderPath $Path
    if (Test-Path -LiteralPath $providerPath) { Remove-Item -LiteralPath $providerPath -Recurse -Force -ErrorAction Stop }
}

function Get-RdsKeySecurity {
    <# The key's owner and SDDL, read before anything changes them. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path)
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        if ($null -eq $key) { return $null }
        $entry = $hive['registry'][$key]
        return @{ owner = $entry['owner']; sddl = $entry['sddl'] }
    }
    $acl = Get-Acl -LiteralPath (ConvertTo-RdsProviderPath $Path)
    return @{ owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value; sddl = $acl.Sddl }
}

function Set-RdsKeySecurity {
    <# Puts an owner and SDDL back exactly (restoring another owner needs SeRestorePrivilege on Windows). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Owner, [Parameter(Mandatory)][string] $Sddl)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Restore owner and ACL')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        $hive['registry'][$key]['owner'] = $Owner
        $hive['registry'][$key]['sddl'] = $Sddl
        Write-RdsHive -Hive $hive
        return
    }
    Enable-RdsTokenPrivilege -Name 'SeRestorePrivilege', 'SeTakeOwnershipPrivilege'
    $security = [System.Security.AccessControl.RegistrySecurity]::new()
    $security.SetSecurityDescriptorSddlForm($Sddl, [System.Security.AccessControl.AccessControlSections]'Owner,Access')
    $sub = $Path -replace '^HKLM\\', ''
    $rights = [System.Security.AccessControl.RegistryRights]'ChangePermissions, TakeOwnership, ReadPermissions'
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($sub, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, $rights)
    try { $key.SetAccessControl($security) } finally { $key.Close() }
}

function Grant-RdsAdministratorsKeyAccess {
    <#
        Takes ownership of a key for Administrators and grants them full control, so a protected value
        can be deleted (the grace-period key). Windows: SeTakeOwnershipPrivilege through the documented
        AdjustTokenPrivileges, a fresh RegistrySecurity so only the owner section is written first.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Take ownership for Administrators and grant full control')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $key = Find-RdsHiveKeyName -Hive $hive -Path $Path
        $entry = $hive['registry'][$key]
        $entry['owner'] = 'S-1-5-32-544'
        $sddl = if ($entry.Contains('sddl') -and $entry['sddl']) { [string]$entry['sddl'] } else { 'D:' }
        $entry['sddl'] = ($sddl -replace '^O:[^:]+?(?=G:|D:)', 'O:BA') + '(A;;KA;;;BA)'
        Write-RdsHive -Hive $hive
        return
    }
    Enable-RdsTokenPrivilege -Name 'SeTakeOwnershipPrivilege'
    $sub = $Path -replace '^HKLM\\', ''
    $R = [System.Security.AccessControl.RegistryRights]
    $admins = [System.Security.Principal.SecurityIdentifier]::new('S-1-5-32-544')
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($sub, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, $R::TakeOwnership)
    try {
        $owner = [System.Security.AccessControl.RegistrySecurity]::new()
        $owner.SetOwner($admins)
        $key.SetAccessControl($owner)
    }
    finally { $key.Close() }
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($sub, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, ($R::ReadPermissions -bor $R::ChangePermissions))
    try {
        $acl = $key.GetAccessControl()
        $acl.AddAccessRule([System.Security.AccessControl.RegistryAccessRule]::new($admins, $R::FullControl, 'Allow'))
        $key.SetAccessControl($acl)
    }
    finally { $key.Close() }
}

function Enable-RdsTokenPrivilege {
    <# Windows only: enables privileges the process token holds (documented AdjustTokenPrivileges). #>
    param ([string[]] $Name)
    if (-not ('RdsBotToken' -as [type])) {
        Add-Type -TypeDefinition @'
using System; using System.Runtime.InteropServices; using System.ComponentModel;
public static class RdsBotToken {
  [StructLayout(LayoutKind.Sequential, Pack = 1)] struct TP { public int Count; public long Luid; public int Attr; }
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool OpenProcessToken(IntPtr p, int a, out IntPtr t);
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool LookupPrivilegeValue(string s, string n, out long l);
  [DllImport("advapi32.dll", SetLastError = true)] static extern bool AdjustTokenPrivileges(IntPtr t, bool d, ref TP n, int l, IntPtr p, IntPtr r);
  [DllImport("kernel32.dll")] static extern IntPtr GetCurrentProcess();
  [DllImport("kernel32.dll")] static extern bool CloseHandle(IntPtr h);
  public static void Enable(string name) {
    IntPtr tok;
    if (!OpenProcessToken(GetCurrentProcess(), 0x28, out tok)) throw new Win32Exception();
    try {
      TP tp = new TP(); tp.Count = 1; tp.Attr = 2;
      if (!LookupPrivilegeValue(null, name, out tp.Luid)) throw new Win32Exception();
      if (!AdjustTokenPrivileges(tok, false, ref tp, 0, IntPtr.Zero, IntPtr.Zero)) throw new Win32Exception();
      if (Marshal.GetLastWin32Error() == 1300) throw new InvalidOperationException(name + " is not held by this account");
    } finally { CloseHandle(tok); }
  }
}
'@
    }
    foreach ($privilege in $Name) { [RdsBotToken]::Enable($privilege) }
}

function Export-RdsRegistryBackup {
    <#
        Backs up keys (with everything below them) before a change and returns @{ path; sha256 }.
        Hive: one JSON file holding the subtrees, their owners and ACLs, and which keys did not exist
        (a rollback removes what the change created). Windows: `reg export` per key plus a JSON sidecar
        with the SDDL of each key, since .reg files keep no ACLs.
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string[]] $Path, [Parameter(Mandatory)][string] $RequestId, [Parameter(Mandatory)][string] $Label)
    $directory = Get-RdsBackupDirectory
    New-Item -ItemType Directory -Path $directory -Force | Out-Null
    $stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssfffZ')
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        $keys = [ordered]@{}
        foreach ($name in ($hive['registry'].Keys | Sort-Object)) {
            foreach ($root in $Path) { if (Test-RdsUnderKey -Name $name -Path $root) { $keys[$name] = $hive['registry'][$name] } }
        }
        $absent = [string[]]@($Path | Where-Object { $null -eq (Find-RdsHiveKeyName -Hive $hive -Path $_) })
        $file = Join-Path $directory "$RequestId-$Label-$stamp.json"
        $document = [ordered]@{ format = 'rdsbot-backup/1'; roots = [string[]]@($Path); absent = $absent; registry = $keys }
        [System.IO.File]::WriteAllText($file, (ConvertTo-Json -InputObject $document -Depth 30), [System.Text.UTF8Encoding]::new($false))
    }
    else {
        $file = Join-Path $directory "$RequestId-$Label-$stamp.json"
        $exports = foreach ($root in $Path) {
            $exists = Test-RdsRegistryKey -Path $root
            $reg = $null
            if ($exists) {
                $reg = Join-Path $directory ("$RequestId-$Label-$stamp-" + ($root -replace '[\\ ]', '_') + '.reg')
                & reg.exe export $root $reg /y | Out-Null
                if ($LASTEXITCODE -ne 0) { throw "reg export of $root failed with exit code $LASTEXITCODE" }
            }
            [ordered]@{ root = $root; exists = $exists; reg = $reg; sddl = if ($exists) { (Get-RdsKeySecurity -Path $root)['sddl'] } else { $null } }
        }
        $document = [ordered]@{ format = 'rdsbot-backup/1'; roots = [string[]]@($Path); exports = @($exports) }
        [System.IO.File]::WriteAllText($file, (ConvertTo-Json -InputObject $document -Depth 10), [System.Text.UTF8Encoding]::new($false))
    }
    return [ordered]@{ path = $file; sha256 = (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash.ToLowerInvariant() }
}

function Import-RdsRegistryBackup {
    <# Puts the backed-up keys back exactly: the subtrees are replaced, keys the change created are removed. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $BackupPath)
    $document = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($BackupPath)) -AsHashtable
    if ($document['format'] -ne 'rdsbot-backup/1') { throw [System.ArgumentException]::new('backup: not a backup made by this module') }
    if (-not $PSCmdlet.ShouldProcess(($document['roots'] -join ', '), 'Restore from backup')) { return }
    if (Test-RdsHiveBackend) {
        $hive = Read-RdsHive
        foreach ($root in $document['roots']) {
            foreach ($name in @($hive['registry'].Keys | Where-Object { Test-RdsUnderKey -Name $_ -Path $root })) { $hive['registry'].Remove($name) }
        }
        foreach ($name in $document['registry'].Keys) { $hive['registry'][$name] = $document['registry'][$name] }
        Write-RdsHive -Hive $hive
        return
    }
    foreach ($export in $document['exports']) {
        Remove-RdsRegistryKey -Path $export['root'] -Confirm:$false
        if ($export['exists']) {
            & reg.exe import $export['reg'] | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "reg import of $($export['reg']) failed with exit code $LASTEXITCODE" }
            $security = [System.Security.AccessControl.RegistrySecurity]::new()
            $security.SetSecurityDescriptorSddlForm($export['sddl'])
            Set-RdsKeySecurity -Path $export['root'] -Owner $security.GetOwner([System.Security.Principal.SecurityIdentifier]).Value -Sddl $export['sddl'] -Confirm:$false
        }
    }
}
