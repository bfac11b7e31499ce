import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (API and web UI), through @fastify/helmet. The Content Security
 * Policy fits the built UI exactly — every script, style, font and request comes from our own origin;
 * recordings play from our own origin; a CSV export is a `blob:` URL; nothing may frame the app
 * (clickjacking) — so anything injected into a page has nowhere to load from and nowhere to send to.
 * Checked in Chromium by apps/web/e2e/faults.test.ts (no CSP violation on any page).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The waveform player (wavesurfer.js) puts a <style> element in its shadow DOM. Inline styles
        // cannot run code, and with images, fonts and requests limited to our origin, injected CSS has
        // no way to send anything elsewhere; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Recordings and peaks are fetched by our own pages only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // HSTS belongs to the TLS-terminating proxy, which knows whether the site is served over https.
    strictTransportSecurity: false,
  });
}
