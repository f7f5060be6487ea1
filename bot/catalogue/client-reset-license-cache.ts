import type { OperationDefinition } from './operation';

/**
 * Deletes the RDP client's cached license (HKLM\SOFTWARE\Microsoft\MSLicensing and its WOW6432Node twin).
 * Domain reference §1: KB 187614; on Vista and later the next Remote Desktop Connection must run as
 * administrator once, or the key cannot be recreated.
 */
export const clientResetLicenseCache: OperationDefinition = {
  intent: 'client.reset_license_cache',
  title: 'Reset the client license cache',
  runsOn: 'client',
  changesState: true,
  approval: 'requester',
  available: true,
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { scope: { enum: ['key', 'subkeys'] } },
  },
  target: { command: 'Reset-RdsClientLicenseCache', params: { scope: { parameter: 'Scope', kind: 'enum' } } },
};

/** What the helpdesk tells the user once the cache is gone (domain reference §1.3). */
export const CLIENT_RESET_NEXT_STEPS = [
  'Close Remote Desktop Connection on the PC.',
  'Run Remote Desktop Connection once as administrator (right-click, "Run as administrator") and connect: this recreates the license key.',
  'After that the user connects as usual. Restart the PC only if the licensing error comes back.',
];
