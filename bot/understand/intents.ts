import type { Intent } from '../domain';
import {
  CHANGE,
  LICENCE,
  CLIENT_SIDE,
  GRACE,
  MODE,
  SERVER_WORDS,
  EVENT_IDS,
  EVENT_NOUNS,
  ROLLBACK_WORDS,
  PASTED_EVENT,
  ORDERS_CHANGE,
} from './intent-words';
import { isCalMigration, isClientCopy } from './advice-intents';
import { splitClauses } from './speech-act';
import { ABOUT_REQUESTS, type IntentRule } from './request-intents';

const GRACE_CHANGE =
  /\b(reset|extend|rearm|clear|delete|renew|restart|refresh|give|more|another|new|remove|wipe|get rid of|kill|nuke|blow away)\b|\btimebomb\b/;
const GRACE_ASKS_ONLY = /\b(how many|days left|check|status|remaining|how long)\b/;

/**
 * Stage 5: which catalogue operation(s) a message's wording points at, scored from what it does (verbs
 * and their objects, registry value names, event ids, pasted errors). The text is normalised,
 * typo-corrected and host-masked: inventory hosts read as `zzpc`, `zzrdsh`, `zzls` (client, session
 * host, license server), users as `zzuser`, unknown host-like words as `zzhost`, pasted errors as
 * `zzquote`. Rules are tried in order and the first that matches decides, so refusals and questions
 * come before the changes they resemble. Whether a change may be planned at all is decided after this,
 * by the speech act of the clauses (see safety.ts).
 */

