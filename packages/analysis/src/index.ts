export { analyzeTranscript, RULES_ENGINE_VERSION } from './engine/analyze.ts';
export {
  loadChecklist,
  validateChecklist,
  defaultChecklist,
  checklistVocabulary,
  DEFAULT_CHECKLISTS,
} from './checklist/load.ts';
export { ChecklistError } from './checklist/errors.ts';
export type { CompiledChecklist } from './checklist/compile.ts';
export type { ChecklistSpec, ItemSpec, CueSpec } from './checklist/schema.ts';
export { toFlagsView } from './engine/view.ts';
export { validatePolicy, parsePolicy, PolicyError } from './policy/validate.ts';
export { checkPolicy, resolveSegment } from './policy/check.ts';
export { buildCard } from './policy/card.ts';
export { findPromises } from './promises/find-promises.ts';
export { resolvePromiseDue } from './promises/resolve-due.ts';
