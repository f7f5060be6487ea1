import type { Intent } from '../domain';
import { GRACE, NAMES_HOST } from './intent-words';

/**
 * Whether a message is about RDS licensing at all, reports trouble, is about something else, or only
 * names a change's object: the fallbacks the parser uses when no intent rule matched.
 */

/** Licensing words: a message about RDS licensing is never answered "not my topic". */
const LICENSING_TOPIC =
  /\b(license[sd]?|licensing|lic|cals?|grace|timebomb|rdsh?|remote desktop|terminal serv\w*|mslicensing|per (user|device)|x224|x509|rds|rdp|zzrdsh|zzls|zzpc|zzquote)\b/;

export function isAboutLicensing(text: string): boolean {
  return LICENSING_TOPIC.test(text);
}

/** A clause that checks or reports trouble: with hosts named and nothing else asked, diagnose. */
export function isDiagnosis(text: string): boolean {
  return (
    isAboutLicensing(text) ||
    /\b(mode|gpo|group policy|grace days|diagnos\w*|troubleshoot\w*|health ?check|wrong|issue|problem|broken|not working|look at|looking at|check|investigate|status of|healthy|ok|going on|up with|happening)\b/.test(
      text,
    ) ||
    /\b(cannot|unable to|will not|fail(s|ing|ed)?|can not)\b.{0,20}\b(connect|log ?in|log ?on|sign ?in|sign on)\b|\b(nobody|no one|none of \w+)\b.{0,40}\bcan\b.{0,10}\b(connect|log ?in|log ?on|sign ?in|work)\b|\bsecurity error\b|\bflipping\b|\b(kicked|kicks|booted|boots|thrown|throws|dropped|drops) (\w+ )?(out|off)\b|\bdisconnect(s|ed|ing)\b|\bkeeps? (changing|flipping|reverting|getting|losing)\b/.test(
      text,
    )
  );
}

/** Things the bot is not for: a message about them that names a host is still not about licensing. */
const OFF_TOPIC =
  /\b(printers?|paper|toner|scanners?|outlook|e-?mail|mailbox|teams call|wi-?fi|monitors?|keyboards?|mouse|headsets?|badge|phones?|canteen|coffee|parking|password reset|passwords?|locked out|account locked|nhsmail|vpn|cookies|(browser|chrome|edge|firefox|teams|dns|arp|credentials?|kerberos|java|onedrive|sharepoint|windows update|print|font|icon|thumbnail|netbios|ssl|web|internet|office|outlook) cache)\b/;
/** Licensing words other than a host placeholder. */
const LICENSING_WORDS =
  /\b(license[sd]?|licensing|lic|cals?|grace|timebomb|remote desktop|terminal serv\w*|mslicensing|per (user|device)|x224|x509|rds|rdp|mstsc|zzquote|session|log ?on|log ?in|connect\w*)\b/;

