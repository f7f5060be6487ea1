import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The audit signing key pair as PEM files outside the database's folder (ADR 0017). `privateFile` is
 * made (0600) with its public half beside it when neither exists; each file is written to a temporary
 * name and linked into place, so processes starting at once agree on one key (the first link wins).
 */
export function loadOrCreateSigningKey(privateFile: string, publicFile: string): KeyObject {
  if (!existsSync(privateFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    placeOnce(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  }
  const key = createPrivateKey(readFileSync(privateFile));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${privateFile} is not an Ed25519 private key`);
  if (!existsSync(publicFile)) {
    placeOnce(publicFile, createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  }
  return key;
}

/** The public key verify trusts. */
export function loadVerifyKey(publicFile: string): KeyObject {
  if (!existsSync(publicFile)) throw new Error(`no audit verify key at ${publicFile}`);
  const key = createPublicKey(readFileSync(publicFile));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${publicFile} is not an Ed25519 public key`);
  return key;
}

function placeOnce(file: string, pem: string, mode: number): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, pem, { mode });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}
