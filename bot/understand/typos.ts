import { deletions, withinOneEdit } from './edit-distance';

/**
 * Stage 3: typos in the words around a host ("rset the clinet licence"). A word of four letters or
 * more that is not itself a known word and is one edit (or one adjacent swap) from exactly one word of
 * the vocabulary becomes that word. Host names never pass through here: they match exactly or not at
 * all (a near miss is a suggestion), and words that are English in their own right ("more", "node",
 * "there") are left alone, so a correction can only ever bring a word into the domain's vocabulary.
 */
const VOCABULARY = `
reset clear clean wipe delete remove purge flush nuke fix renew refresh regenerate recreate rebuild
rearm extend restart reboot bounce recycle cycle restore revert reverse rollback undo cancel abort withdraw
scrap status progress audit history changed touched modified license licenses licensed licensing
client cache grace period timebomb server servers certificate certificates cert certs mode device
devices user users session sessions seat event events check show list diagnose diagnosis troubleshoot
reach reachable connectivity connect connection talk contact firewall inventory available remaining installed
packs keypacks switch change configure point assign replace append second secondary primary backup
another additional extra schedule scheduled tonight today yesterday later immediately reboot without workgroup
collection mslicensing hardwareid store subkeys protocol error errors expired invalid corrupt broken
stale please thanks hello morning evening migrate migration transfer export import copy clone
duplicate move every automatically recurring weekly monthly forever indefinitely whenever mac macos
macbook service services termservice terminal desktop remote policy group local days left expire
expires expiring working stopped disconnected disconnect cals profile where request requests update updates wrong
should
`
  .split(/\s+/)
  .filter((word) => word.length >= 4);

/** Ordinary English words one edit from a vocabulary word: never "corrected". */
const ENGLISH = new Set(
  `more node code made mine mike lode rode mole move mood modem there where these those their other very
  about above across after again against along among around away before being below between both came
  come could does done down each even ever find from gave goes going gone good here high into just keep
  kept know late less like live long look made many mean most much must name near need once only open
  over past same seem side some soon still such sure than that them then they this thus time told took
  turn upon want well went were what when with word would your yours state
  rest test best lest nest pest west vest zest text next fast last list lost cost most post host hosts
  boot root loot foot shoot sort fort port part cart card care core cure sure pure lure mure more ware
  were wore work word worn form from user used uses case base vase cast cash each ease east seat sent
  send sand said paid maid mail main rain chart chat that this than then thin them they time tame
  came come dome done gone tone bone none lone long song sing ring king kind mind find fine line lime
  life like link lint mint hint clip slip ship shop stop step stem item atom even ever over oven open
  opens opened only once user's clock click clean clear cleat wipe wife wide ride side site sits
  sets seta lets gets nets bets pets puts cuts cats hats mats rats sure cure mode's ones bones zones
  tones phone phones alone along among amount mount count court could would should cloud loud load
  road read ready real deal dear fear near hear heat seat beat meat neat feat great treat street
  chance chances charge charged ranger hanger danger stare stored stores share rebuilt built rebuilding`
    .split(/\s+/)
    .filter(Boolean),
);

const known = new Set(VOCABULARY);
const byDeletion = new Map<string, string[]>();
for (const word of VOCABULARY) {
  for (const key of [word, ...deletions(word)]) {
    const list = byDeletion.get(key) ?? [];
    if (!list.includes(word)) list.push(word);
    byDeletion.set(key, list);
  }
}

/** Words seen before and what they became: chat repeats its words, and the look-up allocates. */
const seen = new Map<string, string>();

/** The vocabulary word a typo stands for, or the word itself. */
export function correctWord(word: string): string {
  const before = seen.get(word);
  if (before !== undefined) return before;
  const corrected = correct(word);
  if (seen.size > 20_000) seen.clear();
  seen.set(word, corrected);
  return corrected;
}

function correct(word: string): string {
  if (word.length < 4 || known.has(word) || ENGLISH.has(word) || !/^[a-z]+$/.test(word)) return word;
  // "cached", "restarted", "licenses": an inflection of a known word is a word, not a typo.
  const stem = word.replace(/(ing|ed|es|s|d)$/, '');
  if (stem !== word && (known.has(stem) || known.has(`${stem}e`) || ENGLISH.has(stem))) return word;
  const found = new Set<string>();
  for (const key of [word, ...deletions(word)]) {
    for (const candidate of byDeletion.get(key) ?? []) {
      // Four letters to four letters only by a swap ("mdoe"): one changed letter is too often a real word.
      const swapOnly = word.length === 4 && candidate.length === 4;
      if (withinOneEdit(word, candidate) && (!swapOnly || sorted(word) === sorted(candidate))) found.add(candidate);
    }
  }
  return found.size === 1 ? ([...found][0] as string) : word;
}

function sorted(word: string): string {
  return [...word].sort().join('');
}

/** Every plain word of an already normalised text corrected; other characters kept as they are. */
export function correctTypos(text: string): string {
  return text.replace(/[a-z]{4,}/g, (word) => correctWord(word));
}
