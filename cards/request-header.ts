import { operationDefinition } from '../bot/catalogue';
import type { ChangeRequest } from '../bot/domain';
import { approvalFacts, dateTime } from './approval-facts';
import { hostList } from './host-groups';
import { type CardElement, facts, paragraph, plain } from './card-kit';

/** What every card about a request starts with: the title, who asked, the request id, the words used. */
export function title(request: Pick<ChangeRequest, 'operations'>): string {
  return request.operations
    .map((operation) => `${operationDefinition(operation.intent).title} on ${hostList(operation.targets)}`)
    .join('; ');
}

/**
 * The request id (and, on a result, where each backup is) is what an admin quotes and a helpdesk user
 * never needs: one click away behind "Details", not in the way.
 */
export function details(entries: Array<[string, string]>): CardElement[] {
  return [
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.ToggleVisibility', title: 'Details', targetElements: ['details'] }],
    },
    { type: 'Container', id: 'details', isVisible: false, items: [facts(entries)] },
  ];
}

export function header(request: ChangeRequest, more: Array<[string, string]> = []): CardElement[] {
  return [
    facts([
      ['Requested by', plain(request.requester.name)],
      ...(request.undoes
        ? ([
            [
              'Undoes',
              `${request.undoes.title}, request ${request.undoes.id} (${dateTime(request.undoes.finishedAt)})`,
            ],
          ] as Array<[string, string]>)
        : []),
      ...approvalFacts(request),
    ]),
    paragraph(`“${plain(request.text)}”`, { subtle: true }),
    ...details([['Request', request.id], ...more]),
  ];
}

export function needsApprovers(request: ChangeRequest): boolean {
  return (request.approval?.needed ?? 0) > 0;
}

export function who(request: ChangeRequest): string {
  const approval = request.approval;
  if (!approval) return 'an approver';
  const count = approval.needed === 1 ? 'one approver' : `${approval.needed} different approvers`;
  return `${count} (role: ${approval.roles.join(' and ')})`;
}
