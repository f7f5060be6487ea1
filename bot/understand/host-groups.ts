import type { Host } from '../domain';
import { keptPerIndex, type InventoryIndex } from './inventory-index';
import { abbreviatedTags } from './tag-abbreviations';
import type { Word } from './tokens';

/**
 * Groups named by an inventory tag in words: "the FIN collection", "collection FIN", "all the SALES
 * hosts", "every session host in Finance", "the Berlin session hosts", "the lab box". A tag word only
 * counts next to a word that makes it a group (hosts, collection, farm, site, all, every), so "finally"
 * never reaches the FIN hosts. "the lab box" naming several hosts is ambiguous and asked about.
 */
export interface Group {
  hosts: Host[];
  ambiguous: boolean;
  /** Named only by a group word in front ("office Stanton", "collection FIN"), no noun or quantifier. */
  weak: boolean;
}

const PLURAL_NOUN =
  /^(hosts|servers|boxes|machines|vms|pcs|clients|laptops|workstations|desktops|computers|rdshs|nodes|terminals|ones)$/;
const SINGULAR_NOUN = /^(host|server|box|machine|vm|pc|client|laptop|workstation|desktop|computer|rdsh|node)$/;
const GROUP_NOUN = /^(collection|collections|farm|farms|site|sites|office|group|pool|environment|estate)$/;
const QUANTIFIER = /^(all|every|each|whole|entire)$/;
/** "nobody in Dublin finance", "everyone at the depot": the people of a place or department, all of them. */
const PEOPLE = /^(nobody|everyone|everybody|anyone|anybody|users|staff|people|noone)$/;
const DETERMINER = /^(the|of|our|my|your|their|those|these|session|at|in|from|on|for|based|located)$/;

const ROLE_WORDS: Array<[RegExp, Host['role']]> = [
  [/^(session|sessions|rdsh|rdshs|rds|terminal|ts)$/, 'session-host'],
  [/^(clients?|pcs?|laptops?|workstations?|desktops?|thin|computers?)$/, 'client'],
];

/** The role named near a group word ("all session hosts in ..."), if any. */
function roleNear(words: Word[], position: number): Host['role'] | undefined {
  const near = [...words.slice(position + 1, position + 3), ...words.slice(Math.max(0, position - 5), position)];
  for (const word of near) for (const [pattern, role] of ROLE_WORDS) if (pattern.test(word.lower)) return role;
  // "license servers", not "licensing events": only the two words together name the role.
  // "the license servers on the SHOPS collection" are the collection's hosts' servers, not a group of servers.
  const lows = words.slice(Math.max(0, position - 5), position + 3).map((w) => w.lower);
  const tagAt = Math.min(position, 5);
  return lows.some(
    (w, i) =>
      /^(license|licence|ls)$/.test(w) &&
      /^servers?$/.test(lows[i + 1] ?? '') &&
      !(
        i < tagAt && lows.slice(i + 2, tagAt).some((between) => /^(on|for|of|across|from|to|with|in|at)$/.test(between))
      ),
  )
    ? 'license-server'
    : undefined;
}

/** Words admins use for a tag the inventory spells otherwise: "the test boxes" are the lab hosts. */
const TAG_SYNONYMS: Record<string, string> = { test: 'lab', testing: 'lab' };

/** The tag a word names: its own value ("fin"), or a longer word that starts with one ("finance"). */
function tagOf(word: string, index: InventoryIndex): string | undefined {
  // Every word of every message is looked up: each answer is kept with its index.
  if (index.byTag.has(word)) return word;
  // "all the area hosts" for the tag "areas", "the repair boxes" for "repairs": a tag in the plural, said in the singular.
  if (index.byTag.has(`${word}s`)) return `${word}s`;
  return longestTagKept(word, index);
}

const longestTagKept = keptPerIndex(longestTagOf);

function longestTagOf(word: string, index: InventoryIndex): string | undefined {
  const synonym = TAG_SYNONYMS[word];
  if (synonym && index.byTag.has(synonym)) return synonym;
  if (word.length < 4) return undefined;
  // The longest tag of three letters or more that the word starts with (tags are few; no substrings made).
  let best: string | undefined;
  for (const tag of index.byTag.keys())
    if (tag.length >= 3 && tag.length < word.length && word.startsWith(tag) && tag.length > (best?.length ?? 0))
      best = tag;
  return best;
}

/**
 * A tag of several words ("site:science-park" as "science park"): the words from `position` that run
 * together into a tag key, and how many they are. One word otherwise.
 */
function tagWords(
  words: Word[],
  position: number,
  index: InventoryIndex,
): { tag: string; span: number; abbreviated?: boolean } | undefined {
  const word = (words[position] as Word).lower;
  const next = words[position + 1]?.lower;
  // Two or three words run together into a tag key ("ops control" for OPSCONTROL): look-ups, no copies.
  if (next !== undefined && ALPHA.test(word) && ALPHA.test(next)) {
    const third = words[position + 2]?.lower;
    if (third !== undefined && ALPHA.test(third) && index.byTag.has(word + next + third))
      return { tag: word + next + third, span: 3 };
    if (index.byTag.has(word + next)) return { tag: word + next, span: 2 };
  }
  const tag =
    tagOf(word, index) ??
    (index.tagStarts.size > 0 && /[-_.]/.test(word) ? tagOf(word.replace(/[-_.]/g, ''), index) : undefined);
  if (tag) return { tag, span: 1 };
  // "the call centre session hosts" for CALLCTR: two words a tag abbreviates, if only one does.
  const abbreviated =
    next !== undefined && ALPHA.test(word) && ALPHA.test(next) ? abbreviatedTags(`${word} ${next}`, index) : [];
  return abbreviated.length === 1 ? { tag: abbreviated[0] as string, span: 2, abbreviated: true } : undefined;
}

