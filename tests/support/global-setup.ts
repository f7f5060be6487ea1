import { mkdirSync, rmSync } from 'node:fs';
import { labUp } from '../../lab/lab';
import { TEST_AUDIT_DB, TEST_DATA_DIR, TEST_LAB_DIR, TEST_LAB_NET } from './test-paths';

/**
 * Starts the real parts once for the whole run: the lab hosts (sshd + pwsh on 127.0.3.x) and a fresh
 * audit database. Only unit/turn runs (`npm run test:unit`) skip the lab. A lab that cannot start
 * fails the run: integration and e2e tests never skip quietly.
 */
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  process.env.RDSBOT_TEST_AUDIT_DB = TEST_AUDIT_DB;
  process.env.RDSBOT_LAB_DIR = TEST_LAB_DIR;
  process.env.RDSBOT_LAB_NET = String(TEST_LAB_NET);
  const selected = globalConfig.selectProjects;
  const needsLab = !selected || selected.some((name) => name === 'integration' || name === 'e2e');
  if (!needsLab) return;
  try {
    process.env.RDSBOT_TEST_INVENTORY = await labUp({ dir: TEST_LAB_DIR, net: TEST_LAB_NET });
  } catch (error) {
    throw new Error(`the lab could not start, so integration and e2e tests cannot run: ${(error as Error).message}`);
  }
}
