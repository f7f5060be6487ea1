import type { Intent, ParseResult } from '../../../../bot/domain';
import { combineParts } from '../../../../bot/understand/several-requests';

/** A stand-in parser: each part's operation is named by its first word, its target by any host word. */
const VERBS: Record<string, Intent> = { refresh: 'rdsh.refresh_licensing_cert', restart: 'rdsh.restart_service' };
function parse(text: string): ParseResult {
  const verb = /^\s*(\w+)/.exec(text)?.[1] ?? '';
  const targets = text.match(/\b(?:TS-HR-0\d|RDSH0\d)\b/g) ?? [];
  const intent = VERBS[verb.toLowerCase()];
  const operations = intent ? [{ intent, targets: [...new Set(targets)], params: {} }] : [];
  return { text, operations, needs: targets.length ? [] : ['target'], suggestions: [], candidates: [] };
}

const combine = (text: string) => combineParts(text, parse(text), parse);

describe('combineParts', () => {
  it('joins two requests in one message, each with its own host, in order', () => {
    expect(combine('refresh the cert on TS-HR-02 and restart RDS on TS-HR-01')?.operations).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['TS-HR-02'], params: {} },
      { intent: 'rdsh.restart_service', targets: ['TS-HR-01'], params: {} },
    ]);
  });

  it('clears the candidates and drops the need for a target both parts have', () => {
    expect(combine('refresh the cert on RDSH01, then restart RDS on RDSH02')).toMatchObject({
      needs: [],
      candidates: [],
    });
  });

  it('reads a single request as no combination', () => {
    expect(combine('refresh the cert on TS-HR-02')).toBeUndefined();
  });

  it('reads a complaint and one request as one request with context', () => {
    expect(combine('users get errors on RDSH01, restart RDS on RDSH01')).toBeUndefined();
  });

  it('reads more than six parts as one pasted ticket', () => {
    const seven = Array.from({ length: 7 }, (_, i) => `restart RDS on RDSH0${i + 1}`).join(' and ');
    expect(combine(seven)).toBeUndefined();
  });
});
