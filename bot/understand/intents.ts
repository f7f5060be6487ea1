import type { Intent } from '../domain';

/**
 * Which catalogue operation(s) a message asks for, from its wording alone (hosts and parameters are read
 * elsewhere). Rules are tried in order and the first that matches decides, so refusals and questions
 * ("every 100 days", "how many grace days left") come before the changes they resemble. Mode and
 * license-server changes may come together in one message; they are returned in the order written.
 */

const CHANGE =
  /\b(reset|rest|clear|clean|wipe|delete|del|remove|purge|flush|nuke|fix|redo|renew|refresh|zap|regenerate|recreate|rebuild)\b/;
const LICENCE = /\b(licen[cs]e[sd]?|licen[cs]ing|lic|cals?|mslicensing)\b/;
const CLIENT_SIDE = /\b(client|cleint|clinet|clent|rdp|mstsc|pc|laptop|workstation|desktop|thin client|cache)\b/;
const GRACE = /\b(grace|timebomb|time bomb|rearm|re-arm)\b/;
const LICENSE_SERVER =
  /\b(licen[cs]e|lic)\s*(server|box|host|srv)s?\b|\bls\s*(is|=|:)|\b(point|points|pointed|pointing)\b.*\bat\b|\bshould use\b|\bswitch\b.*\bto\s+(ls|lic)\w*\b|\bserver\s+\w*\d\b/;
const MODE = /\bper[- ]?(user|device|seat|session)s?\b|\b(user|device) cals?\b|\bmode\b/;

interface Rule {
  intent: Intent;
  matches(text: string): boolean;
}

const RULES: Rule[] = [
  {
    intent: 'help',
    matches: (t) =>
      /^\s*(help|\?|what can you do|what do you do|commands|how do i use (you|this)|what are you|usage)\s*[.!?]*\s*$/.test(
        t,
      ),
  },
  {
    intent: 'request.cancel',
    matches: (t) =>
      /\b(cancel|abort|withdraw|scrap|forget)\b.{0,30}\b(request|that|it|this|last|my|change|plan)\b/.test(t) &&
      !/\bevery\b/.test(t),
  },
  {
    intent: 'request.status',
    matches: (t) =>
      /\b(status|progress)\b.{0,40}\b(request|change|job)\b|\b(where|what happened)\b.{0,20}\b(my|the|that)\b.{0,10}\b(request|change)\b|\bis my (request|change)\b/.test(
        t,
      ),
  },
  {
    intent: 'audit.query',
    matches: (t) =>
      /\baudit\b|\bwho (changed|touched|reset|modified)\b|\b(change )?history\b.{0,20}\b(for|on|of)\b|\bwhat changed on\b/.test(
        t,
      ),
  },
  {
    intent: 'advice.recurring_grace_reset',
    matches: (t) =>
      GRACE.test(t) &&
      /\b(every|each|automatically|automatic|auto|recurring|schedule[ds]?|scheduled task|cron|weekly|monthly|forever|indefinitely|keep resetting|whenever)\b/.test(
        t,
      ),
  },
  {
    intent: 'advice.cal_migration',
    matches: (t) =>
      /\bcals?\b|\blicen[cs]e (packs?|database)\b/.test(t) &&
      /\b(move|migrate|migration|transfer|copy|export|import|backup|restore)\b/.test(t) &&
      !/\bhow many\b|\bleft\b/.test(t),
  },
  {
    intent: 'advice.copy_client_license',
    matches: (t) =>
      /\b(copy|clone|transfer|export|import|duplicate|move)\b/.test(t) &&
      /\b(mslicensing|client licen[cs]e|licen[cs]e key|licen[cs]e (from|to))\b/.test(t) &&
      /\bfrom\b.*\b(to|on|onto|into)\b|\bto another\b|\bother pc\b/.test(t),
  },
  {
    intent: 'advice.mac_client',
    matches: (t) =>
      /\b(mac|macs|macos|mac os|os x|osx|macbook|imac|mbp)\b/.test(t) &&
      (LICENCE.test(t) || /\bconnect|error\b/.test(t)),
  },
  {
    intent: 'request.rollback',
    matches: (t) => /\b(undo|roll ?back|revert|put (it )?back|restore)\b/.test(t) && !/\brestore\b.*\bcals?\b/.test(t),
  },
  {
    intent: 'rdsh.test_license_server',
    matches: (t) =>
      /\b(reach|reachable|connectivity|connect(ion)? to|talk to|ping|port 135|port 445|firewall)\b/.test(t) &&
      /\b(ls\d*|lic\d*|licen[cs]e server|license box)\b|\b(able to|can)\b.*\breach\b/.test(t),
  },
  {
    intent: 'ls.cal_inventory',
    matches: (t) =>
      /\bcals?\b|\bkey ?packs?\b|\blicen[cs]es\b/.test(t) &&
      /\b(left|remaining|available|how many|count|inventory|free|installed|do we have|in stock)\b/.test(t),
  },
  {
    intent: 'rdsh.events',
    matches: (t) =>
      (/\b(1003|1004|1011|1028|1068|1069|1128|1130|50280|50282|4105|4140|4141)\b/.test(t) &&
        /\b(any|show|list|seen|logged|see|get|check)\b|\?\s*$/.test(t) &&
        !/\b(fix|reset|clear|delete)\b/.test(t)) ||
      (/\bevents?\b|\bevent ?log\b/.test(t) &&
        (/\b(show|list|any|get|what|which|see|check|look|pull|find)\b/.test(t) || /\?\s*$/.test(t)) &&
        !/\bfix\b|\breset\b/.test(t)),
  },
  {
    intent: 'rdsh.refresh_licensing_cert',
    matches: (t) =>
      (/\bx\.?224\b|\bx\.?509\b|\bcerts?\b|\bcertificates?\b/.test(t) && (CHANGE.test(t) || /\breboot\b/.test(t))) ||
      (/\b(licensing|rcm) cert/.test(t) && CHANGE.test(t)),
  },
  {
    intent: 'rdsh.reset_grace_period',
    matches: (t) =>
      GRACE.test(t) &&
      (/\b(reset|extend|rearm|re-arm|clear|delete|renew|restart|refresh|give|more|another|new)\b/.test(t) ||
        /\btimebomb\b/.test(t)) &&
      !/\b(how many|days left|check|status|remaining)\b/.test(t),
  },
  { intent: 'client.reset_license_cache', matches: (t) => isClientReset(t) },
  {
    intent: 'rdsh.restart_service',
    matches: (t) =>
      /\b(restart|bounce|recycle|kick)\b/.test(t) &&
      /\b(rds|remote desktop services?|termservice|term service|terminal services?|rdp service|the service)\b/.test(t),
  },
];

