import { hostOperations } from '../bot/catalogue';

/**
 * What is generated from the catalogue (bot/catalogue), so that the operation contract is written once.
 * `npm run generate` writes these files; `tests/unit/catalogue/generated-files.test.ts` fails when one is
 * out of date.
 *
 * 1. The target module's operation contract (Private/Contract.generated.ps1): which
 * operations the entry point accepts, the function each runs, and each parameter's PowerShell name,
 * kind, allowed values (the JSON schema's `enum`) and whether it is required (the schema's `required`).
 * 2. The module manifest's FunctionsToExport.
 * 3. The operation names of the policy schema (per-operation rules) and of the result schema.
 */

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function parameterLine(key: string, rule: { parameter: string; kind: string }, schema: SchemaLike): string {
  const property = schema.properties?.[key] ?? {};
  const parts = [`Parameter = ${quote(rule.parameter)}`, `Kind = ${quote(rule.kind)}`];
  if (rule.kind === 'enum') parts.push(`Allowed = @(${(property.enum ?? []).map(quote).join(', ')})`);
  if (schema.required?.includes(key)) parts.push('Required = $true');
  return `            ${key} = @{ ${parts.join('; ')} }`;
}

interface SchemaLike {
  properties?: Record<string, { enum?: string[] }>;
  required?: string[];
}

export function moduleContract(): string {
  const entries = hostOperations().map((operation) => {
    const schema = operation.paramsSchema as SchemaLike;
    const params = Object.entries(operation.target.params).map(([key, rule]) => parameterLine(key, rule, schema));
    const body = params.length > 0 ? `@{\n${params.join('\n')}\n        }` : '@{}';
    return `    ${quote(operation.intent)} = @{\n        Command = ${quote(operation.target.command)}\n        Params  = ${body}\n    }`;
  });
  return [
    '<#',
    '    GENERATED from the catalogue (bot/catalogue) by `npm run generate`: do not edit by hand.',
    '    The operations the entry point accepts, the function each runs and its parameters (Payload.ps1',
    '    checks every value against this again on the host, whatever the bot already checked).',
    '#>',
    '',
    '$script:Operations = @{',
    ...entries,
    '}',
    '',
  ].join('\n');
}

/** The manifest's exported functions: the entry point and every operation's function. */
export function exportedFunctions(): string[] {
  return ['Invoke-RdsLicensingOperation', ...hostOperations().map((operation) => operation.target.command)];
}

/** The manifest with its FunctionsToExport list replaced by `exportedFunctions()`. */
export function manifestWithExports(manifest: string): string {
  const list = exportedFunctions()
    .map((name) => `        ${quote(name)}`)
    .join(',\n');
  return manifest.replace(/FunctionsToExport = @\([^)]*\)/, `FunctionsToExport = @(\n${list}\n    )`);
}

/** The changing operations that run on hosts: the keys of the policy's per-operation rules. */
function policyOperations(): string[] {
  return hostOperations()
    .filter((operation) => operation.changesState && operation.runsOn !== undefined)
    .map((operation) => operation.intent);
}

/** The index just past the bracket that closes the one opening at `open`. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let at = open; at < text.length; at += 1) {
    const char = text[at] as string;
    if (char === '"')
      at = text.indexOf('"', at + 1); // operation names and keys hold no escaped quotes
    else if (pairs[char]) stack.push(pairs[char] as string);
    else if (char === stack.at(-1) && (stack.pop(), stack.length === 0)) return at + 1;
  }
  throw new Error('unbalanced JSON');
}

/** `text` with the bracketed value that `anchor` ends at replaced; only that value changes, in the file's style. */
function replaceValue(text: string, anchor: RegExp, value: string): string {
  const match = anchor.exec(text);
  if (!match) throw new Error(`${String(anchor)} not found`);
  const open = match.index + match[0].length - 1;
  return text.slice(0, open) + value + text.slice(closing(text, open));
}

/** The policy schema with one `rule` per changing host operation (objects written out, as the file does). */
export function policySchemaWithOperations(text: string): string {
  const rules = policyOperations().map(
    (intent) => `        "${intent}": {\n          "$ref": "#/$defs/rule"\n        }`,
  );
  return replaceValue(text, /"operations": \{[^{]*"properties": \{/, `{\n${rules.join(',\n')}\n      }`);
}

/** The result schema with every host operation in its `operation` enum. */
export function resultSchemaWithOperations(text: string): string {
  const names = hostOperations().map((operation) => `        "${operation.intent}"`);
  return replaceValue(text, /"operation": \{\s*"enum": \[/, `[\n${names.join(',\n')}\n      ]`);
}
