import type { Intent, Params } from '../domain';

/**
 * Intent rules: which catalogue operation a message asks for, from its wording alone.
 * Each rule reads the lower-cased text; the first rule that matches wins, so the more
 * specific rules come first.
 */
export interface IntentMatch {
  intent: Intent;
  params: Params;
}

interface IntentRule {
  intent: Intent;
  matches(text: string): boolean;
  params?(text: string): Params;
}

const CHANGE_VERB = /\b(reset|rest|clear|clean|wipe|delete|del|remove|purge|flush|nuke|fix|redo|renew|refresh|zap)\b/;
const LICENCE = /\b(licen[cs]e|licen[cs]ing|lic|cal|cals|mslicensing)\b/;
const CLIENT_SIDE = /\b(client|cleint|clinet|clent|rdp|mstsc|pc|laptop|workstation|desktop|thin client)\b/;

function clientCacheScope(text: string): Params {
  if (/\b(sub ?keys?|hardwareid|store)\b/.test(text)) return { scope: 'subkeys' };
  if (/\bmslicensing\b/.test(text) && /\b(key|wipe|delete|remove|nuke|purge)\b/.test(text)) return { scope: 'key' };
  return {};
}

const RULES: IntentRule[] = [
  {
    intent: 'help',
    matches: (text) => /^\s*(help|\?|what can you do\??|commands|how do i use (you|this))\s*[.!?]*\s*$/.test(text),
  },
  {
    intent: 'client.reset_license_cache',
    matches: (text) =>
      /\b(mslicensing|hardwareid)\b/.test(text) ||
      (CHANGE_VERB.test(text) && LICENCE.test(text) && CLIENT_SIDE.test(text)) ||
      (/\b(invalid|expired|corrupt)\b.*\blicen[cs]e\b/.test(text) && CHANGE_VERB.test(text)) ||
      (/\b(event\s*)?1003\b/.test(text) && /\bclient\b/.test(text)) ||
      (/\b(licen[cs]e|rdp licen[cs]e) cache\b/.test(text) && CHANGE_VERB.test(text)),
    params: clientCacheScope,
  },
];

/** Words that show a message is about RDS licensing even when no rule fits it (the bot then asks). */
const LICENSING_TOPIC =
  /\b(licen[cs]e|licen[cs]ing|lic|cals?|grace|timebomb|rdsh?|remote desktop|terminal serv|mslicensing|per[- ]user|per[- ]device)\b/;

export function matchIntent(text: string): IntentMatch | undefined {
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    if (rule.matches(lower)) return { intent: rule.intent, params: rule.params ? rule.params(lower) : {} };
  }
  return undefined;
}

export function isAboutLicensing(text: string): boolean {
  return LICENSING_TOPIC.test(text.toLowerCase());
}
