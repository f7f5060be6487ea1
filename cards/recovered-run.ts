import type { ChangeRequest, HostOutcome } from '../bot/domain';
import { resumableHosts } from '../bot/requests/recovered-outcomes';
import { type CardElement, executeAction, paragraph } from './card-kit';
import { VERB } from './verbs';

/**
 * A run the bot found interrupted at start-up: per host what the re-read found, and Resume for the
 * hosts left not done or unknown (on the requester's card and on the approval card alike; the bot
 * checks who may resume on the click).
 */

/** What the re-read after a restart found on a host the stopped run had not recorded. */
export function recoveredSection(outcome: HostOutcome): CardElement[] {
  switch (outcome.recovery) {
    case 'done':
      return [paragraph(`**${outcome.host}**: done (the host is in the requested state).`, { color: 'good' })];
    case 'not-done':
      return [paragraph(`**${outcome.host}**: not done. The change is still pending.`, { color: 'warning' })];
    default:
      return [paragraph(`**${outcome.host}**: unknown. ${outcome.error?.message ?? ''}`.trim(), { color: 'warning' })];
  }
}

/** Resume is offered while hosts are left not done or unknown and nobody has resumed yet. */
export function resumeActions(request: ChangeRequest): CardElement[] {
  if (!canResume(request)) return [];
  return [executeAction('Resume', VERB.resume, { requestId: request.id }, 'positive')];
}

export function resumeNote(request: ChangeRequest): CardElement[] {
  const resumedAs = request.approval?.resubmittedAs;
  if (resumedAs) return [paragraph(`Resumed as request ${resumedAs}.`, { subtle: true })];
  if (!canResume(request)) return [];
  return [
    paragraph(
      'Resume takes a fresh look at the hosts not done and plans them again; nothing runs until it is confirmed (and approved, if it needs approval).',
      { subtle: true },
    ),
  ];
}

function canResume(request: ChangeRequest): boolean {
  return (
    request.state === 'failed' && !request.approval?.resubmittedAs && resumableHosts(request.outcome ?? []).length > 0
  );
}
