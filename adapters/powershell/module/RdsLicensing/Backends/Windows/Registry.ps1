<#
    Windows access layer, registry half: the real registry (64-bit view) through the Registry
    provider, .NET RegistrySecurity and `reg export`/`reg import`. Only this backend is sent to a
    Windows host; the lab's hive-file backend (Backends/Lab) never is. Paths are always 'HKLM\...' and
    come from constants in the operations, never from a request.
#>

# A 32-bit process sees HKLM\SOFTWARE redirected to WOW6432Node: every answer would be wrong.
if (-not [Environment]::Is64BitProcess) { throw [System.PlatformNotSupportedException]::new('This is a 32-bit PowerShell; use a 64-bit endpoint.') }

function Get-RdsComputerName {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    return $env:COMPUTERNAME
}

function Get-RdsBackupDirectory {
    [CmdletBinding()]
    [OutputType([string])]
    param ()
    return Join-Path $env:ProgramData 'RdsBot\Backups'
}

function ConvertTo-RdsProviderPath {
    param ([string] $Path)
    return 'Registry::' + ($Path -replace '^HKLM\\', 'HKEY_LOCAL_MACHINE\')
}

function Test-RdsRegistryKey {
    [CmdletBinding()]
    [OutputType([bool])]
    param ([Parameter(Mandatory)][string] $Path)
    return Test-Path -LiteralPath (ConvertTo-RdsProviderPath $Path)
}

function Get-RdsRegistrySubkeyName {
    <# Names of the direct subkeys of $Path, sorted. #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param ([Parameter(Mandatory)][string] $Path)
    $items = Get-ChildItem -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction Stop
    return [string[]]@($items | ForEach-Object { $_.PSChildName } | Sort-Object)
}

function Get-RdsRegistryValue {
    <# One value as @{ type; data }, or $null when the key or value does not exist. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
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
    $item = Get-Item -LiteralPath (ConvertTo-RdsProviderPath $Path) -ErrorAction SilentlyContinue
    if ($null -eq $item) { return [string[]]@() }
    return [string[]]@($item.GetValueNames() | Sort-Object)
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
    $providerPath = ConvertTo-RdsProviderPath $Path
    if (-not (Test-Path -LiteralPath $providerPath)) { New-Item -Path $providerPath -Force | Out-Null }
    $value = if ($Type -eq 'Binary') { [System.Convert]::FromBase64String($Data) } elseif ($Type -eq 'MultiString') { [string[]]@($Data) } else { $Data }
    New-ItemProperty -LiteralPath $providerPath -Name $Name -PropertyType $Type -Value $value -Force -ErrorAction Stop | Out-Null
}

function Remove-RdsRegistryValue {
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Name)
    if (-not $PSCmdlet.ShouldProcess("$Path\$Name", 'Delete registry value')) { return }
    Remove-ItemProperty -LiteralPath (ConvertTo-RdsProviderPath $Path) -Name $Name -ErrorAction Stop
}

function Remove-RdsRegistryKey {
    <# Deletes a key and everything below it. A key that is already gone is not an error. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Delete registry key')) { return }
    $providerPath = ConvertTo-RdsProviderPath $Path
    if (Test-Path -LiteralPath $providerPath) { Remove-Item -LiteralPath $providerPath -Recurse -Force -ErrorAction Stop }
}

function Get-RdsKeySecurity {
    <# The key's owner and SDDL, read before anything changes them. #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $Path)
    $acl = Get-Acl -LiteralPath (ConvertTo-RdsProviderPath $Path)
    return @{ owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value; sddl = $acl.Sddl }
}

function Set-RdsKeySecurity {
    <# Puts an owner and SDDL back exactly (restoring another owner needs SeRestorePrivilege on Windows). #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Owner, [Parameter(Mandatory)][string] $Sddl)
    if (-not $PSCmdlet.ShouldProcess($Path, 'Restore owner and ACL')) { return }
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
        Backs up keys (with everything below them) before a change and returns @{ path; sha256 }:
        `reg export` per key plus a JSON document with the SDDL of each key, since .reg files keep no
        ACLs, and which keys did not exist (a rollback removes what the change created).
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string[]] $Path, [Parameter(Mandatory)][string] $RequestId, [Parameter(Mandatory)][string] $Label)
    $directory = Get-RdsBackupDirectory
    New-Item -ItemType Directory -Path $directory -Force | Out-Null
    $stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssfffZ')
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
    $document = [ordered]@{ format = 'rdsbot-backup/reg/2'; roots = [string[]]@($Path); exports = @($exports) }
    return Save-RdsBackupDocument -Document $document -RequestId $RequestId -Label $Label -Depth 10
}

function Import-RdsRegistryBackup {
    <# Puts the backed-up keys back exactly: the subtrees are replaced, keys the change created are removed. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][string] $BackupPath)
    $document = Read-RdsBackupDocument -BackupPath $BackupPath -Format 'rdsbot-backup/reg/2' -ShapeKey 'exports' -What 'Windows registry'
    if (-not $PSCmdlet.ShouldProcess(($document['roots'] -join ', '), 'Restore from backup')) { return }
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
