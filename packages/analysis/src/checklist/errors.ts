/** A checklist that cannot be used; the message starts with the JSON path of the bad field. */
export class ChecklistError extends Error {
  override name = 'ChecklistError';
}
