import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '@core/db/database.ts';

/**
 * One visitor's key for the day: HMAC-SHA256(secret of the day, client address). The secret is made on the
 * first click of a UTC day and the older ones are deleted, so a stored key cannot be linked to an address
 * afterwards, even by trying every address (as the article votes do, decision 0026). Learning needs only
 * "how many different visitors", never who.
 */
export class VisitorKeys {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare('SELECT secret FROM search_visitor_keys WHERE day = ?').pluck(),
      add: db.prepare('INSERT OR IGNORE INTO search_visitor_keys (day, secret) VALUES (?, ?)'),
      drop: db.prepare('DELETE FROM search_visitor_keys WHERE day < ?'),
    };
  }

  key(clientAddress: string, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    let secret = this.s.get.get(day) as string | undefined;
    if (!secret) {
      this.s.add.run(day, randomBytes(32).toString('hex'));
      this.s.drop.run(day);
      secret = this.s.get.get(day) as string;
    }
    return createHmac('sha256', secret).update(clientAddress).digest('hex');
  }
}
