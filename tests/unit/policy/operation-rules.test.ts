import {
  DEFAULT_MAX_HOSTS,
  DEFAULT_TTL_MINUTES,
  describeWindow,
  inWindow,
  ruleFor,
} from '../../../bot/policy/operation-rules';
import type { ChangeWindow, Policy } from '../../../bot/policy/policy';

const basePolicy: Policy = {
  tenants: ['tenant-1'],
  roles: { helpdesk: [], approver: [], admin: [] },
};

function policyWith(operations: Policy['operations']): Policy {
  return { ...basePolicy, operations };
}

/** 2026-11-27 is a Friday, 2026-11-28 a Saturday, 2026-11-26 a Thursday (all UTC). */
const at = (iso: string): Date => new Date(iso);

describe('ruleFor with no policy rules (catalogue defaults)', () => {
  it('lets the requester confirm a client cache reset alone', () => {
    const rule = ruleFor(basePolicy, 'client.reset_license_cache');
    expect(rule.approvers).toBe(0);
    expect(rule.justification).toBe(false);
    expect(rule.requiredTag).toBeUndefined();
  });

  it('asks one approver with the approver role for setting the licensing mode', () => {
    const rule = ruleFor(basePolicy, 'rdsh.set_licensing_mode');
    expect(rule.approvers).toBe(1);
    expect(rule.approverRole).toBe('approver');
    expect(rule.justification).toBe(false);
  });

  it('lets helpdesk staff and admins ask for changes', () => {
    expect(ruleFor(basePolicy, 'rdsh.set_licensing_mode').requesters).toEqual(['helpdesk', 'admin']);
  });

  it('uses the default time to live and host limit and sets no window or groups', () => {
    const rule = ruleFor(basePolicy, 'rdsh.set_licensing_mode');
    expect(rule.ttlMinutes).toBe(DEFAULT_TTL_MINUTES);
    expect(rule.maxHosts).toBe(DEFAULT_MAX_HOSTS);
    expect(rule.window).toBeUndefined();
    expect(rule.groups).toBeUndefined();
    expect(rule.perHostDays).toBeUndefined();
  });

  it('asks two approvers, a justification and 120 days between grace resets on lab hosts only', () => {
    const rule = ruleFor(basePolicy, 'rdsh.reset_grace_period');
    expect(rule.approvers).toBe(2);
    expect(rule.justification).toBe(true);
    expect(rule.perHostDays).toBe(120);
    expect(rule.requiredTag).toBe('lab');
  });
});

describe('ruleFor with a policy that tightens the rules', () => {
  const window: ChangeWindow = { days: ['Sat', 'Sun'], from: '18:00', to: '06:00' };
  const rule = ruleFor(
    policyWith({
      'rdsh.set_licensing_mode': {
        approvers: 3,
        justification: true,
        window,
        maxHosts: 5,
        ttlMinutes: 10,
        groups: ['prod-rdsh'],
        requesters: ['admin'],
        approverRole: 'admin',
        perHostDays: 7,
      },
    }),
    'rdsh.set_licensing_mode',
  );

  it('asks for more approvers', () => {
    expect(rule.approvers).toBe(3);
  });

  it('asks for a justification', () => {
    expect(rule.justification).toBe(true);
  });

  it('keeps the change window', () => {
    expect(rule.window).toEqual(window);
  });

  it('limits the number of hosts and the time to live', () => {
    expect(rule.maxHosts).toBe(5);
    expect(rule.ttlMinutes).toBe(10);
  });

  it('limits the host groups, the requesters and the approver role', () => {
    expect(rule.groups).toEqual(['prod-rdsh']);
    expect(rule.requesters).toEqual(['admin']);
    expect(rule.approverRole).toBe('admin');
  });

  it('keeps the rate limit per host', () => {
    expect(rule.perHostDays).toBe(7);
  });

  it('does not add a required tag outside the grace reset', () => {
    expect(rule.requiredTag).toBeUndefined();
  });

  it('applies a policy rule only to the operation it names', () => {
    const other = ruleFor(policyWith({ 'rdsh.set_licensing_mode': { approvers: 3 } }), 'rdsh.restart_service');
    expect(other.approvers).toBe(1);
  });
});

