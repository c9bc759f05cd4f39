import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './deliver';
import { refusal, urlProblem } from './target';

const production = { production: true, allowedHosts: [] };

describe('webhook targets', () => {
  it('refuses private, loopback and link-local addresses in production', () => {
    for (const address of [
      '10.1.2.3',
      '127.0.0.1',
      '169.254.169.254',
      '192.168.0.1',
      '172.20.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ])
      expect(refusal('h.example', address, production), address).toMatch(/not allowed/);
    expect(refusal('h.example', '93.184.216.34', production)).toBeNull();
    expect(refusal('h.example', '2606:2800:220:1::1', production)).toBeNull();
  });

  it('allows the hosts of WEBHOOK_ALLOWED_HOSTS, and loopback outside production', () => {
    expect(refusal('hooks.internal', '10.0.0.5', { production: true, allowedHosts: ['hooks.internal'] })).toBeNull();
    expect(refusal('localhost', '127.0.0.1', { production: false, allowedHosts: [] })).toBeNull();
    expect(refusal('h', '10.0.0.5', { production: false, allowedHosts: [] })).toMatch(/not allowed/);
  });

  it('takes http and https URLs only, without credentials', () => {
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlProblem('ftp://hooks.example.com/x')).toMatch(/http/);
    expect(urlProblem('https://u:p@hooks.example.com/')).toMatch(/credentials/);
    expect(urlProblem('not a url')).toMatch(/URL/);
  });

  it('backs off exponentially with jitter: about 1 s first, at most an hour', () => {
    expect(retryDelayMs(1, 0)).toBe(500);
    expect(retryDelayMs(1, 1)).toBe(1_000);
    expect(retryDelayMs(4, 1)).toBe(8_000);
    expect(retryDelayMs(40, 1)).toBe(3_600_000);
  });
});
