import type { AuditLog } from '../ports';

export interface WatchedFile {
  /** "policy", "inventory": what the file is to an admin reading the audit. */
  role: string;
  path: string;
}

/**
 * Audits which policy and inventory the bot runs with (issue 14): their SHA-256 at start-up
 * (`config.loaded`), and again on every check, a `config.changed` when one differs from what was last
 * recorded. The bot does not reload them: the record says the file on disk is no longer the one in
 * effect, which an admin then restarts for, or investigates.
 */
export class ConfigWatch {
  private readonly known = new Map<string, string>();
  /** What the bot loaded at start: still in effect, whatever the file says now. */
  private readonly loaded = new Map<string, string>();

  constructor(
    private readonly files: readonly WatchedFile[],
    private readonly digest: (path: string) => string,
    private readonly audit: AuditLog,
  ) {}

  async start(): Promise<void> {
    const files = this.files.map((file) => ({ ...file, sha256: this.read(file) }));
    for (const file of files) {
      this.known.set(file.path, file.sha256);
      this.loaded.set(file.path, file.sha256);
    }
    await this.audit.append({ kind: 'config.loaded', requestId: '-', actor: 'bot', data: { files } });
  }

  /** One check; returns the roles whose file changed since the last record. */
  async check(): Promise<string[]> {
    const changed: string[] = [];
    for (const file of this.files) {
      const sha256 = this.read(file);
      const before = this.known.get(file.path);
      if (sha256 === before) continue;
      await this.audit.append({
        kind: 'config.changed',
        requestId: '-',
        actor: 'bot',
        data: {
          role: file.role,
          path: file.path,
          before: before ?? null,
          after: sha256,
          inEffect: this.loaded.get(file.path) ?? null,
        },
      });
      this.known.set(file.path, sha256);
      changed.push(file.role);
    }
    return changed;
  }

  private read(file: WatchedFile): string {
    try {
      return this.digest(file.path);
    } catch {
      return 'unreadable';
    }
  }
}
