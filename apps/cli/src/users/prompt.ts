import { createInterface } from 'node:readline';

/** Asks on the terminal without echoing what is typed; null when stdin is not a terminal. */
export type PromptSecret = (question: string) => Promise<string | null>;

export const promptSecretOnTerminal: PromptSecret = (question) => {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: process.stderr, terminal: true });
    // Show the question, then write nothing else (no echo, no line redraws) until Enter.
    let muted = false;
    const internals = rl as unknown as { _writeToOutput: (s: string) => void };
    internals._writeToOutput = (s) => {
      if (!muted) process.stderr.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
};
