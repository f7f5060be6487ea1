<#
    Where the access layer looks, for both backends (Backends/Windows and Backends/Lab): the Terminal
    Services WMI namespace and the registry paths the system functions read. Constants, never from a
    request.
#>

$script:TsNamespace = 'root/cimv2/TerminalServices'
$script:LicensingCorePath = 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\RCM\Licensing Core'
$script:LicenseServersPath = 'HKLM\SYSTEM\CurrentControlSet\Services\TermService\Parameters\LicenseServers'
$script:TsPolicyPath = 'HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
