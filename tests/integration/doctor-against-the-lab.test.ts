import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doctor } from '../../bot/tools/doctor-cli';
import { LAB_HOSTS, restartSshd } from '../../lab/lab';
import { keygen, knownHostsLine } from '../../lab/lab-parts';
import { ROOT, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

interface InventoryHost {
  name: string;
  transport: { address: string; port: number; keyFile: string; knownHostsFile: string };
}

/** Runs the doctor as `npm run doctor` does, on the given inventory; its table and exit code. */
async function runDoctor(inventoryFile: string): Promise<{ code: number; table: string }> {
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  try {
    const scratch = mkdtempSync(join(tmpdir(), 'rdsbot-doctor-'));
    const code = await doctor(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        INVENTORY_FILE: inventoryFile,
        DATABASE_FILE: join(scratch, 'bot.sqlite'),
        // The audit keys live outside the database's folder, as the bot requires.
        XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'rdsbot-doctor-keys-')),
        EXECUTION_TIMEOUT_MS: '20000',
        EXECUTION_CONCURRENCY: '4',
      },
      ROOT,
    );
    return { code, table: printed.join('\n') };
  } finally {
    log.mockRestore();
  }
}

/** The lines of one host's rows in the table (its first row names it; the next rows are blank there). */
function rowsOf(table: string, host: string): string[] {
  const lines = table.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${host} `));
  const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

function row(table: string, host: string, check: string): string {
  return rowsOf(table, host).find((line) => line.includes(`  ${check}  `)) ?? '';
}

describe('npm run doctor against the lab', () => {
  const inventory = JSON.parse(readFileSync(process.env.RDSBOT_TEST_INVENTORY as string, 'utf8')) as {
    hosts: InventoryHost[];
  };

  it('passes a healthy host and names each failing scenario with its fix: down, hanging PowerShell, Group Policy', async () => {
    const { code, table } = await runDoctor(process.env.RDSBOT_TEST_INVENTORY as string);
    console.log(`doctor against the lab:\n${table}`);
    expect(code).toBe(1);
    expect(rowsOf(table, 'RDSH01').filter((line) => line.includes('✓'))).toHaveLength(7);
    expect(row(table, 'PC-DOWN', 'reach')).toMatch(/✗ no answer on .*Fix: Check that the host is on/);
    expect(row(table, 'PC-HANG', 'PowerShell')).toMatch(/✗ the session opened but PowerShell did not answer/);
    expect(row(table, 'PC-HANG', 'sign-in')).toContain('✓');
    expect(row(table, 'RDSH02', 'Group Policy')).toMatch(/✗ Group Policy sets the licensing mode.*Fix: Change/);
    expect(row(table, 'PC-042', 'registry reads')).toContain('✓ client.reset_license_cache read');
    expect(table).toContain('failing: PC-HANG (PowerShell), PC-DOWN (reach), RDSH02 (Group Policy)');
  });

  describe('with a host whose key changed, a key nobody authorised, and a server without the subsystem', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rdsbot-doctor-lab-'));
    beforeAll(() => restartSshd(lab, 'PC-042', 'no-subsystem'));
    afterAll(() => restartSshd(lab, 'PC-042'));

    it('names the host key, the sign-in and the missing subsystem, each with its fix', async () => {
      const pick = (name: string) => structuredClone(inventory.hosts.find((host) => host.name === name)!);
      const rebuilt = pick('PC-050');
      keygen(join(scratch, 'impostor_key'));
      writeFileSync(
        join(scratch, 'known_hosts'),
        `${knownHostsLine(rebuilt.transport.address, rebuilt.transport.port, join(scratch, 'impostor_key'))}\n`,
      );
      rebuilt.transport.knownHostsFile = join(scratch, 'known_hosts');
      const stranger = pick('PC-043');
      keygen(join(scratch, 'unauthorised_key'));
      stranger.transport.keyFile = join(scratch, 'unauthorised_key');
      const file = join(scratch, 'inventory.json');
      writeFileSync(file, JSON.stringify({ hosts: [pick('PC-042'), rebuilt, stranger] }));

      const { code, table } = await runDoctor(file);
      console.log(`doctor against the changed lab hosts:\n${table}`);
      expect(code).toBe(1);
      expect(row(table, 'PC-050', 'host key')).toMatch(
        /✗ the host presented ssh-ed25519 SHA256:\S+, which is not the key pinned/,
      );
      expect(row(table, 'PC-050', 'sign-in')).toContain('– not tried');
      expect(row(table, 'PC-043', 'sign-in')).toMatch(
        /✗ \S+ could not sign in with .*unauthorised_key.*Fix: Add the public key/,
      );
      expect(row(table, 'PC-042', 'PowerShell')).toMatch(
        /✗ sshd has no powershell subsystem.*Fix: Add "Subsystem powershell/,
      );
    });
  });

  it('names every lab host it checked', () => {
    expect(LAB_HOSTS.map((host) => host.name)).toEqual(inventory.hosts.map((host) => host.name));
  });
});
