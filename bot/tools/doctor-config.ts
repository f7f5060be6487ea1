import Database from 'better-sqlite3';
import { createPrivateKey } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { JsonInventory, loadPolicy } from '../../adapters/inventory/json-config';
import type { BotConfig } from '../config';
import { type Check, failed, type HostReport, ok } from '../preflight/check';
import type { Host } from '../domain';

/** The configuration half of the doctor: each file and setting the bot reads at start, as it reads them. */
export async function checkConfig(config: BotConfig): Promise<{ report: HostReport; hosts: Host[] }> {
  const checks: Check[] = [];
  let hosts: Host[] = [];
  try {
    hosts = [...JsonInventory.load(config.inventoryFile).hosts()];
    checks.push(ok('inventory', `${hosts.length} hosts in ${config.inventoryFile}`));
  } catch (error) {
    checks.push(
      failed(
        'inventory',
        message(error),
        config.local
          ? 'Start the lab first (npm run lab -- up), or set INVENTORY_FILE to your inventory.'
          : 'Fix the inventory file (schema: adapters/inventory/schemas/inventory.schema.json; example: config/inventory.example.json).',
      ),
    );
  }
  let tenants: string[] | undefined;
  try {
    const policy = loadPolicy(config.policyFile);
    tenants = policy.tenants;
    const pilot = policy.pilot
      ? `; pilot mode on${policy.pilot.lifted?.length ? ` (lifted for ${policy.pilot.lifted.join(', ')})` : ''}`
      : '';
    checks.push(
      ok('policy', `${policy.tenants.length} tenant(s), ${policy.roles.approver.length} approver(s)${pilot}`),
    );
  } catch (error) {
    checks.push(
      failed('policy', message(error), 'Fix the policy file (schema: adapters/inventory/schemas/policy.schema.json).'),
    );
  }
  checks.push(await databaseCheck(config));
  checks.push(signingKeyCheck(config));
  checks.push(teamsCheck(config, tenants));
  return { report: { host: '(configuration)', transport: config.local ? 'local mode' : 'Teams', checks }, hosts };
}

async function databaseCheck(config: BotConfig): Promise<Check> {
  if (config.databaseUrl) {
    const client = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SHOW server_version');
      return ok('database', `PostgreSQL ${rows[0]?.version ?? ''} answers`);
    } catch (error) {
      // The URL holds a password: only the error's class and code are shown.
      const code = (error as { code?: string }).code ?? (error as Error).name;
      return failed(
        'database',
        `PostgreSQL did not accept the connection (${code})`,
        'Check DATABASE_URL, the server and pg_hba.conf.',
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const file = config.databaseFile;
  if (!existsSync(file)) {
    return writable(dirname(file))
      ? ok('database', `${file} will be made at first start`)
      : failed('database', `cannot create ${file}`, `Make ${dirname(file)} writable for the bot's account.`);
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true }) as string;
    db.close();
    return result === 'ok'
      ? ok('database', `${file} opens and passes quick_check`)
      : failed('database', `${file}: ${result}`, 'Restore the last backup (npm run db -- restore --from <backup>).');
  } catch (error) {
    return failed(
      'database',
      `${file}: ${message(error)}`,
      'Check the file and its folder are readable and writable by the bot.',
    );
  }
}

function signingKeyCheck(config: BotConfig): Check {
  const file = config.audit.signingKeyFile;
  if (!existsSync(file)) {
    return writable(dirname(file))
      ? ok('signing key', `${file} will be made at first start`)
      : failed(
          'signing key',
          `cannot create ${file}`,
          `Make ${dirname(file)} writable for the bot's account, or set AUDIT_SIGNING_KEY_FILE.`,
        );
  }
  try {
    const key = createPrivateKey({ key: readFileSync(file, 'utf8'), format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
    return ok('signing key', `Ed25519 key in ${file}`);
  } catch (error) {
    return failed(
      'signing key',
      `${file}: ${message(error)}`,
      'Restore the key from your backup; a new key cannot sign for the old checkpoints.',
    );
  }
}

function teamsCheck(config: BotConfig, tenants: string[] | undefined): Check {
  if (config.local) return ok('Teams', 'local mode: 127.0.0.1 only, lab hosts only (no BOT_ID)');
  const credentials = config.credentials;
  if (!credentials)
    return failed(
      'Teams',
      'no bot credential',
      'Set BOT_PASSWORD_FILE, BOT_CERTIFICATE_FILE or BOT_APP_TYPE=UserAssignedMSI.',
    );
  // A single-tenant bot whose own tenant the policy does not serve would refuse every user.
  if (credentials.tenantId && tenants && !tenants.includes(credentials.tenantId)) {
    return failed(
      'Teams',
      `BOT_TENANT_ID ${credentials.tenantId} is not among the policy's tenants, so every user would be refused`,
      'Add the tenant id to "tenants" in the policy file, or correct BOT_TENANT_ID.',
    );
  }
  const tenant = credentials.tenantId ? `single tenant ${credentials.tenantId}` : 'multi-tenant';
  return ok(
    'Teams',
    `bot ${credentials.botId}, ${credentials.kind} credential, ${tenant} (sign-in is proven by the first message)`,
  );
}

/** Whether the bot could make a file in `folder`: the folder, or the nearest one that exists, is writable (the bot makes the rest). */
function writable(folder: string): boolean {
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}
