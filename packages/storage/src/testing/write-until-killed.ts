/**
 * Child process for the crash test: starts an upload that never ends, announces its temp file
 * once bytes are on disk, and waits to be SIGKILLed. Usage: write-until-killed.ts <root> <key>
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createLocalBlobStore } from '../local/local-blob-store.ts';

const [root, key] = process.argv.slice(2);
if (!root || !key) throw new Error('usage: write-until-killed.ts <root> <key>');

const store = createLocalBlobStore({ root });
const pending = await store.beginWrite();

async function* endlessUpload(): AsyncGenerator<Uint8Array> {
  const chunk = Buffer.alloc(64 * 1024, 7);
  for (let index = 0; ; index++) {
    yield chunk;
    if (index === 16) process.stdout.write(`WRITING ${pending.tempPath}\n`);
    await yieldToEventLoop();
  }
}

await pending.write(endlessUpload());
// Never reached: the parent kills us mid-write. If it were, committing would be the bug to catch.
await pending.commit(key);
