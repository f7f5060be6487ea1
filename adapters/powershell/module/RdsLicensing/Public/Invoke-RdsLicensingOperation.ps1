function Invoke-RdsLicensingOperation {
    <#
    .SYNOPSIS
        The one entry point: runs a catalogue operation described by a base64 JSON payload.
    .PARAMETER PayloadBase64
        Base64 of UTF-8 JSON: { operation, params, whatIf, requestId }.
    .OUTPUTS
        One ordered dictionary (the operation's result) that the caller serialises to JSON.
    .EXAMPLE
        Invoke-RdsLicensingOperation -PayloadBase64 $payload
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory)][string] $PayloadBase64)
    $call = ConvertFrom-RdsPayload -PayloadBase64 $PayloadBase64
    $splat = $call['Splat']
    return & $call['Command'] @splat
}
