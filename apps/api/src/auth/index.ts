// What the process entry (server.ts) needs from accounts and access.
export { createAuthenticator, type Authenticator, type AuthOptions } from './authenticator.ts';
export { createDemoUsers, ensureInitialAdmin, type DemoCredential } from '@onterms/domain';
export { SESSION_COOKIE } from './sessions.ts';
export { CSRF_HEADER } from '../access/access-control.ts';
