import type { ChangeRequest } from '../bot/domain';
import { plain } from './card-kit';

/**
 * A time as each reader sees it: Adaptive Cards' TIME() renders it in the reader's own time zone and
 * format (a channel's approvers may sit in several), where "14:05 UTC" made everyone convert.
 * TIME() takes RFC 3339 without fractions of a second.
 */
export function clockTime(iso: string): string {
  return `{{TIME(${cardTime(iso)})}}`;
}

/** Date and time, for what may lie days back. */
export function dateTime(iso: string): string {
  return `{{DATE(${cardTime(iso)}, SHORT)}} {{TIME(${cardTime(iso)})}}`;
}

function cardTime(iso: string): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? '1970-01-01T00:00:00Z' : `${parsed.toISOString().slice(0, 19)}Z`;
}

/** Who must agree and who did: shown on both the requester's and the approvers' cards. */
export function approvalFacts(request: ChangeRequest): Array<[string, string]> {
  const approval = request.approval;
  if (!approval || approval.needed === 0) return [];
  const votes = approval.votes.map((vote) => `${plain(vote.name)} (${clockTime(vote.at)})`);
  const entries: Array<[string, string]> = [
    ['Approvals', `${approval.votes.length} of ${approval.needed}${votes.length > 0 ? `: ${votes.join(', ')}` : ''}`],
  ];
  if (approval.justification) entries.push(['Justification', plain(approval.justification)]);
  if (approval.rejection) {
    entries.push(['Rejected by', `${plain(approval.rejection.name)} (${clockTime(approval.rejection.at)})`]);
    entries.push(['Reason', plain(approval.rejection.reason)]);
  }
  if (approval.resubmitOf) entries.push(['Replaces request', approval.resubmitOf]);
  return entries;
}
