import type { Host } from '../bot/domain';

/** mulberry32: a seeded PRNG, so every run measures the same messages and figures compare. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Hosts by role, so a request names a client where a client reset is asked for. */
export function byRole(hosts: readonly Host[]): Record<Host['role'], Host[]> {
  const roles: Record<Host['role'], Host[]> = { client: [], 'session-host': [], 'license-server': [] };
  for (const host of hosts) roles[host.role].push(host);
  return roles;
}

const REQUESTS = [
  'please reset the client license on {pc}, the user gets "an error in the licensing protocol".',
  'can you set {rdsh} and {rdsh} to per user and point them at {ls}?',
  'show the licensing events on {rdsh} since yesterday, users say 1128 again.',
  'what is wrong with {rdsh}? nobody can log on since this morning.',
  'reset the grace period on {rdsh} and restart the service later.',
];
const FILLER = [
  'Hi team,',
  'ticket INC0{n} from the service desk.',
  'The user already rebooted {pc} twice.',
  'It started after the patch weekend.',
  '{rdsh} looks fine though, only this one.',
  'The same user also tried from {pc} without luck.',
  'Not sure if {ls} is involved at all.',
  'They need it before the month-end close.',
  'Thanks in advance,',
  'Alex (helpdesk, 2nd floor)',
];

function fill(template: string, random: Random, roles: Record<Host['role'], Host[]>): string {
  return template
    .replace(/\{pc\}/g, () => pick(random, roles.client).name)
    .replace(/\{rdsh\}/g, () => pick(random, roles['session-host']).name)
    .replace(/\{ls\}/g, () => pick(random, roles['license-server']).name)
    .replace(/\{n\}/g, () => String(Math.floor(random() * 1e6)));
}

/**
 * A realistic request buried in the chatter of a ticket (greeting, history, other hosts, sign-off),
 * cut to exactly `length` characters: what a long pasted ticket looks like to the parser.
 */
export function paddedRequest(random: Random, roles: Record<Host['role'], Host[]>, length: number): string {
  const parts = [fill(pick(random, FILLER.slice(0, 2)), random, roles), fill(pick(random, REQUESTS), random, roles)];
  while (parts.join(' ').length < length) parts.push(fill(pick(random, FILLER), random, roles));
  return parts.join(' ').slice(0, length);
}

const VOCABULARY = (
  'reset client license licence cache mslicensing hardwareid store grace period rearm timebomb refresh ' +
  'certificate cert per user device mode cal cals server servers point set switch use restart service ' +
  'reboot now later scheduled events event 1128 1003 1130 since 24h 7d today yesterday diagnose why ' +
  'broken cannot connect rdsh session host collection fin sales hr lab farm undo rollback last cancel ' +
  'status please can you the on and to for with of all every what is wrong show list how many'
).split(' ');
const PUNCTUATION = [',', '.', ';', '!', '?', ':', ' -', ' ->', '"', "'", '(', ')'];

/** A typo as people make them: a letter dropped, doubled or two swapped. */
function typo(word: string, random: Random): string {
  if (word.length < 3) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 1 / 3) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 2 / 3) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
}

/**
 * Noise for the worst-case figure: licensing words, inventory names (with FQDNs, ranges and owners'
 * names, the paths that cost the most), typos and punctuation, `length` characters long.
 */
export function randomMessage(random: Random, hosts: readonly Host[], length: number): string {
  const words: string[] = [];
  let size = -1; // the first word has no space before it
  while (size < length) {
    const roll = random();
    const host = pick(random, hosts);
    let word: string;
    if (roll < 0.45) word = pick(random, VOCABULARY);
    else if (roll < 0.6) word = host.name;
    else if (roll < 0.65) word = host.fqdn ?? host.name;
    else if (roll < 0.7) word = `${host.name} to ${pick(random, hosts).name}`;
    else if (roll < 0.75) word = `${host.users[0] ?? host.name}'s PC`;
    else if (roll < 0.88) word = typo(random() < 0.5 ? host.name : pick(random, VOCABULARY), random);
    else word = pick(random, VOCABULARY) + pick(random, PUNCTUATION);
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ').slice(0, length);
}
