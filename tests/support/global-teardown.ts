import { labDown } from '../../lab/lab';
import { TEST_LAB_DIR, TEST_LAB_NET } from './test-paths';

export default async function globalTeardown(): Promise<void> {
  await labDown({ dir: TEST_LAB_DIR, net: TEST_LAB_NET });
}
