import type { HostDiagnosis } from '../../../bot/diagnosis/diagnosis';
import { diagnosisSection } from '../../../cards/diagnosis-card';

const expired: HostDiagnosis = {
  host: 'RDSH01',
  state: 'bad',
  verdict: 'Most likely cause: the grace period expired (50280 at 2026-12-02T09:12:00Z).',
  checks: [{ name: 'Grace period', state: 'bad', detail: 'expired (50280 at 2026-12-02T09:12:00Z)' }],
  fixes: [],
};

describe('times in a diagnosis', () => {
  it("are shown in each reader's own time zone, never as UTC", () => {
    const text = JSON.stringify(diagnosisSection([expired]).body);
    expect(text).toContain('{{TIME(2026-12-02T09:12:00Z)}}');
    expect(text).not.toContain('UTC');
    expect(text).not.toMatch(/at 2026-12-02T09:12:00Z/);
  });

  it('are shown the same way in the table of a group', () => {
    const text = JSON.stringify(diagnosisSection([expired, { ...expired, host: 'RDSH02' }]).body);
    expect(text.match(/\{\{TIME\(2026-12-02T09:12:00Z\)\}\}/g)).toHaveLength(2);
  });
});
