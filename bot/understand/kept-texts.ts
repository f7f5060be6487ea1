/**
 * A pure function of a text, its answers kept for the texts seen last. The stages that try a message
 * as several requests, per host or corrected read the same sentences and clauses again in each piece;
 * kept answers make those repeats a map read. Bounded, because chat brings new texts without end; the
 * answers must be treated as read-only by callers (they are shared).
 */
export function keptByText<T>(look: (text: string) => T, limit = 512): (text: string) => T {
  const kept = new Map<string, T>();
  return (text: string): T => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    const answer = look(text);
    if (kept.size >= limit) kept.clear();
    kept.set(text, answer);
    return answer;
  };
}
