import type { HostDiagnosis } from '../diagnosis/diagnosis';
import type { ChangeRequest, HostOutcome, Intent, ParseResult, PlannedOperation } from '../domain';
import type { ApprovalsChannel, AuditRecord } from '../ports';
import type { IntentChoice } from './choose-intent';

/**
 * What every use case answers, in one place. Each kind is an expected outcome that the Teams layer
 * renders as a card (bot/app/render.ts is the only switch from these to cards); an unexpected failure
 * is a thrown BotError instead.
 */

/**
 * The one shape of a refusal: the sentence the user reads, the code that was audited (when there is
 * one), and what the refusal is about (the request on a click, the parse on a message).
 */
export interface Refused {
  kind: 'refused';
  reason: string;
  code?: string;
  request?: ChangeRequest;
  parse?: ParseResult;
}

export const refused = (reason: string, about: Omit<Refused, 'kind' | 'reason'> = {}): Refused => ({
  kind: 'refused',
  reason,
  ...about,
});

/** What the bot answers a message with (answer-message, plan-change, plan-rollback). */
export type PlanOutcome =
  | { kind: 'help' }
  | { kind: 'not-licensing' }
  | { kind: 'unclear'; parse: ParseResult }
  /** Still missing a host, a mode or servers; `choice` is the reading already picked, kept for the answer. */
  /** `dropped`: why no host was taken from the text (it carries command syntax, or look-alike letters). */
  | { kind: 'needs'; parse: ParseResult; choice?: IntentChoice; dropped?: 'hostile' | 'lookalike' }
  /** A change or a question? The parser's readings, offered as buttons ("Which do you mean?"). */
  | { kind: 'choose'; parse: ParseResult }
  | Refused
  | { kind: 'nothing-to-do'; request: ChangeRequest }
  | { kind: 'planned'; request: ChangeRequest }
  | { kind: 'advice'; intent: Intent }
  /** Every host of a change failed its preview as unreachable: nothing is planned; the card offers Retry. */
  | { kind: 'unreachable'; text: string; hosts: Array<{ host: string; message: string }> }
  /** Pilot mode: what the change would do on each host (its preview), refused with `reason`. */
  | { kind: 'pilot'; reason: string; text: string; operations: PlannedOperation[]; preview: HostOutcome[] }
  | { kind: 'status'; request: ChangeRequest | undefined }
  | { kind: 'report'; operations: PlannedOperation[]; outcomes: HostOutcome[]; diagnoses?: HostDiagnosis[] }
  | { kind: 'audit'; host?: string; since?: string; records: AuditRecord[] };

/** The answer to the requester's own clicks: Confirm, Cancel (and the checks every click shares). */
export type DecisionOutcome =
  | { kind: 'confirmed'; request: ChangeRequest }
  | { kind: 'cancelled'; request: ChangeRequest }
  | { kind: 'already-decided'; request: ChangeRequest }
  | { kind: 'expired'; request: ChangeRequest }
  | { kind: 'stale'; request: ChangeRequest }
  | { kind: 'not-yours'; request: ChangeRequest }
  | Refused
  | { kind: 'not-found' };

/** "Ask for approval". */
export type SubmitOutcome =
  | DecisionOutcome
  | { kind: 'submitted'; request: ChangeRequest }
  | { kind: 'needs-justification'; request: ChangeRequest };

/** "Submit again" on an expired or superseded request. */
export type ResubmitOutcome =
  | PlanOutcome
  | SubmitOutcome
  | { kind: 'not-resubmittable'; request: ChangeRequest }
  | { kind: 'not-found' };

/** An approver's Approve or Reject. A refusal here (role, tenant, self-approval) carries its code. */
export type ApprovalOutcome =
  | { kind: 'approved'; request: ChangeRequest }
  | { kind: 'vote-recorded'; request: ChangeRequest }
  | { kind: 'rejected'; request: ChangeRequest }
  | Refused
  | { kind: 'already-voted'; request: ChangeRequest }
  | { kind: 'already-decided'; request: ChangeRequest }
  | { kind: 'expired'; request: ChangeRequest }
  | { kind: 'stale'; request: ChangeRequest }
  | { kind: 'needs-reason'; request: ChangeRequest }
  | { kind: 'not-found' };

/** What one person sees on the approval card (the Universal Actions refresh). */
export type ApprovalView = { kind: 'view'; request: ChangeRequest; canDecide: boolean } | { kind: 'not-found' };

/** "@bot use this channel for approvals" (or "for alerts"). */
export type ChannelOutcome = { kind: 'set'; purpose: 'approvals' | 'alerts'; channel: ApprovalsChannel } | Refused;
