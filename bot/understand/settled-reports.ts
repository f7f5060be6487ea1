/**
 * "KXTS-OPS02 is fine now, thanks for that. Could you do the same on KXTS-OPS03?": a sentence that
 * reports a host is settled (fine, working, sorted), or thanks for one that was, is about an earlier
 * request, not a new one,
 * so its hosts are not targets. Such a sentence is dropped before the hosts are read, but only when it
 * asks nothing (no question mark, no change word) and another sentence is left to carry the request.
 */
const SETTLED =
  /\b(is|are|was|were|seems?|looks?|went|came|works?|working)\b[^.!?]{0,20}\b(fine|ok|okay|good|sorted|fixed|resolved|working|back up|back to normal|happy|all good)\b[^.!?]{0,20}\b(now|again|since|after)\b|\b(is|are) (fine|ok|okay|sorted|fixed|working) (now|again)\b/i;
const ASKS =
  /\?|\b(reset|clear|wipe|delete|remove|set|switch|change|point|add|restart|reboot|refresh|renew|undo|roll ?back|revert|check|please|pls|can you|could you)\b/i;
/** "Thanks for sorting RCSCADA01 yesterday, that worked!", "Cheers, REQ-4410 sorted the cert problem." */
const THANKS = /\b(thanks|thank you|thx|cheers|ta|great|brilliant|perfect|nice one)\b/i;
const DONE = /\b(sort(ed|ing)|fix(ed|ing)|resolv(ed|ing)|worked|did the trick|did it|all good)\b/i;
const NEGATED = /\b(not|never|no longer|isn'?t|aren'?t|wasn'?t|still)\b/i;

export function withoutSettledReports(text: string): string {
  const sentences = text.split(/(?<=[.!])\s+/);
  if (sentences.length < 2) return text;
  const settled = (s: string): boolean => SETTLED.test(s) || (THANKS.test(s) && DONE.test(s));
  const kept = sentences.filter((s) => !(settled(s) && !ASKS.test(s) && !NEGATED.test(s)));
  return kept.length > 0 && kept.length < sentences.length ? kept.join(' ') : text;
}
