import Ajv from 'ajv';
import type { Requester } from '../domain';

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

/** A plain Confirm/Cancel/Approve click: the two fields, nothing typed. */
export const readDecision = (value: unknown): DecisionData | undefined => readDecisionData(value);

/** The core's view of a click: which request, the plan the card showed, who clicked. */
export function clickOf(
  data: DecisionData,
  actor: Requester,
): { requestId: string; fingerprint: string; actor: Requester } {
  return { requestId: data.requestId, fingerprint: data.fingerprint, actor };
}

/** "Submit again" and the approval card's refresh carry only the request id. */
export function readRequestRef(value: unknown): { requestId: string } | undefined {
  if (hasForbiddenKey(value) || !validateRef(value)) return undefined;
  return { requestId: value.requestId };
}

/** The request text a card sends back: the parser reads at most this much, so a longer one is forged. */
const TEXT = { type: 'string', minLength: 1, maxLength: 2000 };
/** Which reading of the text was picked: a place among the parser's readings and a dotted intent name. */
const CHOICE = { type: 'integer', minimum: 0, maximum: 9 };
const INTENT = { type: 'string', pattern: '^[a-z]{1,16}([.][a-z_]{1,40})?$' };

/** What the "I need a little more" card sends back: the original text, the picks, and the reading chosen before. */
export interface CompletionData {
  text: string;
  targets?: string[];
  mode?: 'PerUser' | 'PerDevice';
  servers?: string[];
  choice?: { index: number; intent: string };
}

const validateCompletion = ajv.compile<{
  text: string;
  targets?: string;
  mode?: 'PerUser' | 'PerDevice';
  servers?: string;
  choice?: number;
  intent?: string;
}>({
  type: 'object',
  required: ['text'],
  // A reading is its place and its intent together: one without the other is not a choice.
  dependencies: { choice: ['intent'], intent: ['choice'] },
  properties: {
    text: TEXT,
    choice: CHOICE,
    intent: INTENT,
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
    ...(value.choice !== undefined && value.intent ? { choice: { index: value.choice, intent: value.intent } } : {}),
  };
}

/** What a "Which do you mean?" button sends back: the request text and which reading, nothing else. */
export interface ChoiceData {
  text: string;
  choice: { index: number; intent: string };
}

// Closed: a button that brings operations, hosts or params of its own is forged, so it is refused whole.
const validateChoice = ajv.compile<{ text: string; choice: number; intent: string }>({
  type: 'object',
  required: ['text', 'choice', 'intent'],
  additionalProperties: false,
  properties: { text: TEXT, choice: CHOICE, intent: INTENT },
});

export function readChoiceData(value: unknown): ChoiceData | undefined {
  if (hasForbiddenKey(value) || !validateChoice(value)) return undefined;
  return { text: value.text, choice: { index: value.choice, intent: value.intent } };
}

/** The `data` of the Action.Execute that was clicked (untrusted: read it with one of the readers above). */
export function actionData(activity: { value?: unknown }): unknown {
  return (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
}

// Closed like the others: a suggestion or a fix brings its request in words and nothing else.
const validateAsk = ajv.compile<{ text: string }>({
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: { text: TEXT },
});

/** What a suggestion or a diagnosis's fix button sends: the request in words, planned as if typed. */
export function readAskData(value: unknown): { text: string } | undefined {
  if (hasForbiddenKey(value) || !validateAsk(value)) return undefined;
  return { text: value.text };
}
