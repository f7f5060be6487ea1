import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The RdsLicensing version the bot sends with each call (its manifest's ModuleVersion). */
export function moduleVersion(): string {
  const manifest = readFileSync(join(__dirname, 'module', 'RdsLicensing', 'RdsLicensing.psd1'), 'utf8');
  return /ModuleVersion\s*=\s*'([^']+)'/.exec(manifest)?.[1] ?? 'unknown';
}