const ALPHA = /^[a-z]+$/;

/** Whether the words from `position` name a tag at all (most words do not: no group, no narrowing). */
export function startsTag(words: Word[], position: number, index: InventoryIndex): boolean {
  return tagWords(words, position, index) !== undefined;
}

/** The hosts of the tag the words from `position` name, whatever stands around them ("in Kirkwall"). */
export function tagHostsAt(words: Word[], position: number, index: InventoryIndex): Host[] | undefined {
  const found = tagWords(words, position, index);
  return found ? index.byTag.get(found.tag) : undefined;
}

export function groupAt(words: Word[], position: number, index: InventoryIndex): Group | undefined {
  const word = words[position] as Word;
  const found = tagWords(words, position, index);
  if (!found) return undefined;
  const { tag } = found;
  const last = position + found.span - 1;
  // "the lab box RDSH-LAB-01": the words describe a host the text names right after; no group.
  const describes = (at: number): boolean => index.byName.has(words[at]?.lower ?? '');
  if (describes(last + 1) || (describes(last + 2) && !/^(at|to|from|on|with|and)$/.test(words[last + 1]?.lower ?? '')))
    return undefined;
  const after = words.slice(last + 1, last + 4).map((w) => w.lower);
  // "the test boxes" are the lab hosts; "a test environment" is only a word about one.
  if (TAG_SYNONYMS[word.lower] && !PLURAL_NOUN.test(after[0] ?? '')) return undefined;
  const before = words.slice(Math.max(0, position - 4), position).map((w) => w.lower);
  // "all the FIN", "every client at warehouse2", "every Dublin laptop": a quantifier with only determiners,
  // host nouns, places and other tags before the tag ("... at all. RDSH0164 looks fine": that "all" ends another sentence).
  const quantifierAt = before.map((w) => QUANTIFIER.test(w)).lastIndexOf(true);
  const quantified =
    quantifierAt >= 0 &&
    before
      .slice(quantifierAt + 1)
      .every((w) => DETERMINER.test(w) || PLURAL_NOUN.test(w) || SINGULAR_NOUN.test(w) || index.byTag.has(w));
  // "nobody in Dublin finance get a licence": the people of a tagged place name its hosts, weakly (beside
  // hosts named outright, "users at the ski school report ... on RDSAPP4", they are furniture).
  let placeAt = -1;
  for (let at = before.length - 1; at >= 1 && placeAt < 0; at--)
    if (/^(in|at|on|from)$/.test(before[at] as string)) placeAt = at;
    else if (!index.byTag.has(before[at] as string) && before[at] !== 'the') break;
  const people = placeAt >= 1 && PEOPLE.test(before[placeAt - 1] as string);
  const nounAfter = after.find((w) => PLURAL_NOUN.test(w) || SINGULAR_NOUN.test(w) || GROUP_NOUN.test(w));
  const grouped =
    nounAfter !== undefined ||
    GROUP_NOUN.test(before.at(-1) ?? '') ||
    /^(tagged|labelled|labeled)$/.test(before.at(-1) ?? '') ||
    quantified ||
    people;
  if (!grouped) return undefined;
  const role = roleNear(words, last) ?? (tag === 'lab' ? 'session-host' : undefined);
  // An abbreviation is a group only before a plural or group noun: "the call centre hosts", not "a call centre box".
  if (found.abbreviated && (nounAfter === undefined || SINGULAR_NOUN.test(nounAfter))) return undefined;
  const tagged = index.byTag.get(tag) ?? [];
  let hosts = tagged.filter((host) => !role || host.role === role);
  // "the call centre session hosts": the clients' tag spelt out, the session hosts' tag abbreviated.
  if (hosts.length === 0 && found.span === 2 && !found.abbreviated)
    hosts = abbreviatedHosts(`${word.lower} ${words[position + 1]?.lower ?? ''}`, index, role);
  // "the SCADA desktops" of a collection of session hosts: the desktops users reach on them.
  if (hosts.length === 0 && role === 'client' && tagged.every((host) => host.role === 'session-host')) hosts = tagged;
  if (hosts.length === 0) return undefined;
  const singular = nounAfter !== undefined && SINGULAR_NOUN.test(nounAfter) && !quantified;
  // "the decommissioned license box" describes a server the text is moving away from; servers are named.
  // "the DR licence server" is the one server tagged DR, named as well as by its name; a decommissioned one
  // is only ever the server a change moves away from.
  if (
    singular &&
    hosts.every((host) => host.role === 'license-server') &&
    (hosts.length > 1 || /^(decom\w*|old|retired|legacy|deprecated|obsolete)$/.test(tag))
  )
    return undefined;
  // A tag read into a longer word ("Finance" for FIN) needs a plural or a quantifier: "message" is not MES.
  if (found.span === 1 && tag !== word.lower.replace(/[-_.]/g, '') && singular) return undefined;
  // "Users at the Berlin office report ... on RDSH04": where the people are, beside a host named outright.
  const weak = (nounAfter === undefined || people) && !quantified;
  return { hosts, ambiguous: singular && hosts.length > 1, weak };
}

/** The hosts of the one tag that abbreviates two words and has hosts of the role, or none. */
function abbreviatedHosts(pair: string, index: InventoryIndex, role: Host['role'] | undefined): Host[] {
  const groups = abbreviatedTags(pair, index)
    .map((tag) => (index.byTag.get(tag) ?? []).filter((host) => !role || host.role === role))
    .filter((hosts) => hosts.length > 0);
  return groups.length === 1 ? (groups[0] as Host[]) : [];
}
