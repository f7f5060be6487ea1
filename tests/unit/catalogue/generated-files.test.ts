import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostOperations } from '../../../bot/catalogue';
import {
  exportedFunctions,
  manifestWithExports,
  moduleContract,
  policySchemaWithOperations,
  resultSchemaWithOperations,
} from '../../../scripts/catalogue-outputs';
import { ROOT } from '../../support/test-paths';

const MODULE = join(ROOT, 'adapters', 'powershell', 'module', 'RdsLicensing');

describe('the files generated from the catalogue', () => {
  const current = (file: string, generate: (text: string) => string) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect({ file, text }).toEqual({ file, text: generate(text) });
  };

  it('include the policy and result schemas with every operation name (run `npm run generate`)', () => {
    current('adapters/inventory/schemas/policy.schema.json', policySchemaWithOperations);
    current('adapters/powershell/schemas/operation-result.schema.json', resultSchemaWithOperations);
  });

  it('is what Private/Contract.generated.ps1 holds (run `npm run generate` after changing the catalogue)', () => {
    expect(readFileSync(join(MODULE, 'Private', 'Contract.generated.ps1'), 'utf8')).toBe(moduleContract());
  });

  it('is what the manifest exports', () => {
    const manifest = readFileSync(join(MODULE, 'RdsLicensing.psd1'), 'utf8');
    expect(manifest).toBe(manifestWithExports(manifest));
  });

  it('names a function of Public/ for every host operation, and only those are exported', () => {
    for (const operation of hostOperations())
      expect({
        intent: operation.intent,
        file: existsSync(join(MODULE, 'Public', `${operation.target.command}.ps1`)),
      }).toEqual({
        intent: operation.intent,
        file: true,
      });
    expect(exportedFunctions()).toHaveLength(hostOperations().length + 1);
  });

  it('binds every parameter the catalogue schema has, and no other', () => {
    for (const operation of hostOperations()) {
      const properties = Object.keys((operation.paramsSchema as { properties: object }).properties).sort();
      expect({ intent: operation.intent, params: Object.keys(operation.target.params).sort() }).toEqual({
        intent: operation.intent,
        params: properties,
      });
    }
  });
});
