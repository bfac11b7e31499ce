import type { RequiredFlag } from '@onterms/contracts';

/**
 * The required checklist items in display order. A runtime copy of the contract's `REQUIRED_FLAGS`:
 * the web bundle imports only types from the server's packages. The two checks below fail
 * `npm run check` when the contract gains, loses or renames an item.
 */
export const FLAG_IDS = ['payment_terms', 'deadline', 'sanctions'] as const satisfies readonly RequiredFlag[];
export type FlagId = (typeof FLAG_IDS)[number];
const everyRequiredFlagShown: Exclude<RequiredFlag, FlagId> extends never ? true : never = true;
void everyRequiredFlagShown;
