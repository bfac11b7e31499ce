import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findUserByEmail } from '@onterms/db';
import { principalForUser } from '../access/principal.ts';
import { notAudited, uploadCall, type UploadDeps } from '@onterms/domain';
import { uploaderOf } from '../access/call-policy.ts';

const DEMO_DIR = path.resolve(import.meta.dirname, '../../demo-data');

interface DemoDialogue {
  name: string;
  language: 'ru' | 'en';
  callType: 'credit_negotiation' | 'collection';
  clientName: string;
}

/**
 * Loads the committed sample calls (espeak-ng recordings, rep on the left channel, with transcripts)
 * as the demo rep's uploads, through the same upload path a person uses. Idempotent: a second start
 * finds the same bytes and keeps the existing calls.
 */
export async function loadDemoCalls(
  deps: UploadDeps,
  repEmail: string,
): Promise<{ created: number; existing: number }> {
  const rep = await findUserByEmail(deps.db, repEmail);
  const principal = rep ? await principalForUser(deps.db, rep.id) : null;
  if (!principal) throw new Error(`The demo rep ${repEmail} does not exist; create the demo users first.`);
  const dialogues = JSON.parse(
    await readFile(path.join(DEMO_DIR, 'dialogues.json'), 'utf8'),
  ) as DemoDialogue[];

  let created = 0;
  for (const [i, dialogue] of dialogues.entries()) {
    const audio = await deps.store.beginWrite();
    await audio.write(createReadStream(path.join(DEMO_DIR, `${dialogue.name}.ogg`)));
    const transcriptFile = `${dialogue.name}.json`;
    const outcome = await uploadCall(deps, uploaderOf(deps.db, principal, notAudited), {
      audio,
      audioFilename: `${dialogue.name}.ogg`,
      transcript: {
        filename: transcriptFile,
        content: await readFile(path.join(DEMO_DIR, transcriptFile), 'utf8'),
      },
      fields: {
        clientName: dialogue.clientName,
        callType: dialogue.callType,
        language: dialogue.language,
        repChannel: 'left',
        recordedAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
      },
    });
    if (outcome.created) created++;
  }
  return { created, existing: dialogues.length - created };
}
