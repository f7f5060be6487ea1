import { mkdirSync, rmSync } from 'node:fs';
import { labUp } from '../../lab/lab';
import { TEST_AUDIT_DB, TEST_DATA_DIR, TEST_LAB_DIR, TEST_LAB_NET } from './test-paths';

/**
 * Starts the real parts once for the whole run: the lab hosts (sshd + pwsh on 127.0.3.x) and a fresh
 * audit database. Only unit/turn runs (`npm run test:unit`) skip the lab. A lab that cannot start
 * fails the run: integration and e2e tests never skip quietly.
 */
/**
 * Whether this run includes integration, e2e, crash or browser tests: jest does not hand the selected
 * projects to a global setup, so they are read from the command line (--selectProjects, or test paths).
 */
function runNeedsLab(argv: string[]): boolean {
  const selected: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--selectProjects') {
      while (argv[i + 1] && !(argv[i + 1] as string).startsWith('-')) selected.push(argv[++i] as string);
    } else if (!arg.startsWith('-') && /tests\//.test(arg)) paths.push(arg);
  }
  if (selected.length > 0)
    return selected.some((name) => ['integration', 'e2e', 'crash', 'scale', 'browser'].includes(name));
  if (paths.length > 0) return paths.some((path) => /tests\/(integration|e2e|crash|scale|browser)/.test(path));
  return true;
}

export default async function globalSetup(): Promise<void> {
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  process.env.RDSBOT_TEST_AUDIT_DB = TEST_AUDIT_DB;
  process.env.RDSBOT_LAB_DIR = TEST_LAB_DIR;
  process.env.RDSBOT_LAB_NET = String(TEST_LAB_NET);
  if (!runNeedsLab(process.argv.slice(2))) return;
  try {
    process.env.RDSBOT_TEST_INVENTORY = await labUp({ dir: TEST_LAB_DIR, net: TEST_LAB_NET });
    process.env.RDSBOT_TEST_LAB_STARTED = '1';
  } catch (error) {
    throw new Error(`the lab could not start, so integration and e2e tests cannot run: ${(error as Error).message}`);
  }
}
