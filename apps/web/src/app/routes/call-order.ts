const KEY = 'onterms.callOrder';

/** The list the user last looked at, so the call page's ◀ / ▶ walk through it. */
export function rememberCallOrder(ids: string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // storage unavailable: no prev/next
  }
}

export function neighbours(id: string): { previous: string | null; next: string | null } {
  try {
    const ids = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[];
    const at = ids.indexOf(id);
    if (at < 0) return { previous: null, next: null };
    return { previous: ids[at - 1] ?? null, next: ids[at + 1] ?? null };
  } catch {
    return { previous: null, next: null };
  }
}
