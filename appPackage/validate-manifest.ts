import { AppManifestUtils } from '@microsoft/app-manifest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Schema errors of a Teams manifest (offline: @microsoft/app-manifest bundles the schemas), plus icon sizes. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  const icons = manifest.icons as { color: string; outline: string };
  for (const [file, size] of [
    [icons.color, 192],
    [icons.outline, 32],
  ] as const) {
    const png = readFileSync(join(__dirname, file));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    if (width !== size || height !== size) errors.push(`${file} is ${width}x${height}, Teams wants ${size}x${size}`);
  }
  return errors;
}
