import type { Intent, ParseResult } from '../domain';

/**
 * "refresh the cert on X and restart the service on it... never mind the restart, just the cert": a
 * later clause that drops one of the operations asked for by its name. The operation named after
 * "never mind / forget / skip / scratch / no need for the" is removed; the rest stands. Only names that
 * say one operation plainly count, and only when another operation is left.
 */
const DROP =
  /(?:^|[,;.!?-])\s*(?:\.\.\s*)?(?:(?:actually|oh|wait|sorry|hmm|no),?\s+){0,3}(?:never ?mind|forget|skip|scratch|no need for|don'?t bother with|leave out)\s+(?:the\s+)?([a-z]+)/gi;

const NAMED: Record<string, Intent> = {
  restart: 'rdsh.restart_service',
  reboot: 'rdsh.restart_service',
  bounce: 'rdsh.restart_service',
  cert: 'rdsh.refresh_licensing_cert',
  certificate: 'rdsh.refresh_licensing_cert',
  refresh: 'rdsh.refresh_licensing_cert',
  grace: 'rdsh.reset_grace_period',
  events: 'rdsh.events',
  cache: 'client.reset_license_cache',
  mode: 'rdsh.set_licensing_mode',
  diagnosis: 'licensing.diagnose',
};

export function withoutDroppedOperations(text: string, parse: ParseResult): ParseResult {
  if (parse.operations.length < 2 || !/never ?mind|forget|skip|scratch|no need|bother|leave out/i.test(text))
    return parse;
  const dropped = new Set<Intent>();
  for (const match of text.matchAll(DROP)) {
    const intent = NAMED[(match[1] ?? '').toLowerCase()];
    if (intent) dropped.add(intent);
  }
  // "forget the mode change, just point ...": the drop was read as a cancel too; it cancels nothing.
  if (dropped.size > 0) dropped.add('request.cancel');
  const kept = parse.operations.filter((operation) => !dropped.has(operation.intent));
  return kept.length > 0 && kept.length < parse.operations.length ? { ...parse, operations: kept } : parse;
}
