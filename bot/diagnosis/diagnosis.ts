/**
 * A diagnosis as an admin would write it: what was checked, each with its state and evidence, the
 * most likely cause first, and the fixes as requests the bot can plan (each goes through the normal
 * preview, confirmation or approval; a fix button only starts a plan).
 */
export type CheckState = 'ok' | 'info' | 'warn' | 'bad' | 'unknown';

export interface Check {
  /** "Licensing mode", "License servers", ... */
  name: string;
  state: CheckState;
  detail: string;
}

export interface Fix {
  /** The button's title: "Refresh the licensing certificate". */
  title: string;
  /** The request it asks for, in the words the bot understands. */
  request: string;
}

export interface HostDiagnosis {
  host: string;
  /** The worst check's state: the card's colour and the group table's order. */
  state: CheckState;
  /** One sentence: the most likely cause and its evidence, or what was found fine. */
  verdict: string;
  checks: Check[];
  fixes: Fix[];
}

const RANK: Record<CheckState, number> = { bad: 4, warn: 3, unknown: 2, info: 1, ok: 0 };

export function worst(states: readonly CheckState[]): CheckState {
  return states.reduce<CheckState>((acc, state) => (RANK[state] > RANK[acc] ? state : acc), 'ok');
}

/** Worst first, then by name: a group's table reads from the host that needs help most. */
export function worstFirst(diagnoses: readonly HostDiagnosis[]): HostDiagnosis[] {
  return [...diagnoses].sort((a, b) => RANK[b.state] - RANK[a.state] || a.host.localeCompare(b.host));
}

/**
 * An event's instant as written into a sentence: RFC 3339 to the second, which the card shows in each
 * reader's own time zone (a channel's readers sit in several); anything unreadable stays as it came.
 */
export function clock(iso: string): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : `${parsed.toISOString().slice(0, 19)}Z`;
}
