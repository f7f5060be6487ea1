import { resolve } from 'node:path';

/** Where the suite keeps its real parts: its own lab (127.0.3.x) and the audit database it verifies. */
export const ROOT = resolve(__dirname, '..', '..');
export const TEST_LAB_DIR = resolve(ROOT, 'data', 'test-lab');
/** 127.0.<net>.x; a second checkout on the same machine (a worktree) sets RDSBOT_TEST_LAB_NET to run beside this one. */
export const TEST_LAB_NET = Number(process.env.RDSBOT_TEST_LAB_NET ?? 3);
export const TEST_DATA_DIR = resolve(ROOT, 'data', 'test');
/** Every test that writes real audit records writes them here; `npm test` verifies it at the end. */
export const TEST_AUDIT_DB = resolve(TEST_DATA_DIR, 'audit.sqlite');
export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus');
