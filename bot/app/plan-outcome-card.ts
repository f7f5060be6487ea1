import type { PlanOutcome } from '../workflow/plan-outcome';
import type { WorkflowDeps } from '../workflow/deps';
import { type AdaptiveCard } from '../../cards/card-kit';
import { adviceCard } from '../../cards/advice-card';
import { intentChoiceCard } from '../../cards/intent-choice-card';
import {
  auditCard,
  helpCard,
  needsCard,
  noticeCard,
  notLicensingCard,
  refusedCard,
  unclearCard,
} from '../../cards/message-cards';
import { nothingToDoCard, planCard, requestCard } from '../../cards/request-card';
import { reportCard } from '../../cards/report-card';

/**
 * The card for what planRequest answered. Shared by every route that plans (a message, the "I need a
 * little more" answer, the "Which do you mean?" pick), so the same outcome always looks the same.
 */
export function planOutcomeCard(outcome: PlanOutcome, deps: WorkflowDeps): AdaptiveCard {
  switch (outcome.kind) {
    case 'help':
      return helpCard();
    case 'not-licensing':
      return notLicensingCard();
    case 'unclear':
      return unclearCard();
    case 'choose':
      return intentChoiceCard(outcome.parse);
    case 'needs':
      return needsCard(outcome.parse, deps.inventory.hosts(), outcome.choice);
    case 'refused':
      return refusedCard(outcome.reason);
    case 'nothing-to-do':
      return nothingToDoCard(outcome.request);
    case 'planned':
      return planCard(outcome.request);
    case 'advice':
      return adviceCard(outcome.intent);
    case 'status':
      return outcome.request
        ? requestCard(outcome.request)
        : noticeCard('No request yet', 'You have not asked me for anything yet.');
    case 'report':
      return reportCard(outcome.operations, outcome.outcomes);
    case 'audit':
      return auditCard(outcome.records, outcome.host, outcome.since);
  }
}
