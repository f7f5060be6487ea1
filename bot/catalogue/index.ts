import { clientResetLicenseCache } from './client-reset-license-cache';
import type { Approval, OperationDefinition, TargetBinding } from './operation';

export type { HostRole, OperationDefinition, TargetBinding, TargetParameter } from './operation';

const NO_PARAMS = { type: 'object', additionalProperties: false, properties: {} };

/** An operation this version understands but does not run yet. */
function planned(
  intent: string,
  title: string,
  runsOn: OperationDefinition['runsOn'],
  changesState: boolean,
  approval: Approval,
): OperationDefinition {
  return { intent, title, runsOn, changesState, approval, paramsSchema: NO_PARAMS, available: false };
}

const HOST_NAME = '^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$';

/** A changing operation on session hosts that needs approvers (see the policy for who). */
function change(
  intent: string,
  title: string,
  approval: Approval,
  target: TargetBinding,
  properties: Record<string, unknown>,
  required: string[] = [],
): OperationDefinition {
  return {
    intent,
    title,
    runsOn: 'session-host',
    changesState: true,
    approval,
    available: true,
    target,
    paramsSchema: { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) },
  };
}

/** A read-only host operation this version runs at once (no confirmation: it changes nothing). */
function readOnly(
  definition: OperationDefinition,
  target: TargetBinding,
  properties: Record<string, unknown>,
): OperationDefinition {
  return {
    ...definition,
    available: true,
    target,
    paramsSchema: { type: 'object', additionalProperties: false, properties },
  };
}

/** A module function and its parameters: `bind('Set-RdsLicensingMode', { mode: ['Mode', 'enum'] })`. */
function bind(command: string, params: Record<string, [string, TargetBinding['params'][string]['kind']]> = {}) {
  return {
    command,
    params: Object.fromEntries(Object.entries(params).map(([key, [parameter, kind]]) => [key, { parameter, kind }])),
  };
}

/**
 * The catalogue: one entry per operation, keyed by its intent name. This is the one source of the
 * operation contract: the `Intent` type is its keys, the policy and result schemas take their
 * operation names from it, and the target module's contract is generated from it.
 */
const CATALOGUE = {
  'client.reset_license_cache': clientResetLicenseCache,
  'rdsh.refresh_licensing_cert': change(
    'rdsh.refresh_licensing_cert',
    'Refresh the licensing certificate',
    'one-approver',
    bind('Reset-RdsLicensingCertificate', { reboot: ['Reboot', 'enum'] }),
    { reboot: { enum: ['now', 'scheduled', 'none'] } },
  ),
  'rdsh.reset_grace_period': change(
    'rdsh.reset_grace_period',
    'Reset the grace period',
    'two-approvers',
    bind('Reset-RdsGracePeriod', { restart: ['Restart', 'enum'] }),
    { restart: { enum: ['now', 'later'] } },
  ),
  'rdsh.set_licensing_mode': change(
    'rdsh.set_licensing_mode',
    'Set the licensing mode',
    'one-approver',
    bind('Set-RdsLicensingMode', { mode: ['Mode', 'enum'] }),
    { mode: { enum: ['PerUser', 'PerDevice'] } },
    ['mode'],
  ),
  'rdsh.set_license_servers': change(
    'rdsh.set_license_servers',
    'Set the license servers',
    'one-approver',
    bind('Set-RdsLicenseServer', { servers: ['Server', 'hosts'], op: ['Operation', 'enum'] }),
    {
      servers: {
        type: 'array',
        minItems: 1,
        maxItems: 4,
        uniqueItems: true,
        items: { type: 'string', pattern: HOST_NAME },
      },
      op: { enum: ['replace', 'add', 'remove'] },
    },
    ['servers'],
  ),
  'rdsh.restart_service': change(
    'rdsh.restart_service',
    'Restart Remote Desktop Services',
    'one-approver',
    bind('Restart-RdsRemoteDesktopService'),
    {},
  ),
  // Runs on the hosts of the request it undoes, with that request's approval (see workflow/plan-rollback).
  'request.rollback': {
    intent: 'request.rollback',
    title: 'Roll back a change',
    changesState: true,
    approval: 'one-approver',
    available: true,
    target: bind('Restore-RdsLicensingBackup', { backup: ['BackupPath', 'backup'] }),
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['backup'],
      properties: {
        backup: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}-[A-Za-z0-9]{1,32}-[0-9]{8}T[0-9]{9}Z[.]json$' },
      },
    },
  },
  'licensing.diagnose': readOnly(
    planned('licensing.diagnose', 'Diagnose licensing', undefined, false, 'none'),
    bind('Get-RdsLicensingDiagnosis'),
    {},
  ),
  'rdsh.events': readOnly(
    planned('rdsh.events', 'Show licensing events', 'session-host', false, 'none'),
    bind('Get-RdsLicensingEvent', { since: ['Since', 'since'], ids: ['Id', 'ids'] }),
    {
      since: { type: 'string', pattern: '^[1-9][0-9]{0,2}[hd]$' },
      ids: { type: 'array', maxItems: 16, items: { type: 'integer', minimum: 0, maximum: 65535 } },
    },
  ),
  'rdsh.test_license_server': readOnly(
    planned('rdsh.test_license_server', 'Test license server reachability', 'session-host', false, 'none'),
    bind('Test-RdsLicenseServer', { servers: ['Server', 'hosts'] }),
    {
      servers: {
        type: 'array',
        minItems: 1,
        maxItems: 4,
        items: { type: 'string', pattern: HOST_NAME },
      },
    },
  ),
  'ls.cal_inventory': readOnly(
    planned('ls.cal_inventory', 'Show CAL inventory', 'license-server', false, 'none'),
    bind('Get-RdsCalInventory', { type: ['Type', 'enum'] }),
    { type: { enum: ['PerUser', 'PerDevice'] } },
  ),
  'advice.cal_migration': planned('advice.cal_migration', 'Moving CALs', undefined, false, 'none'),
  'advice.copy_client_license': planned(
    'advice.copy_client_license',
    'Copying a client license',
    undefined,
    false,
    'none',
  ),
  'advice.recurring_grace_reset': planned(
    'advice.recurring_grace_reset',
    'Recurring grace resets',
    undefined,
    false,
    'none',
  ),
  'advice.mac_client': planned('advice.mac_client', 'macOS clients', undefined, false, 'none'),
  'audit.query': planned('audit.query', 'Audit query', undefined, false, 'none'),
  'request.status': planned('request.status', 'Request status', undefined, false, 'none'),
  'request.cancel': planned('request.cancel', 'Cancel a request', undefined, false, 'none'),
  help: { ...planned('help', 'Help', undefined, false, 'none'), available: true },
} satisfies Record<string, OperationDefinition>;

/** Every operation the bot understands: the catalogue's keys. */
export type Intent = keyof typeof CATALOGUE;

export const INTENTS = Object.keys(CATALOGUE) as Intent[];

export interface Operation extends OperationDefinition {
  intent: Intent;
}

export function operationDefinition(intent: Intent): Operation {
  return CATALOGUE[intent] as Operation;
}

export function availableOperations(): Operation[] {
  return (Object.values(CATALOGUE) as Operation[]).filter((def) => def.available && def.intent !== 'help');
}

/** The operations that run on hosts through the target module, with their bindings. */
export function hostOperations(): Array<Operation & { target: TargetBinding }> {
  return (Object.values(CATALOGUE) as Operation[]).filter(
    (def): def is Operation & { target: TargetBinding } => def.target !== undefined,
  );
}
