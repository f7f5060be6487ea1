<#
    When a certificate refresh restarts the host, for both access backends: 'now', or the next 02:00
    local time. The backend only carries it out (Invoke-RdsReboot).
#>

function Request-RdsReboot {
    <# 'now' restarts the computer; 'scheduled' restarts it at the next 02:00 local time. #>
    [CmdletBinding(SupportsShouldProcess)]
    param ([Parameter(Mandatory)][ValidateSet('now', 'scheduled')][string] $When)
    $at = if ($When -eq 'now') { Get-Date } else { (Get-Date).Date.AddDays(1).AddHours(2) }
    if (-not $PSCmdlet.ShouldProcess((Get-RdsComputerName), "Restart the computer ($When)")) { return $at }
    Invoke-RdsReboot -When $When -At $at
    return $at
}
