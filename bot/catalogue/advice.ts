import type { Intent } from '../domain';

/**
 * What the bot explains instead of acting (shared/domain/rds-licensing.md §1.1, §3.5, §8): each a
 * title, the short answer and the supported way forward.
 */
export interface Advice {
  title: string;
  answer: string;
  steps: string[];
}

export const ADVICE: Partial<Record<Intent, Advice>> = {
  'advice.cal_migration': {
    title: 'CALs do not move with registry keys',
    answer:
      "Installed RDS CALs live in the license server's own database, bound to its activated identity. Exporting or copying registry keys (or restoring the database on another server) never moves them.",
    steps: [
      'Install and activate the RD Licensing role on the new license server.',
      'In RD Licensing Manager on the new server: right-click the server, Manage Licenses, "Migrate RDS CALs from another license server to this license server".',
      'Choose why (replaced or no longer working), name the old server (or give its license server ID if it is offline), and finish with the automatic, web or telephone method.',
      'If the old server cannot be reached, remove the CALs from it manually afterwards. Then point the session hosts at the new server (I can do that: "point RDSH01 at LS2").',
    ],
  },
  'advice.copy_client_license': {
    title: 'A client license cannot be copied to another PC',
    answer:
      "The license cached in MSLicensing is a token issued to that PC's hardware ID. On another PC it is not a license, and it can break licensing there.",
    steps: [
      'Reset the cache on the PC with the error instead, for example "reset the client license on PC-050".',
      'Then run Remote Desktop Connection once as administrator on that PC; it gets its own license on the next connection.',
    ],
  },
  'advice.recurring_grace_reset': {
    title: 'I do not schedule or repeat grace-period resets',
    answer:
      'The grace period is for setting up licensing, and Microsoft does not recommend resetting it. Resetting it again and again on a host in use avoids buying CALs, which is a licensing compliance problem. I reset it only once, on lab hosts, with two approvers.',
    steps: [
      'Fix it for good: a license server with CALs of the right type and version ("do we have any per user CALs left on LS1?").',
      'Set the licensing mode and the license servers on the session hosts ("set RDSH01 to per user, LS is LS1").',
      'Check that the hosts reach the license server ("is RDSH01 able to reach LS1?").',
    ],
  },
  'advice.mac_client': {
    title: 'Macs keep the license in files, and I cannot act on them',
    answer: 'The macOS Remote Desktop client stores its license as files, not in a registry.',
    steps: [
      'Quit the Remote Desktop client on the Mac.',
      'Delete the contents of /Users/Shared/Microsoft/RDC Crucial Server Information/ (administrator rights needed).',
      'Connect again: the client gets a new license.',
    ],
  },
};
