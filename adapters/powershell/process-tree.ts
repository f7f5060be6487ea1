import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Every descendant of `pid` (children, grandchildren, ...), read from /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // The command name may hold spaces and parentheses; the parent pid is the 2nd field after the last ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Kills a process and everything it started (pwsh, the ssh it spawned, anything below), so a timed-out
 * call leaves nothing running. The tree is frozen first so nothing can fork away while it is killed.
 */
export function killProcessTree(pid: number): void {
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
    return;
  }
  [pid, ...descendantsOf(pid)].forEach((p) => signal(p, 'SIGSTOP'));
  // Read again once frozen: anything forked in between is in this list, and nothing forks any more.
  [pid, ...descendantsOf(pid)].forEach((p) => signal(p, 'SIGKILL'));
}