describe('ruleFor never loosens the catalogue', () => {
  it('still asks one approver for setting the mode when the policy asks for none', () => {
    const rule = ruleFor(policyWith({ 'rdsh.set_licensing_mode': { approvers: 0 } }), 'rdsh.set_licensing_mode');
    expect(rule.approvers).toBe(1);
  });

  it('keeps the grace reset floor when the policy tries to loosen every part of it', () => {
    const rule = ruleFor(
      policyWith({ 'rdsh.reset_grace_period': { approvers: 0, justification: false, perHostDays: 1 } }),
      'rdsh.reset_grace_period',
    );
    expect(rule.approvers).toBe(2);
    expect(rule.justification).toBe(true);
    expect(rule.perHostDays).toBe(120);
    expect(rule.requiredTag).toBe('lab');
  });

  it('lets a policy make the grace reset stricter than its floor', () => {
    const rule = ruleFor(
      policyWith({ 'rdsh.reset_grace_period': { approvers: 3, perHostDays: 365 } }),
      'rdsh.reset_grace_period',
    );
    expect(rule.approvers).toBe(3);
    expect(rule.perHostDays).toBe(365);
    expect(rule.requiredTag).toBe('lab');
  });
});

describe('inWindow for a window within one day', () => {
  const window: ChangeWindow = { from: '09:00', to: '17:00' };

  it('includes the start of the window', () => {
    expect(inWindow(window, at('2026-11-27T09:00:00Z'))).toBe(true);
  });

  it('includes the last minute before the end', () => {
    expect(inWindow(window, at('2026-11-27T16:59:59Z'))).toBe(true);
  });

  it('excludes the end of the window', () => {
    expect(inWindow(window, at('2026-11-27T17:00:00Z'))).toBe(false);
  });

  it('excludes the time before the start', () => {
    expect(inWindow(window, at('2026-11-27T08:59:00Z'))).toBe(false);
  });

  it('applies every day when no days are given', () => {
    expect(inWindow(window, at('2026-11-28T12:00:00Z'))).toBe(true);
    expect(inWindow(window, at('2026-11-29T12:00:00Z'))).toBe(true);
  });
});

describe('inWindow with days', () => {
  const window: ChangeWindow = { days: ['Mon', 'Fri'], from: '09:00', to: '17:00' };

  it('allows an allowed weekday in the hours', () => {
    expect(inWindow(window, at('2026-11-27T12:00:00Z'))).toBe(true);
  });

  it('refuses another weekday in the same hours', () => {
    expect(inWindow(window, at('2026-11-26T12:00:00Z'))).toBe(false);
    expect(inWindow(window, at('2026-11-28T12:00:00Z'))).toBe(false);
  });
});

describe('inWindow for a window spanning midnight', () => {
  const window: ChangeWindow = { days: ['Fri'], from: '18:00', to: '06:00' };

  it('allows the evening of an allowed day', () => {
    expect(inWindow(window, at('2026-11-27T18:00:00Z'))).toBe(true);
    expect(inWindow(window, at('2026-11-27T23:59:00Z'))).toBe(true);
  });

  it('allows the early morning after an allowed day', () => {
    expect(inWindow(window, at('2026-11-28T00:00:00Z'))).toBe(true);
    expect(inWindow(window, at('2026-11-28T05:59:00Z'))).toBe(true);
  });

  it('excludes the end of the window the next morning', () => {
    expect(inWindow(window, at('2026-11-28T06:00:00Z'))).toBe(false);
  });

  it('refuses the early morning of an allowed day, which belongs to the day before', () => {
    expect(inWindow(window, at('2026-11-27T03:00:00Z'))).toBe(false);
  });

  it('refuses the evening of the day after an allowed day', () => {
    expect(inWindow(window, at('2026-11-28T20:00:00Z'))).toBe(false);
  });

  it('refuses the daytime between the end and the start', () => {
    expect(inWindow(window, at('2026-11-27T12:00:00Z'))).toBe(false);
  });

  it('allows any night when no days are given', () => {
    const everyNight: ChangeWindow = { from: '18:00', to: '06:00' };
    expect(inWindow(everyNight, at('2026-11-26T03:00:00Z'))).toBe(true);
    expect(inWindow(everyNight, at('2026-11-26T22:00:00Z'))).toBe(true);
    expect(inWindow(everyNight, at('2026-11-26T12:00:00Z'))).toBe(false);
  });

  it('reads the clock in UTC', () => {
    expect(inWindow(window, at('2026-11-27T19:30:00+02:00'))).toBe(false);
    expect(inWindow(window, at('2026-11-27T21:30:00+02:00'))).toBe(true);
  });
});

describe('describeWindow', () => {
  it('names the days and the hours in UTC', () => {
    expect(describeWindow({ days: ['Sat', 'Sun'], from: '18:00', to: '06:00' })).toBe('Sat, Sun 18:00-06:00 UTC');
  });

  it('says every day when no days are given', () => {
    expect(describeWindow({ from: '09:00', to: '17:00' })).toBe('every day 09:00-17:00 UTC');
  });
});
