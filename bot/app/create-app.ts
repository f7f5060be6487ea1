import { AdaptiveCardActionExecuteResponseType, Application, type TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import type { WorkflowDeps } from '../workflow/deps';
import { registerApprovalRoutes } from './approval-routes';
import type { BackgroundWork } from './background';
import { checkMember } from '../policy/check-member';
import { clickRoutes } from './card-route';
import { failureCard } from './failure-card';
import { localMemberKind, type MemberKind } from './member-kind';
import { registerMessageRoutes } from './message-routes';
import { registerRequestRoutes } from './request-routes';
import { startRunWhenDecided } from './start-run';

export { cardActivity } from './card-activity';

/** A warm read answers in about 100 ms; past this, the user sees at once that the bot is working. */
export const DEFAULT_CHECKING_CARD_MS = 800;

export interface AppOptions {
  deps: WorkflowDeps;
  background: BackgroundWork;
  /** Tells guests from members when they approve (Teams roster; none in local mode). */
  memberKind?: MemberKind;
  /** The real adapter (HTTP); absent under TestAdapter. */
  adapter?: TeamsAdapter;
  botAppId?: string;
  /** How long reading hosts may take before a "Checking N hosts…" card goes out (it is then replaced). */
  checkingCardMs?: number;
}

/**
 * The Teams layer: teams-ai routes that turn activities into use-case calls and outcomes into cards
 * (bot/app/render.ts). Nothing here decides anything; identity, policy and state live in the core.
 * Every botbuilder and teams-ai type stays in bot/app/, adapters/teams/ and the composition root.
 */
export function createApp(options: AppOptions): Application<TurnState> {
  const { deps, background } = options;
  const app = new Application<TurnState>({
    storage: new MemoryStorage(),
    startTypingTimer: false,
    ...(options.adapter ? { adapter: options.adapter, botAppId: options.botAppId ?? '' } : {}),
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });
  const failure = failureCard(deps.log);
  const on = clickRoutes(app, failure, (user) => checkMember(deps.policy, user));
  const startRun = startRunWhenDecided(deps, background);

  registerRequestRoutes(on, deps, startRun);
  registerApprovalRoutes(on, deps, { startRun, memberKind: options.memberKind ?? localMemberKind });
  registerMessageRoutes(app, deps, failure, options.checkingCardMs ?? DEFAULT_CHECKING_CARD_MS); // last: its catch-all message route takes what no other did
  return app;
}
