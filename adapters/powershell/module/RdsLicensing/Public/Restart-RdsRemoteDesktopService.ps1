function Restart-RdsRemoteDesktopService {
    <#
    .SYNOPSIS
        Restarts Remote Desktop Services (TermService) on a session host.
    .DESCRIPTION
        Every RDP session on the host is disconnected (not logged off); the preview says how many. New
        logons work again after a minute or two.
    .PARAMETER RequestId
        The bot's request id.
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param ([Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId)
    $sessions = Get-RdsActiveSessionCount
    $before = Get-RdsServiceState -Name TermService
    if ($null -eq $before) {
        $refused = [ordered]@{ code = 'not_a_session_host'; reason = 'Remote Desktop Services (TermService) is not installed on this host.' }
        return New-RdsResult -Operation 'rdsh.restart_service' -Refused $refused
    }
    if ($PSCmdlet.ShouldProcess((Get-RdsComputerName), "Restart TermService (disconnects $sessions sessions)")) {
        Restart-RdsService -Name TermService -Confirm:$false
    }
    $after = Get-RdsServiceState -Name TermService
    $item = New-RdsItem -Path 'Service\TermService' -Action 'restart' -Before $before['status'] -After $after['status']
    $impact = [ordered]@{ sessions = $sessions; restart = 'now' }
    return New-RdsResult -Operation 'rdsh.restart_service' -Changed $true -Items @($item) -Impact $impact -Verified ($after['status'] -eq 'Running')
}