const RULES: IntentRule[] = [
  ...ABOUT_REQUESTS,
  {
    intent: 'advice.recurring_grace_reset',
    matches: (t) =>
      (GRACE.test(t) || /\b120 ?-?days?\b/.test(t)) &&
      /\b((every|each|at the start of each|at the end of each) (\w+ ){0,2}?(time|months?|weeks?|days?|years?|quarters?|cycles?|periods?|terms?|semesters?|\d+|few|other|120)\b|automatically|automatic(?! (alert|ticket))|auto|recurring|schedule[ds]?|scheduled task|cron|weekly|monthly|forever|indefinitely|keep resetting|(on|in) a loop|never (have|need) to (buy|pay)|recurs?|recurring|recurr(ed|ing|ence)|(happen|run|repeat)s? (on (its|their) own|by itself)|again and again|over and over|repeatedly|until (the )?(budget|money|we (buy|get|have))|(?<!\b(restart|reboot)\w* )whenever|script|periodically|regularly|on a timer|automate(?!d (ticket|alert|message|e-?mail|notification|monitoring))\w*|each time)\b/.test(
        t,
      ),
  },
  {
    intent: 'advice.copy_client_license',
    matches: (t) => isClientCopy(t),
  },
  {
    intent: 'advice.cal_migration',
    matches: (t) => isCalMigration(t),
  },
  {
    intent: 'advice.mac_client',
    matches: (t) =>
      /\brdc crucial server information\b|\bcrucial server\b/.test(t) ||
      /\bhow\b.{0,40}\b(on|for|with) (a |the |my |our )?(mac|macbook|macos|imac)\b/.test(t) ||
      (/\b(mac|macs|macos|mac os|os x|osx|macbook|imac|mbp|apple)\b/.test(t) &&
        (LICENCE.test(t) || /\bconnect|error|rdp|remote desktop|zzquote\b/.test(t))),
  },
  {
    intent: 'request.rollback',
    matches: (t) =>
      ROLLBACK_WORDS.test(t) &&
      // "Backout plan: revert to the previous mode", "revert back if any issue": a plan for trouble, not an undo.
      !/\b(back ?-?out|roll ?-?back|fallback|recovery) plan\b|\b(revert|roll)\w*( it)?( back)? (if|in case|should)\b/.test(
        t,
      ) &&
      // "If it breaks anything we'll roll it back tomorrow": trouble that may come, and the speaker's own undo.
      !/\bif (?!you\b|u\b)[^.!?]{0,60}\b(roll|revert|undo)\w*|\b(we|i)('ll| will| can always)( just)? (roll|revert|undo)\w*/.test(
        t,
      ) &&
      !/\brestore\b.*\bcals?\b|\b(registry|hive|new hardware|new server|migrat\w*)\b/.test(t),
  },
  {
    intent: 'rdsh.test_license_server',
    matches: (t) =>
      // "test ls XRAYVIEW-TS": the terse form, the session host's reach to its license server.
      /^\s*test (the )?(ls|lic server|license server)( connection| connectivity| reach)? (on |from |for )?zz(rdsh|host)\b/.test(
        t,
      ) ||
      (/\b(reach(es|ed|ing)?|reachable|connectivity|connect(ion)? (to|with)|talk(s|ing)? (to|with)|communicat\w* with|speak(s|ing)? (to|with)|ping|port 135|port 445|firewall\w*|contact|see|get to|gets? through|blocked|against|connection)\b|\btest(ing)? (the )?(zzls|license servers?)\b.{0,30}\bfrom\b/.test(
        t,
      ) &&
        /\b(zzls|license servers?|license box)\b/.test(t) &&
        // "X still talks to the old LS, move it to LS2": the move is the request.
        !/\b(still|currently)\b.*\b(move|point|switch|repoint|change|set)\b.{0,25}\b(to|at) zzls\b/.test(t) &&
        // "the CAL report for LSV-LEGACY ... see if anything is still issued from it": what it holds, no reach.
        !(
          /\bcals?\b|\blicense packs?\b|\bkeypacks?\b/.test(t) &&
          !/\bzz(rdsh|host)\b|\b(reach\w*|ping|port|firewall\w*|blocked|connect\w*|talk\w*)\b/.test(t)
        ) &&
        // "which license server does RES-10 talk to?" asks which one it uses: a diagnosis answers that.
        !(/\b(which|what) (license )?servers?\b/.test(t) && !/\b(reach\w*|ping|port|firewall\w*|blocked)\b/.test(t))),
  },
  {
    intent: 'ls.cal_inventory',
    matches: (t) =>
      // "Is anything still installed on PV-LIC-2012?": what a license server holds is its CALs.
      /\b(anything|what'?s|what is|what) (still )?(installed|left|remaining)\b.{0,15}\b(on|in) zzls\b/.test(t) ||
      // "what CAL types are on LICSRV-ARCHIVE?", "which licence packs are on it": what it holds.
      /\b(what|which) (kinds? of |types? of )?(cals?|cal types?|license packs?|keypacks?)( types?)? (are|is) (installed )?(on|in) zzls\b/.test(
        t,
      ) ||
      (/\bcals?\b|\bkeypacks?\b|\blicenses\b|\blicense packs?\b|\bpacks\b/.test(t) &&
        /\b(left(?! on per\b| as\b| alone\b| behind\b)|remaining|available|how many|how much|remain\w*|counts?|inventory|free|installed|report|do we have|do we still have|still have|in stock|holds?|holding|contains?|carr(y|ies)|list|show|usage|used|issued|any|out of|run(ning)? (out|low)|enough|short|spare|capacity|totals?|number of|tally)\b/.test(
          t,
        ) &&
        !(/\b(switch|set|change|convert)\b/.test(t) && MODE.test(t)) &&
        // "reset the grace period on X until the CALs arrive, we're out of grace": the CALs are why.
        !(GRACE.test(t) && /\b(reset|rearm|extend)\b/.test(t)) &&
        // A pasted event ("Event 1128 on RDSH05: ... a license server with installed licenses") reports trouble.
        !(EVENT_IDS.test(t) && !/\b(how many|left|counts?|remaining)\b/.test(t))),
  },
  {
    intent: 'rdsh.events',
    matches: (t) =>
      !/\b(fix|reset|clear|delete)\b|\bwhy\b|\bmean\w*\b|\bexplain\b/.test(t) &&
      !CHANGE.test(t) &&
      // "is AW-LIC-SECONDARY healthy? it logged a 4105": a question about the host, answered by a diagnosis.
      !/\b(healthy|ok|okay|fine|working|wrong|broken)\b[^.!]*\?/.test(t) &&
      // "X shows event 1128, is that serious?": a question about what it means, answered by a diagnosis.
      !/\bis (that|this|it) (serious|bad|normal|a problem|ok|okay|important|critical|dangerous)\b|\bshould (i|we) (worry|be worried)\b/.test(
        t,
      ) &&
      // "Event 1128 on RDSH05: The RD Licensing grace period has expired ...": a pasted event reports trouble.
      !(PASTED_EVENT.test(t) && !/\b(show|list|any(?! (idea|clue|thoughts?)\b)|pull|get|how many)\b/.test(t)) &&
      // "... (event 50282). Please set the license server on X to Y": the event is why, the order is what.
      !ORDERS_CHANGE.test(t) &&
      // "mode not configured (event 1068)": an event id in brackets is evidence for what is said.
      !(/\(event (id )?\d{4,5}\)/.test(t) && !/\b(show|list|pull|get|any|check|see)\b/.test(t)) &&
      // "ugh, event 1003 again on X naming Y": it keeps happening, a complaint; a diagnosis answers it.
      // "every time someone connects ... we get event 1004 logged": it happens over and over, the same.
      !(
        /\b(again|keeps?|still|every time|each time|whenever|all the time|constantly|every (few |couple of |\w+ )?(seconds?|minutes?|mins?|hours?|morning|night|day|logon|login)|driving (me|us) (mad|crazy|nuts|up the wall))\b/.test(
          t,
        ) && !/\b(show|list|pull|(?<!we )get|any|check|see)\b/.test(t)
      ) &&
      (EVENT_IDS.test(t) || EVENT_NOUNS.test(t)) &&
      ((EVENT_IDS.test(t) && /\bevents?\b/.test(t)) ||
        /\b(any|show|list|seen|logged|see|get|check|pull|find|grab|dump|give|display|export)\b/.test(t) ||
        (EVENT_NOUNS.test(t) && /\?\s*$/.test(t)) ||
        /\bevents? (on|for|from|in)\b|\bevents? of (licen\w*|rds|rdp|rcm)\b|\b(need|needing|want|wanting) (the |all )?(licensing )?events?\b|\b(licensing|rcm|1\d{3}|5\d{4}) events\b/.test(
          t,
        ) ||
        // "1128s on LEDGER-TS?": ids in the plural are events.
        /\b(1\d{3}|4\d{3}|5\d{4})s (on|for|from|in)\b/.test(t) ||
        // "events RDS-1028 last 7d": the terse form, a host and a window.
        /^events? zz(rdsh|host)\b|\bevents?\b.{0,30}\b(last|past) \d+ ?(d|h|days?|hours?)\b/.test(t) ||
        // "X events 24h": the noun and a window straight after it.
        /\bevents? (since |for |over )?\d+ ?(d|h|days?|hours?)\b/.test(t)),
  },
  {
    intent: 'rdsh.refresh_licensing_cert',
    matches: (t) =>
      (/\bx224\b|\bx509\b|\bcerts?\b|\bcertificates?\b/.test(t) &&
        (CHANGE.test(t) || /\b(reboot|regen\w*|new)\b/.test(t))) ||
      (/\b(licensing|rcm) cert/.test(t) && CHANGE.test(t)),
  },
  {
    intent: 'rdsh.reset_grace_period',
    matches: (t) =>
      GRACE.test(t) &&
      GRACE_CHANGE.test(t) &&
      // "how many days left?" asks; "reset it pls, it's saying 2 days left" asks for the reset in its own clause.
      (!GRACE_ASKS_ONLY.test(t) || splitClauses(t).some((c) => GRACE_CHANGE.test(c) && !GRACE_ASKS_ONLY.test(c))),
  },
  { intent: 'client.reset_license_cache', matches: (t) => isClientReset(t) },
  {
    intent: 'rdsh.restart_service',
    matches: (t) =>
      (/\b(restart(ed|ing)?|bounce|recycle|kick|cycle)\b/.test(t) &&
        /\b(rds|remote desktop services?|termservice|term service|terminal services?|(rd|rdp|rds) services?|the service|services?)\b/.test(
          t,
        )) ||
      // "restart TS on CCRDS-B": TS is Terminal Services, the service's old name.
      /\b(restart|bounce|recycle)\b (the )?ts\b/.test(t),
  },
];

function isClientReset(t: string): boolean {
  return (
    /\b(mslicensing|hardwareid)\b/.test(t) ||
    (CHANGE.test(t) && LICENCE.test(t) && CLIENT_SIDE.test(t)) ||
    // "reset the licence for priya.nair": a person's licence is the one cached on their PC.
    (/\b(reset|clear|wipe|renew|refresh|fix)\b.{0,20}\blicen[cs]e\b.{0,30}\b(for|of) zzuser\b/.test(t) &&
      !GRACE.test(t)) ||
    // "clear licnse on KTW-CTRL-1O03": a licence cleared on a machine is a client's cached one.
    /\b(clear|wipe|delete|purge)\b (the )?license (on|for|from) zz(pc|host)\b/.test(t) ||
    // "Requested: fix the client side" (of a pasted 1003).
    /\b(fix|reset|clear)\w* (the )?client[- ]side\b/.test(t) ||
    (/\b(invalid|expired|corrupt|bad|broken|stale)\b.{0,20}\blicense\b/.test(t) && CHANGE.test(t)) ||
    (/\b(event\s*)?1003\b/.test(t) && /\b(client|zzpc)\b/.test(t) && CHANGE.test(t)) ||
    // "reset the cache on FRONTDESK-05", "... for hf": a cache on a client, or a user's, is its licence cache.
    (CHANGE.test(t) && /\bcache\b/.test(t) && /\bzz(pc|user|host)\b/.test(t)) ||
    // "reset the cache on bob.fisher's machine": a person's machine, even one the inventory does not know.
    (CHANGE.test(t) &&
      /\bcache\b/.test(t) &&
      /\b[a-z][\w.-]{0,40}'s (pc|laptop|machine|computer|desktop|workstation)\b/.test(t))
  );
}

/** The operation(s) a text points at, in the order it asks for them; empty when none fits. */
export function matchIntents(text: string): Intent[] {
  for (const rule of RULES) if (rule.matches(text)) return [rule.intent];
  return matchConfiguration(text);
}

/** Mode and/or license-server changes ("set RDSH01 to per user, LS is LS1"), in the order written. */
function matchConfiguration(t: string): Intent[] {
  const found: Array<{ intent: Intent; at: number }> = [];
  const mode = t.search(MODE);
  const modeChange =
    /\bper (user|device|seat|session)\b|\b(user|device) cals?\b|\bmode\s*(=|:|->)|\b(user|device)[- ]based\b/.test(t) ||
    // "set LicensingMode to 2", "write 4 into the LicensingMode DWORD": the registry value's numbers.
    /\blicensingmode\b\D{0,25}\b[24]\b|\b[24]\b\D{0,25}\blicensingmode\b/.test(t) ||
    /\bmode\b.*\b(user|device)\b/.test(t) ||
    /\b(set|change|configure|switch)\b.{0,30}\bmode\b/.test(t);
  if (mode >= 0 && modeChange) found.push({ intent: 'rdsh.set_licensing_mode', at: mode });
  const server = t.search(SERVER_WORDS);
  // A server list belongs to session hosts: without one named, only a verb that sets it makes it a change.
  const forHosts = /\bzz(rdsh|host)\b|\bsession hosts?\b|\brdsh\b/.test(t);
  const setsIt =
    /\b(set|change|configure|point|repoint|use|add|tack|remove|replace|drop|switch|update|modify|amend|edit)\b|\btake\b.{0,25}\b(off|out)\b|->|\bls\s*[:=]/.test(
      t,
    );
  if (server >= 0 && (forHosts ? /\bzzls\b/.test(t) || setsIt : setsIt))
    found.push({ intent: 'rdsh.set_license_servers', at: server });
  return found.sort((a, b) => a.at - b.at).map(({ intent }) => intent);
}
