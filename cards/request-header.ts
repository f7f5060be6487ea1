import { operationDefinition } from '../bot/catalogue';
import type { ChangeRequest } from '../bot/domain';
import { approvalFacts } from './approval-facts';
import { type CardElement, facts, paragraph, plain } from './card-kit';

/** What every card about a request starts with: the title, who asked, the request id, the words used. */
export function title(request: ChangeRequest): string {
  return request.operations
    .map((operation) => `${operationDefinition(operation.intent).title} on ${operation.targets.join(', ')}`)
    .join('; ');
}

export function header(request: ChangeRequest): CardElement[] {
  return [
    facts([
      ['Requested by', plain(request.requester.name)],
      ['Request', request.id],
      ...(request.undoes
        ? ([
            [
              'Undoes',
              `${request.undoes.title}, request ${request.undoes.id} (${request.undoes.finishedAt.slice(0, 16).replace('T', ' ')} UTC)`,
            ],
          ] as Array<[string, string]>)
        : []),
      ...approvalFacts(request),
    ]),
    paragraph(`“${plain(request.text)}”`, { subtle: true }),
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
