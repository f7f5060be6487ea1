import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  manifestWithExports,
  moduleContract,
  policySchemaWithOperations,
  resultSchemaWithOperations,
} from './catalogue-outputs';

// `npm run generate`: everything that repeats the catalogue's operations, written from the catalogue.
const root = join(__dirname, '..');
const moduleRoot = join(root, 'adapters', 'powershell', 'module', 'RdsLicensing');
const rewrite = (file: string, change: (text: string) => string): void =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

async function main(): Promise<void> {
  writeFileSync(join(moduleRoot, 'Private', 'Contract.generated.ps1'), moduleContract());
  await rewrite(join(moduleRoot, 'RdsLicensing.psd1'), manifestWithExports);
  await rewrite(join(root, 'adapters', 'inventory', 'schemas', 'policy.schema.json'), policySchemaWithOperations);
  await rewrite(
    join(root, 'adapters', 'powershell', 'schemas', 'operation-result.schema.json'),
    resultSchemaWithOperations,
  );
  console.log('generated from the catalogue: the module contract and exports, the policy and result schemas');
}

void main();
