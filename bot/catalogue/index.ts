import type { Intent } from '../domain';
import { clientResetLicenseCache } from './client-reset-license-cache';
import type { Approval, OperationDefinition } from './operation';

export type { OperationDefinition } from './operation';

const NO_PARAMS = { type: 'object', additionalProperties: false, properties: {} };

/** An operation this version understands but does not run yet. */
function planned(
  intent: Intent,
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
  intent: Intent,
  title: string,
  approval: Approval,
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
    paramsSchema: { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) },
  };
}

/** A read-only host operation this version runs at once (no confirmation: it changes nothing). */
function readOnly(definition: OperationDefinition, properties: Record<string, unknown>): OperationDefinition {
  return { ...definition, available: true, paramsSchema: { type: 'object', additionalProperties: false, properties } };
}

const CATALOGUE: Record<Intent, OperationDefinition> = {
  'client.reset_license_cache': clientResetLicenseCache,
  'rdsh.refresh_licensing_cert': change(
    'rdsh.refresh_licensing_cert',
    'Refresh the licensing certificate',
    'one-approver',
    { reboot: { enum: ['now', 'scheduled', 'none'] } },
  ),
  'rdsh.reset_grace_period': change('rdsh.reset_grace_period', 'Reset the grace period', 'two-approvers', {
    restart: { enum: ['now', 'later'] },
  }),
  'rdsh.set_licensing_mode': change(
    'rdsh.set_licensing_mode',
    'Set the licensing mode',
    'one-approver',
    { mode: { enum: ['PerUser', 'PerDevice'] } },
    ['mode'],
  ),
  'rdsh.set_license_servers': change(
    'rdsh.set_license_servers',
    'Set the license servers',
    'one-approver',
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
  'rdsh.restart_service': change('rdsh.restart_service', 'Restart Remote Desktop Services', 'one-approver', {}),
  // Runs on the hosts of the request it undoes, with that request's approval (see workflow/plan-rollback).
  'request.rollback': {
    intent: 'request.rollback',
    title: 'Roll back a change',
    changesState: true,
    approval: 'one-approver',
    available: true,
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['backup'],
      properties: {
        backup: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}-[A-Za-z0-9]{1,32}-[0-9]{8}T[0-9]{9}Z[.]json$' },
      },
    },
  },
  'licensing.diagnose': readOnly(planned('licensing.diagnose', 'Diagnose licensing', undefined, false, 'none'), {}),
  'rdsh.events': readOnly(planned('rdsh.events', 'Show licensing events', 'session-host', false, 'none'), {
    since: { type: 'string', pattern: '^[1-9][0-9]{0,2}[hd]$' },
    ids: { type: 'array', maxItems: 16, items: { type: 'integer', minimum: 0, maximum: 65535 } },
  }),
  'rdsh.test_license_server': readOnly(
    planned('rdsh.test_license_server', 'Test license server reachability', 'session-host', false, 'none'),
    {
      servers: {
        type: 'array',
        minItems: 1,
        maxItems: 4,
        items: { type: 'string', pattern: HOST_NAME },
      },
    },
  ),
  'ls.cal_inventory': readOnly(planned('ls.cal_inventory', 'Show CAL inventory', 'license-server', false, 'none'), {
    type: { enum: ['PerUser', 'PerDevice'] },
  }),
  'advice.cal_migration': planned('advice.cal_migration', 'Moving CALs', undefined, false, 'none'),
  'advice.copy_client_license': planned(
    'advice.copy_client_license',
    'Copying a client licence',
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
};

export function operationDefinition(intent: Intent): OperationDefinition {
  return CATALOGUE[intent];
}

export function availableOperations(): OperationDefinition[] {
  return Object.values(CATALOGUE).filter((definition) => definition.available && definition.intent !== 'help');
}
