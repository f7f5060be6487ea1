import type { Host } from '../domain';
import type { ResolvedHosts } from './host-resolver';
import type { Word } from './tokens';

/**
 * Stage between slots and intents: every word that named a host is replaced by its role (`zzpc`,
 * `zzrdsh`, `zzls`), a user by `zzuser`, an unknown host-like word by `zzhost`. The intent rules then
 * read what a message does, never the letters of a name: the digits of "PC-1003" are not event 1003,
 * and "LS1" reads the same as "LIC-BER-2".
 */
const PLACEHOLDER: Record<Host['role'], string> = {
  client: 'zzpc',
  'session-host': 'zzrdsh',
  'license-server': 'zzls',
};

// A word with the punctuation around it: "(rdsh01," -> "(", "rdsh01", ",".
const PARTS = /^([^a-z0-9]*)(.*?)((?:'s)?[^a-z0-9]*)$/;

export function maskHosts(normalised: string, words: Word[], resolved: ResolvedHosts): string {
  const replacements = new Map<string, string>();
  for (const host of resolved.hosts) {
    replacements.set(host.name.toLowerCase(), PLACEHOLDER[host.role]);
    if (host.fqdn) replacements.set(host.fqdn.toLowerCase(), PLACEHOLDER[host.role]);
  }
  for (const [position, role] of resolved.hostWords) {
    const word = words[position];
    if (!word || replacements.has(word.lower)) continue;
    // A tag word keeps its letters beside its role: "the macOS app" still says macOS.
    if (resolved.groupWords.has(position))
      replacements.set(word.lower, role ? `${word.lower} ${PLACEHOLDER[role]}` : word.lower);
    else replacements.set(word.lower, role ? PLACEHOLDER[role] : 'zzhost');
  }
  for (const user of resolved.users) replacements.set(user, 'zzuser');
  for (const word of resolved.unknown)
    if (!replacements.has(word.toLowerCase())) replacements.set(word.toLowerCase(), 'zzhost');
  if (replacements.size === 0) return normalised;
  // Word by word (one map read each), not one regular expression over every name.
  return normalised.replace(/\S+/g, (token) => {
    const direct = replacements.get(token);
    if (direct) return direct;
    // A token that starts and ends with a letter or digit, with no possessive, has nothing to strip.
    if (isWordChar(token.charCodeAt(0)) && isWordChar(token.charCodeAt(token.length - 1)) && !token.includes("'"))
      return token;
    const [, lead = '', core = '', tail = ''] = PARTS.exec(token) ?? [];
    const bare = core.replace(/\.$/, '');
    const found = replacements.get(core) ?? replacements.get(bare);
    if (!found) return token;
    return `${lead}${found}${core === bare ? '' : '.'}${tail.replace(/^'s/, '')}`;
  });
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}
