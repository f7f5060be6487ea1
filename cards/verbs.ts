/** Action.Execute verbs the bot's cards send; each is routed exactly once in bot/app. */
export const VERB = {
  confirm: 'request.confirm',
  cancel: 'request.cancel',
  complete: 'request.complete',
  /** "Which do you mean?": the reading picked for an unclear request. */
  choose: 'request.choose',
  /** A suggestion or a diagnosis's fix: ask the bot this request, as if typed (then the normal plan). */
  ask: 'request.ask',
  submit: 'request.submit',
  resubmit: 'request.resubmit',
  /** An interrupted run: plan the hosts not done again. */
  resume: 'request.resume',
  approve: 'approval.approve',
  reject: 'approval.reject',
  refresh: 'approval.refresh',
} as const;

export type Verb = (typeof VERB)[keyof typeof VERB];
