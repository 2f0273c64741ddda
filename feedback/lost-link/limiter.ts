import { createHash, randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision } from '../intake/rate-limit.ts';

/**
 * Requests for lost links: a budget per email address (so nobody's inbox is flooded) and per client
 * address (so one client cannot probe many addresses). Email addresses are kept only as a keyed hash
 * whose key lives in this process's memory.
 */
export class LostLinkLimiter {
  private readonly perEmail: RateLimiterMemory;
  private readonly perClient: RateLimiterMemory;
  private readonly key = randomBytes(32);

  constructor(limits: { perEmailPerHour: number; perClientPerHour: number }) {
    this.perEmail = new RateLimiterMemory({ keyPrefix: 'lost-link-email', points: limits.perEmailPerHour, duration: 3600 });
    this.perClient = new RateLimiterMemory({ keyPrefix: 'lost-link-client', points: limits.perClientPerHour, duration: 3600 });
  }

  async consume(email: string, clientAddress: string): Promise<RateDecision> {
    const client = await take(this.perClient, clientAddress || 'unknown');
    if (!client.ok) return client;
    return take(this.perEmail, createHash('sha256').update(this.key).update(email).digest('hex'));
  }
}

async function take(limiter: RateLimiterMemory, key: string): Promise<RateDecision> {
  try {
    await limiter.consume(key, 1);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}
