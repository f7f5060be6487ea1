import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for credential files, removed by `remove()`. */
export function credentialDir(): {
  dir: string;
  path: (name: string) => string;
  write: (name: string, text: string, mode?: number) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-cred-'));
  return {
    dir,
    path: (name) => join(dir, name),
    write: (name, text, mode = 0o600) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      chmodSync(file, mode);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestCertificate {
  keyPem: string;
  certificatePem: string;
  /** `openssl x509 -fingerprint -sha1`, colons removed: what Entra shows as the thumbprint. */
  thumbprint: string;
}

/** A real self-signed RSA certificate from openssl, valid for `days` from now. */
export function makeCertificate(dir: string, name: string, days = 2): TestCertificate {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=bot',
      '-days',
      String(days),
      '-keyout',
      key,
      '-out',
      cert,
    ],
    {
      stdio: 'ignore',
    },
  );
  const fingerprint = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha1'], {
    encoding: 'utf8',
  });
  return {
    keyPem: readFileSync(key, 'utf8'),
    certificatePem: readFileSync(cert, 'utf8'),
    thumbprint: fingerprint
      .replace(/^.*Fingerprint=/, '')
      .replace(/:/g, '')
      .trim(),
  };
}
