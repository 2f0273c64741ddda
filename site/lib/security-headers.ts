/**
 * Headers every response carries. Script and style sources are pinned by hashes in the page's own
 * CSP meta tag (Astro's csp option); this header adds what a meta tag cannot express.
 */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Adds the headers above to a response's, keeping what the page set itself. */
export function addSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(securityHeaders)) {
    const existing = headers.get(name);
    // Astro's CSP option already sent script and style hashes; add our directives to them.
    if (name === 'Content-Security-Policy' && existing) headers.set(name, `${existing.replace(/;\s*$/, '')}; ${value}`);
    else if (!existing) headers.set(name, value);
  }
}
