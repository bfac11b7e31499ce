import type { AnalysisResult, FlagsView } from '@onterms/contracts';

/** The public view of a result (what the CLI prints and the API returns): flags, deflection, promises. */
export function toFlagsView(r: AnalysisResult): FlagsView {
  return { flags: r.flags, deflection: r.deflection, ...(r.promises && { promises: r.promises }) };
}
