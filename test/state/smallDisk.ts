// A small disk for the state store's fault tests: a real tmpfs of a few hundred KB when this process may
// mount one (root with CAP_SYS_ADMIN, as on the CI machine and here), otherwise the same folder on the normal
// disk with an injected capacity: writes past it fail with ENOSPC after writing what fits, as a full disk does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StorageFiles } from '../../bot/state/fileStorage';

export interface SmallDisk {
  dir: string;
  kind: 'tmpfs' | 'injected';
  /** For FileStorage: undefined on tmpfs (the real disk), the capacity-checking file operations otherwise. */
  files?: StorageFiles;
  /** Fills the disk with a file of its own until less than `leftBytes` are free. */
  fill(leftBytes?: number): Promise<void>;
  /** Removes that file again. */
  free(): Promise<void>;
  remove(): void;
}

function tryMount(dir: string, size: number, readOnly: boolean): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function usedBytes(dir: string): Promise<number> {
  let used = 0;
  for (const name of await fs.readdir(dir)) used += (await fs.stat(path.join(dir, name)).catch(() => ({ size: 0 }))).size;
  return used;
}

/** File operations on `dir` that refuse to grow it past `capacity()` bytes. */
function capped(dir: string, capacity: () => number): StorageFiles {
  const nospc = () => Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
  const open = (async (file: string, flags: string) => {
    const handle = await fs.open(file, flags);
    const writeFile = handle.writeFile.bind(handle);
    return Object.assign(handle, {
      writeFile: async (data: string | Uint8Array) => {
        const bytes = Buffer.from(data);
        const room = capacity() - (await usedBytes(dir));
        if (bytes.length <= room) return writeFile(bytes);
        await writeFile(bytes.subarray(0, Math.max(0, room)));
        throw nospc();
      },
    });
  }) as StorageFiles['open'];
  return { ...fs, open } as StorageFiles;
}

export async function smallDisk(size: number): Promise<SmallDisk> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lovp-small-disk-'));
  const mounted = tryMount(dir, size, false);
  const filler = path.join(dir, 'filler.bin');
  let reserved = 0;
  return {
    dir,
    kind: mounted ? 'tmpfs' : 'injected',
    files: mounted ? undefined : capped(dir, () => size - reserved),
    async fill(leftBytes = 1024) {
      if (!mounted) {
        reserved = size - (await usedBytes(dir)) - leftBytes;
        return;
      }
      // Write until the disk refuses, then give back what should stay free.
      const handle = await fs.open(filler, 'w');
      try {
        for (;;) await handle.write(Buffer.alloc(4096));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        await handle.close();
      }
      const { size: written } = await fs.stat(filler);
      await fs.truncate(filler, Math.max(0, written - leftBytes));
    },
    async free() {
      reserved = 0;
      await fs.rm(filler, { force: true });
    },
    remove() {
      if (mounted) execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A read-only folder: a read-only tmpfs, or (not root) a folder without write permission; undefined if neither works. */
export function readOnlyDir(): { dir: string; remove(): void } | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lovp-read-only-'));
  if (tryMount(dir, 64 * 1024, true)) return { dir, remove: () => (execFileSync('umount', [dir]), rmSync(dir, { recursive: true, force: true })) };
  if (process.getuid?.() !== 0) {
    execFileSync('chmod', ['555', dir]);
    return { dir, remove: () => (execFileSync('chmod', ['755', dir]), rmSync(dir, { recursive: true, force: true })) };
  }
  rmSync(dir, { recursive: true, force: true });
  return undefined;
}
