import { normalise } from './normalise';
import { classify } from './speech-act';

/** A word shaped like a host name: letters and digits together ("RDSH0516", "PC-00736"). */
const HOST_LIKE = /\b[a-z][\w-]*\d[\w-]*\b/i;

/**
 * "restart the service later. The same user also tried from PC-00736 without luck.": sentences after a
 * part's last request or question that only report are its context; when they name hosts, those hosts
 * are the report's, not the request's, so the part is read without them (the whole message still has them).
 */
export function withoutTrailingContext(piece: string): string {
  const sentences = piece.split(/(?<=[.!?])\s+/);
  let last = sentences.length - 1;
  const asks = (at: number): boolean => ASKS.has(classify(normalise(sentences[at] as string)).act);
  while (last > 0 && !asks(last)) last--;
  // No sentence that asks ("Morning! Three things: reset ..."): nothing to tell the context from.
  if (!asks(last)) return piece;
  const tail = sentences.slice(last + 1);
  return tail.some((sentence) => HOST_LIKE.test(sentence)) ? sentences.slice(0, last + 1).join(' ') : piece;
}

const ASKS = new Set(['request', 'question']);
