import { createInterface } from 'node:readline';

/** Asks on the terminal without echoing what is typed; null when stdin is not a terminal. */
export type PromptSecret = (question: string) => Promise<string | null>;

export const promptSecretOnTerminal: PromptSecret = (question) => {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: process.stderr, terminal: true });
    // Print the question, then swallow the echo of every keystroke.
    process.stderr.write(question);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
};
