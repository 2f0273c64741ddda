import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Per-client-address limit on complaint submissions (default 5 a minute): rate-limiter-flexible's memory
 * store, so the check costs no I/O. See docs/decisions/0006-complaint-rate-limit-in-memory.md for why memory and
 * not SQLite, and what that means with several app servers.
 */
export class SubmissionLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly perMinute: number,
    keyPrefix = 'complaints',
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix, points: Math.max(1, perMinute), duration: 60 });
  }

  async consume(clientAddress: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(clientAddress || 'unknown', 1);
      return { ok: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
  }
}
