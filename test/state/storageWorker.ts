// Child process for the FileStorage tests: writes to a state folder the way a second bot instance would.
//   loop DIR            write {a, b} with the same counter in one write, forever; print each counter once written
//   increment DIR WHO N increment the shared record "counter" N times (read, write with eTag, retry on conflict)
//   claim DIR WHO N     try to claim reminder/0..N-1 (sentBy null -> WHO) with eTag writes; print the ones won
import { FileStorage } from '../../bot/state/fileStorage';
import { increment } from './storageContract';

const [mode, dir, ...args] = process.argv.slice(2);
const storage = new FileStorage(dir);
const out = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));

async function main(): Promise<void> {
  if (mode === 'loop') {
    // About 1 MB per version, so a kill has a fair chance of landing in the middle of writing a file.
    const pad = 'x'.repeat(512 * 1024);
    const start = Number((await storage.read(['a'])).a?.n ?? 0);
    for (let n = start + 1; ; n++) {
      await storage.write({ a: { n, pad }, b: { n, pad } });
      await out(String(n));
    }
  }
  if (mode === 'increment') {
    const [who, count] = args;
    for (let i = 0; i < Number(count); i++) await increment(storage, 'counter', who);
    await out('done');
    return;
  }
  if (mode === 'claim') {
    const [who, count] = args;
    for (let k = 0; k < Number(count); k++) {
      const key = `reminder/${k}`;
      const item = (await storage.read([key]))[key];
      if (!item || item.sentBy !== null) continue;
      try {
        await storage.write({ [key]: { ...item, sentBy: who } });
        await out(`claimed ${k}`);
      } catch (err) {
        if (!/eTag conflict/.test((err as Error).message)) throw err;
      }
    }
    await out('done');
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
