import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DEMO = path.resolve(import.meta.dirname, '../../demo-data');

/**
 * A demo recording and its transcript file (our JSON), as the upload tests send them: by default
 * СтройМаркет's stereo negotiation, where the rep states the terms.
 */
export async function demoCall(name = 'stroymarket-terms'): Promise<{ audio: Buffer; transcript: string }> {
  const [audio, transcript] = await Promise.all([
    readFile(path.join(DEMO, `${name}.ogg`)),
    readFile(path.join(DEMO, `${name}.json`), 'utf8'),
  ]);
  return { audio, transcript };
}
