// The security headers (docs/api.md, "Security headers"): pages get a Content-Security-Policy with a
// fresh script nonce from proxy.ts; every response gets nosniff and a referrer policy, and HSTS when
// served over HTTPS, from next.config.mjs. e2e/security-headers.spec.ts checks the real server's answers.
import path from 'node:path';
import type { NextConfig } from 'next';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy, config as proxyConfig } from '@/proxy';

// Loaded by path: the configuration is plain JavaScript, typed by Next's own type.
const configFile = path.join(process.cwd(), 'next.config.mjs');
const nextConfig = ((await import(configFile)) as { default: NextConfig }).default;

const page = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://localhost${path}`, { headers }));

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('Content-Security-Policy of pages', () => {
  it('forbids framing, plugins and <base>, and allows scripts only with a fresh nonce', () => {
    const first = page('/login');
    const second = page('/login');
    const csp = directives(first.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    const script = csp.get('script-src') ?? '';
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'"); // tests run as NODE_ENV=test, like production here
    expect(second.headers.get('content-security-policy')).not.toBe(first.headers.get('content-security-policy'));
  });

  it('hands the nonce and the policy to the page render (Next reads the nonce from the policy)', () => {
    const res = page('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('comes with the sign-in redirect of a signed-out /member-care visitor too', () => {
    const res = page('/member-care/ui/register');
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?callbackUrl=%2Fmember-care%2Fui%2Fregister');
    expect(directives(res.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'none'");
  });

  it('upgrades insecure requests only when served over HTTPS', () => {
    expect(page('/login').headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(page('/login', { 'x-forwarded-proto': 'https' }).headers.get('content-security-policy')).toContain(
      'upgrade-insecure-requests',
    );
  });

  it('runs for pages, not for the API or static files', () => {
    const [matcher] = proxyConfig.matcher;
    const re = new RegExp(`^${matcher}$`);
    for (const path of ['/', '/login', '/docs/api', '/member-care/ui', '/member-care/ui/customer/100000001'])
      expect(path, path).toMatch(re);
    for (const path of ['/v2/customers', '/v2', '/v3/oauth/token/generate', '/api/health', '/_next/static/x.js'])
      expect(path, path).not.toMatch(re);
  });
});

describe('headers of every response', () => {
  it('nosniff and the referrer policy everywhere; HSTS only over HTTPS', async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const always = rules.filter((r) => !r.has);
    const https = rules.filter((r) => r.has?.some((h) => h.key === 'x-forwarded-proto' && h.value === 'https'));
    expect(always.map((r) => r.source)).toEqual(['/:path*']);
    expect(always[0]?.headers).toEqual(
      expect.arrayContaining([
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ]),
    );
    expect(https[0]?.headers.find((h) => h.key === 'Strict-Transport-Security')?.value).toMatch(/^max-age=\d{8,}/);
  });
});
