const MIGRATE =
  /\b(move|moving|migrate|migrating|migration|transfer|transferring|copy|copying|export|exporting|import|importing|backup|back up|backing up|restore|restoring|onto|decommission\w*|pass|passing|hand over|shift(?=\s+(?:the|our|them|it|all|those|these|cals?|licen\w*)\b)|moved|migrated|transferred|copied|exported|imported|restored|backed up|across|over to)\b/;

/** Moving CALs or a license server (its packs, its registry keys, to new hardware): advice, never a change. */
export function isCalMigration(t: string): boolean {
  // "the call centre has moved to user CALs": moving to a kind of CAL is a licensing mode, not CALs that move.
  // "switch the whole MES collection over to per-user CALs" too: a kind of CAL as where something goes.
  t = t.replace(
    /\b((moved|moving|move|switched|gone|going|changed) )?(over )?(to|onto) (per )?(user|device) cals?\b/g,
    ' ',
  );
  // "can't get onto CC-RDS01 ... says no licences": getting onto a host is logging on, not CALs moving.
  t = t.replace(/\b(get|gets|got|getting|log|logs|logged|logging|sign|signs|signing) (on)?to\b/g, ' ');
  if (/\bhow many\b|\bleft\b|\breach\b|\bmslicensing\b|\bclient\b|\bzzpc\b/.test(t)) return false;
  const calWords = /\bcals?\b|\blicens(e|ing) (packs?|database|keypacks?)\b|\bkeypacks?\b|\blicenses\b/.test(t);
  const serverWords = /\blicense server\b|\bzzls\b|\blicensing (server|role)\b/.test(t);
  const registry =
    /\b(registry|reg keys?|keys|hive|reg export|reg file|hklm|hkey_local_machine|termservlicensing)\b/.test(t);
  const newHome =
    /\b(new|another|other|different) (hardware|server|box|machine|vm|host)\b|\b(rebuild|retire|replace)\w*\b/.test(t);
  if (calWords && MIGRATE.test(t)) return true;
  // "how do we move them to LICENSING-DUB?": how to move something onto a license server.
  if (serverWords && /\bhow\b/.test(t) && /\b(move|migrate|transfer|pass|shift)\b/.test(t)) return true;
  if (serverWords && registry && MIGRATE.test(t)) return true;
  return serverWords && newHome && MIGRATE.test(t) && !/\bzzrdsh\b/.test(t);
}

/** Copying a client's licence between PCs (export/import, .reg, golden image): refused with the reason. */
export function isClientCopy(t: string): boolean {
  // "reset the cache ... after this morning's image push": the push is when, not what is asked.
  t = t.replace(/\b(after|before|since|during) [^,.;?!]*/g, ' ');
  const verb =
    /\b(cop(y|ying|ied)|clon\w*|transfer\w*|export\w*|import\w*|duplicat\w*|mov(e|ing)|reus\w*|push\w*|distribut\w*|deploy\w*|back(ing)? ?up|backup|carry\w*|bring\w*|migrat\w*|roll(ing)? out|take|taking|put|bak(e|ing)|includ\w*|across)\b/;
  const thing =
    /\b(mslicensing|client licenses?|license keys?|licensing keys?|cached license|license cache|(rds|rdp) (client )?(license|cal)s?|license store|\.reg|store subkeys?|subkeys|hardwareid|registry (of|for) (the )?licens\w*|licens\w* registry)\b/;
  const twoPlaces =
    /\bfrom\b.*\b(to|on|onto|into|over)\b|\bfrom (a|another|the other|one|my) (\w+ )?(pc|machine|laptop|computer|workstation|client)\b|\bto (another|other|a new|the new|a replacement)\b|\b(other|another|new|old|replacement) (pc|machine|laptop|computer|workstation|client)s?\b|\bbetween\b|\bzzpc\b.*\bzzpc\b|\bzzuser\b.*\bzzuser\b|\bgolden\b|\b(the|an|our|new) image\b|\bover from\b|\brestore it\b|\bimport\w*\b|\bonto\b|\bover to\b|\b(every|each|all( the)?) (\w+ ){0,2}(desktops?|pcs?|machines?|clients?|laptops?|workstations?|zzpc)\b|\b(by|with|via|through) (a |the )?gpo\b/;
  if (/\bzzls\b|\blicense servers?\b|\btermservlicensing\b/.test(t)) return false; // that is moving CALs
  // "... so RDSH02 gets the same CALs": CALs between session hosts move with the license server, not a PC.
  if (/\bcals?\b/.test(t) && !/\bzzpc\b|\bclient\b|\bmslicensing\b/.test(t)) return false;
  // "take the licence from the old PC ... and put it on her new PC": two PCs make "licence" the client's.
  const clientLicence =
    /\b(license|lic)\b/.test(t) &&
    (/\b(old|new|another|replacement) (pc|machine|laptop|computer|workstation)\b/.test(t) ||
      /\bzzpc\b.*\bzzpc\b/.test(t));
  return verb.test(t) && (thing.test(t) || clientLicence) && twoPlaces.test(t);
}
