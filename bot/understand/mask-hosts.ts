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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function maskHosts(normalised: string, words: Word[], resolved: ResolvedHosts): string {
  const replacements = new Map<string, string>();
  for (const host of resolved.hosts) {
    replacements.set(host.name.toLowerCase(), PLACEHOLDER[host.role]);
    if (host.fqdn) replacements.set(host.fqdn.toLowerCase(), PLACEHOLDER[host.role]);
  }
  for (const [position, role] of resolved.hostWords) {
    const word = words[position];
    if (!word || replacements.has(word.lower)) continue;
    replacements.set(word.lower, role ? PLACEHOLDER[role] : 'zzhost');
  }
  for (const user of resolved.users) replacements.set(user, 'zzuser');
  for (const word of resolved.unknown)
    if (!replacements.has(word.toLowerCase())) replacements.set(word.toLowerCase(), 'zzhost');
  if (replacements.size === 0) return normalised;
  // Longest first, so "rdsh01.corp.contoso.com" is replaced whole before "rdsh01".
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length).slice(0, 200);
  const pattern = new RegExp(`(?<![a-z0-9.-])(${keys.map(escape).join('|')})(?![a-z0-9-]|\\.[a-z0-9])('s)?`, 'g');
  return normalised.replace(pattern, (_, key: string) => replacements.get(key) ?? key);
}
