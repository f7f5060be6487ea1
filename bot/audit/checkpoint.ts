import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { Checkpoint, SignedCheckpoint } from '../ports';
import { canonicalJson, GENESIS } from './audit-chain';

export type { Checkpoint, SignedCheckpoint };

export { GENESIS as FIRST_CHECKPOINT };

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (DER), as verify prints it. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(body: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  return { ...body, sig: sign(null, Buffer.from(canonicalJson(body)), privateKey).toString('base64') };
}

/** True when `checkpoint` was signed by the key that `publicKey` is, over exactly these fields. */
export function signedBy(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  const { sig, ...body } = checkpoint;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}

/** What the next checkpoint's `prev` is. */
export function checkpointHash(checkpoint: SignedCheckpoint): string {
  return createHash('sha256').update(canonicalJson(checkpoint)).digest('hex');
}
