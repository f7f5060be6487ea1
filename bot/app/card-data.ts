import Ajv from 'ajv';

/** What a Confirm/Cancel/Approve/Reject click carries. Everything else in the payload is ignored. */
export interface DecisionData {
  requestId: string;
  fingerprint: string;
  /** "Ask for approval": the justification typed on the card; Reject: the reason. Checked by the core. */
  text?: string;
}

const ajv = new Ajv({ strict: true });
const validate = ajv.compile<{ requestId: string; fingerprint: string; justification?: string; reason?: string }>({
  type: 'object',
  required: ['requestId', 'fingerprint'],
  properties: {
    requestId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
    justification: { type: 'string', maxLength: 2000 },
    reason: { type: 'string', maxLength: 2000 },
  },
});

const validateRef = ajv.compile<{ requestId: string }>({
  type: 'object',
  required: ['requestId'],
  properties: { requestId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } },
});

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return depth > 8;
  return Object.keys(value).some(
    (key) => FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1),
  );
}

/**
 * Card payloads are untrusted: anyone can send any `value`. Only the two fields the server needs are
 * read (the plan itself always comes from the store); prototype keys and deep nesting are refused.
 */
export function readDecisionData(value: unknown, text?: 'justification' | 'reason'): DecisionData | undefined {
  if (hasForbiddenKey(value) || !validate(value)) return undefined;
  const typed = text ? value[text] : undefined;
  return {
    requestId: value.requestId,
    fingerprint: value.fingerprint,
    ...(typed !== undefined ? { text: typed } : {}),
  };
}

/** "Submit again" and the approval card's refresh carry only the request id. */
export function readRequestRef(value: unknown): { requestId: string } | undefined {
  if (hasForbiddenKey(value) || !validateRef(value)) return undefined;
  return { requestId: value.requestId };
}

/** What the "I need a little more" card sends back: the original text and the picks. */
export interface CompletionData {
  text: string;
  targets?: string[];
  mode?: 'PerUser' | 'PerDevice';
  servers?: string[];
}

const validateCompletion = ajv.compile<{
  text: string;
  targets?: string;
  mode?: 'PerUser' | 'PerDevice';
  servers?: string;
}>({
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 2000 },
    // Multi-select choice sets arrive as one comma-separated string of inventory names.
    targets: { type: 'string', pattern: '^[A-Za-z0-9.-]{1,253}(,[A-Za-z0-9.-]{1,253}){0,49}$' },
    mode: { enum: ['PerUser', 'PerDevice'] },
    servers: { type: 'string', pattern: '^[A-Za-z0-9.-]{1,253}(,[A-Za-z0-9.-]{1,253}){0,3}$' },
  },
});

export function readCompletionData(value: unknown): CompletionData | undefined {
  if (hasForbiddenKey(value) || !validateCompletion(value)) return undefined;
  return {
    text: value.text,
    ...(value.targets ? { targets: value.targets.split(',') } : {}),
    ...(value.mode ? { mode: value.mode } : {}),
    ...(value.servers ? { servers: value.servers.split(',') } : {}),
  };
}

/** The `data` of the Action.Execute that was clicked (untrusted: read it with one of the readers above). */
export function actionData(activity: { value?: unknown }): unknown {
  return (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
}
