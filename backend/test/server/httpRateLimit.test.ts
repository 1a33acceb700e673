import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';

let system: VouchSystem;
let alex: HeadlessSession;
let blake: HeadlessSession;
beforeAll(async () => {
  system = await startTestSystem({
    env: { HTTP_RATE_LIMIT_PER_USER: '20', HTTP_RATE_LIMIT_PER_IP: '40', HTTP_RATE_LIMIT_WINDOW_MS: '600000' },
  });
  alex = await system.login('alex');
  blake = await system.login('blake');
});
afterAll(async () => {
  await system.stop();
});

/** GET from a chosen loopback address, as a client on another machine would arrive. */
function get(path: string, opts: { from: string; token?: string }): Promise<{ status: number; code?: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, system.backendUrl);
    const req = request(url, { localAddress: opts.from, headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        const code = body.startsWith('{') ? (JSON.parse(body) as { error?: { code?: string } }).error?.code : undefined;
        resolve({ status: res.statusCode ?? 0, code, retryAfter: res.headers['retry-after'] as string | undefined });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const burst = (n: number, path: string, opts: { from: string; token?: string }) =>
  Promise.all(Array.from({ length: n }, () => get(path, opts)));

describe('HTTP rate limits', () => {
  it('limits one user however many addresses they spread requests over, without touching another user', async () => {
    const fromOne = await burst(15, '/rules', { from: '127.0.0.1', token: alex.access_token });
    const fromTwo = await burst(15, '/rules', { from: '127.0.0.2', token: alex.access_token });
    const all = [...fromOne, ...fromTwo];
    expect(all.filter((r) => r.status === 200)).toHaveLength(20);
    const limited = all.filter((r) => r.status === 429);
    expect(limited).toHaveLength(10);
    expect(limited[0]).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThan(0);
    // Same addresses, another person: their own budget.
    expect((await get('/rules', { from: '127.0.0.2', token: blake.access_token })).status).toBe(200);
  });

  it('limits one address whatever tokens (or none) it sends', async () => {
    const results = await burst(45, '/rules', { from: '127.0.0.3', token: 'not-a-token' });
    expect(results.filter((r) => r.status === 401)).toHaveLength(40);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    // Health checks from elsewhere are unaffected.
    expect((await get('/health', { from: '127.0.0.4' })).status).toBe(200);
  });
});
