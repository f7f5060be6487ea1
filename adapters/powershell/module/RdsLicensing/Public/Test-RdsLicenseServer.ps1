function Test-RdsLicenseServer {
    <#
    .SYNOPSIS
        Whether this session host can reach and use its license servers.
    .DESCRIPTION
        For each server (default: the host's configured list): GetTStoLSConnectivityStatus (11 VALID_LS and
        9 VALID_WS08R2_VDI are good) and TCP 135 and 445.
    .PARAMETER Server
        License servers to test (optional).
    .PARAMETER RequestId
        The bot's request id.
    #>
    [CmdletBinding()]
    param (
        [string[]] $Server,
        [Parameter(Mandatory)][ValidatePattern('^[A-Za-z0-9-]{1,64}$')][string] $RequestId
    )
    $targets = [string[]]@(if ($Server) { $Server } else { (Get-RdsTsLicensingSetting)['specifiedServers'] })
    $results = @(foreach ($name in $targets) {
            $result = Test-RdsLicenseServerConnectivity -Server $name
            $result['good'] = $result['status'] -in 9, 11
            $result
        })
    $data = [ordered]@{ servers = $results; configured = -not $Server; none = $targets.Count -eq 0 }
    return New-RdsResult -Operation 'rdsh.test_license_server' -Data $data
}
