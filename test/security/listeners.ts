import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Listener {
  address: string;
  port: number;
  pid: number;
}

/** /proc/net/tcp writes IPv4 as 4 little-endian bytes and IPv6 as 4 little-endian 32-bit words. */
function decodeAddress(hex: string): string {
  if (hex.length === 8) {
    return [3, 2, 1, 0].map((i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  }
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (const i of [3, 2, 1, 0]) bytes.push(Number.parseInt(word.slice(i * 2, i * 2 + 2), 16));
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  const text = groups.join(':');
  if (text === '0:0:0:0:0:0:0:1') return '::1';
  if (text === '0:0:0:0:0:0:0:0') return '::';
  if (text.startsWith('0:0:0:0:0:ffff:')) return `::ffff:${bytes.slice(12).join('.')}`;
  return text;
}

/** The socket inodes a process holds open. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** A process and all its descendants (the daemon, tsx's node, any socat it started). */
export function processTree(root: number): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    const pid = out[i]!;
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
        for (const c of children.split(/\s+/)) if (c) out.push(Number(c));
      }
    } catch {
      // gone
    }
  }
  return out;
}

/** Every TCP socket in LISTEN state that one of these processes holds, from /proc/net/tcp{,6}. */
export function listenersOf(pids: readonly number[]): Listener[] {
  const owner = new Map<string, number>();
  for (const pid of pids) for (const inode of socketInodes(pid)) owner.set(inode, pid);
  const out: Listener[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = readFileSync(table, 'utf8').split('\n').slice(1);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue; // 0A = LISTEN
      const pid = owner.get(cols[9]!);
      if (pid === undefined) continue;
      const [addr, port] = cols[1]!.split(':');
      out.push({ address: decodeAddress(addr!), port: Number.parseInt(port!, 16), pid });
    }
  }
  return out;
}
