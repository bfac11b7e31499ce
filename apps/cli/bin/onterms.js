#!/usr/bin/env node
// Entry for `npx onterms …`: the workspaces are consumed as TypeScript source, so load tsx first.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