/** Other products with licences of their own ("Adobe says my licence has expired"). */
const OTHER_PRODUCTS =
  /\b(adobe|acrobat|photoshop|creative cloud|autocad|flexlm|flexnet|matlab|solidworks|arcgis|office 365|microsoft 365|m365|(ms|microsoft) office|office (2016|2019|2021|2024|ltsc|activation|licens\w*)|office says|unlicensed product|visio|windows activation|(windows|os) (is not |isn'?t |not )?activat\w*|activate windows|windows (10|11|server) licen\w*|not activated|activate it|antivirus|teams (phone|premium|rooms)|phone licen\w*|zoom|sap|jira|salesforce)\b/;
/** Words that are only about Remote Desktop (not licences in general). */
// A host named is no RDS word: "Adobe's licence ran out on PHOTODESK1" is still about Adobe.
const RDS_WORDS =
  /\b(rds|rdp|remote desktop|terminal serv\w*|session hosts?|cals?|grace|timebomb|mslicensing|mstsc|zzls|per (user|device)|licensing mode|x224|x509)\b/;

/** Names something the bot is not for (a printer, Outlook, another product), whatever else it says. */
export function namesOtherThing(text: string): boolean {
  return OFF_TOPIC.test(text) || OTHER_PRODUCTS.test(text);
}

/** "the label printer on WARD3-KIOSK-01 is out of paper": a host named about something else. */
export function isOffTopic(text: string): boolean {
  // "withdraw REQ-4540, it was her VPN all along": about one of our requests, whatever else it mentions.
  if (/\breq-\d{1,12}\b/.test(text)) return false;
  if (OTHER_PRODUCTS.test(text) && !RDS_WORDS.test(text)) return true;
  return OFF_TOPIC.test(text) && !LICENSING_WORDS.test(text);
}

/**
 * A verbless message that names a changing operation's object and a host ("grace period RDSH01",
 * "PC-042 license cache", "licensing cert on RDSH01??"): the change it could mean, to be offered
 * beside the diagnosis.
 */
export function objectOnly(text: string): Intent | undefined {
  // "licence cache for jdoe": a person's PC names a host as well as its name does.
  if (text.length > 80 || text.split(' ').length > 6 || !(NAMES_HOST.test(text) || /\bzzuser\b/.test(text)))
    return undefined;
  if (/\b(what|why|how|is|are|does|do|did|which|when|who|show|list|check)\b/.test(text)) return undefined;
  if (GRACE.test(text)) return 'rdsh.reset_grace_period';
  if (/\b(license (cache|store)|client license|mslicensing|cached (rdp |rds )?license|hardwareid)\b/.test(text))
    return 'client.reset_license_cache';
  if (/\b(licensing )?(cert|certificate)s?\b|\bx509\b/.test(text)) return 'rdsh.refresh_licensing_cert';
  if (/\b(user|device) (mode|licensing)\b|\bper (user|device) mode\b/.test(text)) return 'rdsh.set_licensing_mode';
  return undefined;
}

/**
 * "what's the difference between per user and per device CALs?", "how would I reset the grace period,
 * in general? just want to understand": a question about how licensing works, not about a host. With
 * no host named it gets no operation (the help the bot has is for hosts), and no "which host?".
 */
const GENERAL_QUESTION =
  /\b(differences? between|differs? from|explain (how|what|why|the difference)|in general|generally speaking|just (want|wanted|trying|curious) to (understand|know|learn)|out of (pure )?curiosity|for my own understanding|conceptually|in theory|theoretically)\b|\bhow (do|can|would|should) (i|we) ([\w-]+ ){1,8}(myself|ourselves|manually|by hand)\b|\bwhat (does|do) (an? |the )?(event|error|id) ?\d{3,5}s? (mean|stand for|indicate)\b/;

// "why would a group policy stop a licence server change from sticking?", "what actually happens when a
// session host's grace period runs out?": how things work, in general.
const HOW_IT_WORKS =
  /^\s*why (would|might|could) (a|an|the) |^\s*what (actually |really |exactly )?happens (when|if|after|once) (a|an|the|my|our|you|we)\b|^\s*(does|do|will|would|is|are) [^?]{0,60}\b(on |to )?an? (session host|pc|client|license server|server|host)\b[^?]{0,40}\b(always|ever|usually|normally|still) (need|needs|require|requires|mean|means|take|takes)\b|\bwhich (one|option|mode|kind|type)( of \w+)? (suits|makes (more )?sense|is (better|best|right)|should (we|i) (use|pick|choose|go for))\b|\b(vs\.?|versus)\b|\bhow long (is|does|do|will|can)\b|\bwhat (does|do) (an? |the )?(event|error|id)? ?\d{3,5}s? (actually |really )?(mean|stand for|indicate)\b|\b(does|do|why do|why does) (mstsc|people|users|the user|a user|everyone|staff) (have|need) to\b/;

export function isGeneralQuestion(text: string): boolean {
  // "if I reset the licence cache on a PC, does the user need to ...?": a hypothetical, asked in general.
  if (
    /^\s*(if|when|once|after) (i|we|you|someone|a|an|the)\b.*\b(does|do|will|would|is|are|should|can|why|how)\b.*\?\s*$/.test(
      text,
    )
  )
    return true;
  // "which one suits a factory where people share PCs?", "how long is the grace period?": how things work.
  if (HOW_IT_WORKS.test(text) && /\?\s*$/.test(text)) return true;
  return GENERAL_QUESTION.test(text) && /\?|\b(how|what|why|which|understand)\b/.test(text);
}
