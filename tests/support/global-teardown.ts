import { labDown } from '../../lab/lab';
import { TEST_LAB_DIR, TEST_LAB_NET } from './test-paths';

/**
 * Stops the lab only when this run started it: a unit-only run must not tear down the namespaces of
 * a lab that another run on the same machine (a CI clone, say) is using.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.RDSBOT_TEST_LAB_STARTED !== '1') return;
  await labDown({ dir: TEST_LAB_DIR, net: TEST_LAB_NET });
}
