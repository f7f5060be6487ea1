import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { StartupError } from '../startup-error';

/**
 * Reads a file holding a secret (systemd LoadCredential=, a container or Kubernetes secret), once,
 * at start-up. Errors name the variable and the path, never the content. On POSIX a file that other
 * users may read is refused: the point of a file over an environment variable is that only the
 * service can read it (ADR 0023). Group-readable is allowed (Kubernetes fsGroup, a service group).
 */
export function readSecretFile(variable: string, path: string, othersMayRead = false): string {
  let content: string;
  let fd: number | undefined;
  try {
    // One open file for the check and the read: the file cannot be swapped between the two.
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new StartupError(`${variable}: ${path} is not a file`);
    if (!othersMayRead && process.platform !== 'win32' && (stat.mode & 0o004) !== 0) {
      throw new StartupError(
        `${variable}: ${path} is readable by every user on this machine; make it readable by the bot only (chmod o-r, ` +
          'or mode 0440/0400 on the container secret)',
      );
    }
    content = readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new StartupError(`${variable}: cannot read ${path} (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return content;
}

/** A file holding only public material (a certificate without its key): any mode will do. */
export function readPublicFile(variable: string, path: string): string {
  return readSecretFile(variable, path, true);
}

/** A client secret from a file: trailing line ends trimmed (editors and `echo` add one), nothing else. */
export function readPasswordFile(variable: string, path: string): string {
  const password = readSecretFile(variable, path).replace(/[\r\n]+$/, '');
  if (password === '') throw new StartupError(`${variable}: ${path} is empty`);
  return password;
}
