import type { ChangeRequest } from '../bot/domain';
import { plain } from './card-kit';

/** "14:05 UTC" */
export function clockTime(iso: string): string {
  return `${iso.slice(11, 16)} UTC`;
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
