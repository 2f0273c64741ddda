import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '@core/config/config.ts';
import { clientAddress, normalizeAddress, resolveClientAddress, rightMostForwarded, socketAddressHeaderKey } from '@core/http/client-address.ts';
import { startScript, type StartScript } from './start-script.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const markerName = 'x-kb-socket-address';
const globals = globalThis as Record<symbol, unknown>;

/** A stand-in for Astro / APIContext; reading clientAddress is what Astro's adapter would answer (the left-most X-Forwarded-For). */
function context(headers: Record<string, string>, astroAddress: string | Error = '127.0.0.1') {
  const read = vi.fn(() => {
    if (astroAddress instanceof Error) throw astroAddress;
    return astroAddress;
  });
  return {
    ctx: {
      request: new Request('http://localhost/api/complaints', { method: 'POST', headers }),
      get clientAddress() {
        return read();
      },
    },
    read,
  };
}

afterEach(() => {
  delete globals[socketAddressHeaderKey];
});

describe('TRUST_PROXY', () => {
  it('is off unless set, and takes true/false/1/0 like KB_WATCH', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(() => parseConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describe('resolveClientAddress', () => {
  it('without a trusted proxy, counts the socket and never a header', () => {
    expect(resolveClientAddress({ socketAddress: '203.0.113.7', forwardedFor: '198.51.100.1', trustProxy: false })).toBe('203.0.113.7');
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: '198.51.100.1', trustProxy: false })).toBe('unknown');
  });

  it('behind a trusted proxy, counts the right-most X-Forwarded-For entry (what the proxy saw)', () => {
    // A client wrote "1.2.3.4, 5.6.7.8"; the proxy appended the address it saw.
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '1.2.3.4, 5.6.7.8, 203.0.113.7', trustProxy: true })).toBe('203.0.113.7');
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: ' 203.0.113.7 ,', trustProxy: true })).toBe('203.0.113.7');
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: null, trustProxy: true })).toBe('10.0.0.2');
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: ' , ', trustProxy: true })).toBe('10.0.0.2');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('::1')).toBe('::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(rightMostForwarded('a, b')).toBe('b');
    expect(rightMostForwarded('')).toBeUndefined();
  });
});

describe('clientAddress', () => {
  it('through scripts/start.mjs, takes the socket from its header, whatever X-Forwarded-For says', () => {
    globals[socketAddressHeaderKey] = markerName;
    const { ctx, read } = context({ 'x-forwarded-for': '6.6.6.6', [markerName]: '::ffff:192.0.2.10' }, '6.6.6.6');
    expect(clientAddress(ctx, { TRUST_PROXY: false })).toBe('192.0.2.10');
    expect(read).not.toHaveBeenCalled();
    expect(clientAddress(ctx, { TRUST_PROXY: true })).toBe('6.6.6.6');
  });

  it('through scripts/start.mjs, with the socket unknown, counts as unknown', () => {
    globals[socketAddressHeaderKey] = markerName;
    expect(clientAddress(context({}).ctx, { TRUST_PROXY: false })).toBe('unknown');
  });

  it('without start.mjs, trusts Astro only when no X-Forwarded-For could have fed it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // A forged private header counts for nothing when start.mjs did not write it.
      expect(clientAddress(context({ [markerName]: '9.9.9.9' }, '192.0.2.20').ctx, { TRUST_PROXY: false })).toBe('192.0.2.20');
      const forged = context({ 'x-forwarded-for': '6.6.6.6' }, '6.6.6.6');
      expect(clientAddress(forged.ctx, { TRUST_PROXY: false })).toBe('unknown');
      expect(forged.read).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(clientAddress(context({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, '6.6.6.6').ctx, { TRUST_PROXY: true })).toBe('203.0.113.9');
      expect(clientAddress(context({}, new Error('clientAddress is not available')).ctx, { TRUST_PROXY: false })).toBe('unknown');
    } finally {
      warn.mockRestore();
    }
  });

  it('is the only way site/ reads a client address', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(astro|ts|tsx|mjs|js)$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          if (/\.clientAddress\b|\{[^}]*\bclientAddress\b[^}]*\}\s*(?::[^=]*)?=\s*(?:Astro|context|ctx)\b|\(\s*\{[^})]*\bclientAddress\b[^})]*\}\s*\)\s*=>/.test(text)) offenders.push(path.relative(repoRoot, full));
        }
      }
    };
    walk(path.join(repoRoot, 'site'));
    expect(offenders).toEqual([]);
  });
});

describe('scripts/start.mjs', () => {
  let server: StartScript | undefined;

  afterEach(() => {
    server?.stop();
    server = undefined;
  });

  function get(port: number, headers: Record<string, string>): Promise<{ headers: Record<string, string>; marker: unknown; autostart: unknown }> {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/echo', headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (c: string) => (body += c));
        response.on('end', () => resolve(JSON.parse(body)));
      });
      request.on('error', reject);
    });
  }

  it('hands the app the socket address under its own header, replacing what a client sent', async () => {
    // The real start script in front of a stand-in for the built server, which echoes what it was handed.
    server = await startScript(
      `export const handler = (req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ headers: req.headers, marker: globalThis[Symbol.for('kb.socketAddressHeader')], autostart: process.env.ASTRO_NODE_AUTOSTART }));
      };\n`,
    );
    const { port } = server;

    const seen = await get(port, { 'X-Forwarded-For': '6.6.6.6', [markerName]: '7.7.7.7' });
    expect(seen.autostart).toBe('disabled');
    expect(seen.marker).toBe(markerName);
    expect(seen.headers[markerName]).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-for']).toBe('6.6.6.6');

    // What the pages then count, with the name start.mjs published.
    globals[socketAddressHeaderKey] = seen.marker;
    const request = { request: new Request('http://localhost/', { headers: seen.headers }), clientAddress: '6.6.6.6' };
    expect(clientAddress(request, { TRUST_PROXY: false })).toBe('127.0.0.1');
    expect(clientAddress(request, { TRUST_PROXY: true })).toBe('6.6.6.6');
  });
});
