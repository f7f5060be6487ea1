import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { duplicateKey } from '../json/duplicate-keys';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Host } from '../../bot/domain';
import type { Policy } from '../../bot/policy/policy';
import type { Inventory } from '../../bot/ports';
import inventorySchema from './schemas/inventory.schema.json';
import policySchema from './schemas/policy.schema.json';

/** A configuration file the bot will not start with; the message names the file and the bad field. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const ajv = new Ajv({ allErrors: false, strict: true });
const validateInventory = ajv.compile(inventorySchema);
const validatePolicy = ajv.compile(policySchema);

function describe(file: string, errors: ErrorObject[] | null | undefined): string {
  const [first] = errors ?? [];
  if (!first) return `${file}: invalid`;
  const field = first.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  const extra = first.keyword === 'additionalProperties' ? ` (${String(first.params.additionalProperty)})` : '';
  const allowed = first.keyword === 'enum' ? ` (${(first.params.allowedValues as unknown[]).join(', ')})` : '';
  return `${file}: ${field} ${first.message ?? 'is invalid'}${extra}${allowed}`;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  // JSON.parse keeps the last of two equal keys silently: a second "approver" or "address" is refused.
  const twice = duplicateKey(text);
  if (twice !== undefined) throw new ConfigError(`${file}: the key "${twice}" appears twice in one object`);
  return parsed;
}

interface InventoryFile {
  hosts: Array<Omit<Host, 'tags' | 'users'> & { tags?: string[]; users?: string[] }>;
}

/** The inventory: the allow-list of hosts. Duplicate names or FQDNs are refused. */
export class JsonInventory implements Inventory {
  private readonly list: Host[];
  private readonly index = new Map<string, Host>();

  constructor(hosts: Host[]) {
    this.list = hosts;
    for (const host of hosts) {
      for (const key of [host.name, host.fqdn].filter((k): k is string => Boolean(k))) {
        if (this.index.has(key.toLowerCase())) throw new ConfigError(`inventory: ${key} is listed twice`);
        this.index.set(key.toLowerCase(), host);
      }
    }
  }

  static load(file: string): JsonInventory {
    const data = readJson(file);
    if (!validateInventory(data)) throw new ConfigError(describe(file, validateInventory.errors));
    const base = dirname(resolve(file));
    const hosts = (data as unknown as InventoryFile).hosts.map(
      (host): Host => ({
        ...host,
        tags: host.tags ?? [],
        users: host.users ?? [],
        ...(host.transport?.type === 'ssh'
          ? {
              transport: {
                ...host.transport,
                keyFile: absolute(base, host.transport.keyFile),
                knownHostsFile: absolute(base, host.transport.knownHostsFile),
              },
            }
          : {}),
      }),
    );
    return new JsonInventory(hosts);
  }

  hosts(): readonly Host[] {
    return this.list;
  }

  find(name: string): Host | undefined {
    return this.index.get(name.toLowerCase());
  }
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

export function loadPolicy(file: string): Policy {
  const data = readJson(file);
  if (!validatePolicy(data)) throw new ConfigError(describe(file, validatePolicy.errors));
  const policy = data as unknown as Policy;
  for (const [intent, rule] of Object.entries(policy.operations ?? {})) {
    for (const group of rule?.groups ?? []) {
      if (!policy.groups?.[group])
        throw new ConfigError(`${file}: operations.${intent}.groups names "${group}", which groups does not define`);
    }
  }
  return policy;
}
