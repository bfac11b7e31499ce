/**
 * Steps of one request and how long each took, answered as a Server-Timing header (browsers' dev
 * tools show it; `npm run bench:upload` prints it per step). Steps may overlap: each is its own span.
 */
export function serverTiming() {
  const steps: string[] = [];
  return {
    record(step: string, ms: number): void {
      steps.push(`${step};dur=${ms.toFixed(1)}`);
    },
    header(): string {
      return steps.join(', ');
    },
  };
}
