import type { ChangeRequest, HostOutcome, Intent, ParseResult, PlannedOperation } from '../domain';
import type { AuditRecord } from '../ports';
import type { IntentChoice } from './choose-intent';

/** What the bot answers a message with; each kind is rendered as its own card. */
export type PlanOutcome =
  | { kind: 'help' }
  | { kind: 'not-licensing' }
  | { kind: 'unclear'; parse: ParseResult }
  /** Still missing a host, a mode or servers; `choice` is the reading already picked, kept for the answer. */
  | { kind: 'needs'; parse: ParseResult; choice?: IntentChoice }
  /** A change or a question? The parser's readings, offered as buttons ("Which do you mean?"). */
  | { kind: 'choose'; parse: ParseResult }
  | { kind: 'refused'; reason: string; parse?: ParseResult }
  | { kind: 'nothing-to-do'; request: ChangeRequest }
  | { kind: 'planned'; request: ChangeRequest }
  | { kind: 'advice'; intent: Intent }
  | { kind: 'status'; request: ChangeRequest | undefined }
  | { kind: 'report'; operations: PlannedOperation[]; outcomes: HostOutcome[] }
  | { kind: 'audit'; host?: string; since?: string; records: AuditRecord[] };
