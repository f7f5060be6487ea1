import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { StartupError } from '../startup-error';

/** What the Bot Framework's certificate credential needs, checked once at start-up. */
export interface CheckedCertificate {
  /** SHA-1 of the leaf certificate, hex without colons: the thumbprint Entra shows for it. */
  thumbprint: string;
  /** The chain as PEM, leaf first: sent as x5c so that subject-name/issuer registration works too. */
  certificatePem: string;
  /** The private key as PKCS#8 PEM (a PKCS#1 or SEC1 key is converted). */
  privateKeyPem: string;
  notAfter: Date;
}

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[^]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[^]*?-----END \1PRIVATE KEY-----/;

/**
 * Finds the certificate the private key belongs to among the PEM blocks, and refuses one that is
 * expired, not yet valid, or has no certificate matching the key. Messages name the variable, never
 * key material; parser errors are not passed on (they could quote the input).
 */
export function checkCertificate(
  certificateText: string,
  keyText: string,
  variable: string,
  now: Date,
): CheckedCertificate {
  const keyBlock = PRIVATE_KEY.exec(keyText);
  if (!keyBlock) throw new StartupError(`${variable}: no PEM private key (BEGIN PRIVATE KEY) in the file`);
  if (keyBlock[1] === 'ENCRYPTED ')
    throw new StartupError(
      `${variable}: the private key is encrypted; give it unencrypted in a file only the bot can read`,
    );
  let key: KeyObject;
  try {
    key = createPrivateKey(keyBlock[0]);
  } catch {
    throw new StartupError(`${variable}: the private key cannot be read`);
  }
  const blocks = certificateText.match(CERTIFICATE) ?? [];
  if (blocks.length === 0)
    throw new StartupError('BOT_CERTIFICATE_FILE: no PEM certificate (BEGIN CERTIFICATE) in the file');
  let chain: X509Certificate[];
  try {
    chain = blocks.map((block) => new X509Certificate(block));
  } catch {
    throw new StartupError('BOT_CERTIFICATE_FILE: a certificate in the file cannot be read');
  }
  const leaf = chain.findIndex((certificate) => certificate.checkPrivateKey(key));
  if (leaf < 0)
    throw new StartupError(`${variable}: the private key does not belong to the certificate in BOT_CERTIFICATE_FILE`);
  const certificate = chain[leaf] as X509Certificate;
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (now < notBefore)
    throw new StartupError(`BOT_CERTIFICATE_FILE: the certificate is not valid before ${notBefore.toISOString()}`);
  if (now >= notAfter)
    throw new StartupError(`BOT_CERTIFICATE_FILE: the certificate expired on ${notAfter.toISOString()}`);
  const ordered = [blocks[leaf] as string, ...blocks.filter((_block, index) => index !== leaf)];
  return {
    thumbprint: certificate.fingerprint.replace(/:/g, '').toUpperCase(),
    certificatePem: ordered.join('\n'),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    notAfter,
  };
}