function isClientReset(t: string): boolean {
  return (
    /\b(mslicensing|hardwareid)\b/.test(t) ||
    (CHANGE.test(t) && LICENCE.test(t) && CLIENT_SIDE.test(t)) ||
    (/\b(invalid|expired|corrupt|bad|broken|stale)\b.{0,20}\blicen[cs]e\b/.test(t) && CHANGE.test(t)) ||
    (/\b(event\s*)?1003\b/.test(t) && /\bclient\b/.test(t)) ||
    (/\blicen[cs]ing protocol\b/.test(t) && CHANGE.test(t))
  );
}

/** Licensing words: a message about RDS licensing that no rule fits is answered with a question. */
const LICENSING_TOPIC =
  /\b(licen[cs]e|licen[cs]ing|lic|cals?|grace|timebomb|rdsh?|remote desktop|terminal serv|mslicensing|per[- ]user|per[- ]device|x\.?224|rds)\b/;

export function isAboutLicensing(text: string): boolean {
  return LICENSING_TOPIC.test(text.toLowerCase());
}

/** A question or complaint about licensing on a host, with no change asked for: diagnose first. */
export function isDiagnosis(text: string): boolean {
  const t = text.toLowerCase();
  return (
    isAboutLicensing(t) ||
    /\b(mode|gpo|group policy|grace days|diagnos\w*|troubleshoot\w*|health ?check)\b/.test(t) ||
    /\b(can'?t|cannot|unable to|won'?t|fail(s|ing)?)\b.{0,20}\b(connect|log ?in|logon|sign in)\b|\bsecurity error\b|\bflipping\b|\bkeeps? (changing|flipping|reverting)\b/.test(
      t,
    )
  );
}

export interface IntentMatch {
  intent: Intent;
}

/** The operation(s) a message asks for, in the order it asks for them; empty when none fits. */
export function matchIntents(text: string): IntentMatch[] {
  const t = text.toLowerCase();
  for (const rule of RULES) if (rule.matches(t)) return [{ intent: rule.intent }];
  return matchConfiguration(t);
}

/** Mode and/or license-server changes ("set RDSH01 to per user, LS is LS1"), in the order written. */
function matchConfiguration(t: string): IntentMatch[] {
  const found: Array<{ intent: Intent; at: number }> = [];
  const asksChange =
    /\b(set|switch|change|configure|point|use|make|move|put|flip|convert|should|to|is|add|remove|replace|append|drop)\b|=|→|->/.test(
      t,
    );
  const diagnosisOnly =
    /\b(what|which|who|why|keeps?|flipping|after i change)\b/.test(t) && !/\b(set|switch|configure|point)\b/.test(t);
  if (!asksChange || diagnosisOnly) return [];
  const mode = t.search(MODE);
  const modeChange =
    /\bper[- ]?(user|device|seat|session)\b|\b(user|device) cals?\b|\bmode\s*[=:]/.test(t) ||
    /\bmode\b.*\b(user|device)\b/.test(t) ||
    /\b(set|change|configure|switch)\b.{0,30}\bmode\b/.test(t);
  if (mode >= 0 && modeChange) {
    found.push({ intent: 'rdsh.set_licensing_mode', at: mode });
  }
  const server = t.search(LICENSE_SERVER);
  if (server >= 0) found.push({ intent: 'rdsh.set_license_servers', at: server });
  return found.sort((a, b) => a.at - b.at).map(({ intent }) => ({ intent }));
}
