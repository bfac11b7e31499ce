import { ConfigError, loadConfig, type Config } from './config.ts';

/**
 * For entry points (server, worker, CLI): the configuration, or `undefined` once `report` was given the
 * message that says which setting to fix — the caller then exits non-zero. Other errors propagate.
 */
export function loadConfigOrReport(
  env: Record<string, string | undefined>,
  report: (message: string) => void,
): Config | undefined {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.message);
    return undefined;
  }
}
