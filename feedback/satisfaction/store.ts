import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';

/** What the statistics can be grouped by. */
export const dimensions = ['team', 'agent', 'category', 'month'] as const;
export type Dimension = (typeof dimensions)[number];

export interface Rating {
  complaintId: number;
  ratedAt: string;
  rating: number;
  comment: string | null;
  /** The complaint's team, the agent who handled it and its category when the customer rated it. */
  teamId: string | null;
  agentId: number | null;
  category: string | null;
}

export interface RatedComment extends Rating {
  reference: string;
}

export interface GroupRow {
  /** Team id, agent id (as text), category, or YYYY-MM; null for "none" (no team, agent or category). */
  key: string | null;
  count: number;
  average: number;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

/** Which ratings a query reads: those of complaints with one of `teams` (undefined: every team), rated in [from, to). */
export interface RatingScope {
  teams: readonly string[] | undefined;
  from: string | null;
  to: string | null;
}

interface RatingRow {
  complaint_id: number;
  rated_at: string;
  rating: number;
  comment: string | null;
  team_id: string | null;
  agent_id: number | null;
  category: string | null;
  reference?: string;
}

const toRating = (r: RatingRow): Rating => ({
  complaintId: r.complaint_id,
  ratedAt: r.rated_at,
  rating: r.rating,
  comment: r.comment,
  teamId: r.team_id,
  agentId: r.agent_id,
  category: r.category,
});

/** The group key of each dimension (columns of `complaint_ratings r`). */
const keyColumn: Record<Dimension, string> = {
  team: 'r.team_id',
  agent: 'CAST(r.agent_id AS TEXT)',
  category: 'r.category',
  month: 'substr(r.rated_at, 1, 7)',
};

/**
 * The team scope applies to the complaint's current team (the access rule of the room: a complaint
 * outside the scope is never read), the period to the time of rating.
 */
const inScope = `FROM complaint_ratings r JOIN complaints c ON c.id = r.complaint_id
  WHERE (@everyTeam = 1 OR c.team_id IN (SELECT value FROM json_each(@teams)))
    AND (@from IS NULL OR r.rated_at >= @from) AND (@to IS NULL OR r.rated_at < @to)`;

/** The ratings table behind prepared statements: the only SQL of customer satisfaction. */
export class SatisfactionStore {
  private readonly s: {
    insert: Statement;
    get: Statement;
    overall: Statement;
    recent: Statement;
    groups: Record<Dimension, Statement>;
  };

  constructor(db: Db) {
    const group = (d: Dimension) =>
      db.prepare(`SELECT ${keyColumn[d]} AS key, COUNT(*) AS count, AVG(r.rating) AS average,
          SUM(r.rating = 1) AS r1, SUM(r.rating = 2) AS r2, SUM(r.rating = 3) AS r3, SUM(r.rating = 4) AS r4, SUM(r.rating = 5) AS r5
        ${inScope}
        GROUP BY key ORDER BY ${d === 'month' ? 'key DESC' : 'count DESC, key IS NULL, key'}`);
    this.s = {
      insert: db.prepare(`INSERT INTO complaint_ratings (complaint_id, rated_at, rating, comment, team_id, agent_id, category)
        VALUES (@complaintId, @ratedAt, @rating, @comment, @teamId, @agentId, @category)`),
      get: db.prepare('SELECT * FROM complaint_ratings WHERE complaint_id = ?'),
      overall: db.prepare(`SELECT COUNT(*) AS count, AVG(r.rating) AS average ${inScope}`),
      recent: db.prepare(`SELECT r.*, c.reference ${inScope} AND r.comment IS NOT NULL ORDER BY r.rated_at DESC, r.complaint_id DESC LIMIT @limit`),
      groups: { team: group('team'), agent: group('agent'), category: group('category'), month: group('month') },
    };
  }

  /** Writes a rating; throws SQLITE_CONSTRAINT_PRIMARYKEY when the complaint has one already. Run inside the rating transaction. */
  insert(r: Rating): void {
    this.s.insert.run(r);
  }

  get(complaintId: number): Rating | undefined {
    const row = this.s.get.get(complaintId) as RatingRow | undefined;
    return row && toRating(row);
  }

  private params(scope: RatingScope): Record<string, unknown> {
    return { everyTeam: scope.teams ? 0 : 1, teams: JSON.stringify(scope.teams ?? []), from: scope.from, to: scope.to };
  }

  overall(scope: RatingScope): { count: number; average: number | null } {
    return this.s.overall.get(this.params(scope)) as { count: number; average: number | null };
  }

  groups(by: Dimension, scope: RatingScope): GroupRow[] {
    const rows = this.s.groups[by].all(this.params(scope)) as Array<{ key: string | null; count: number; average: number; r1: number; r2: number; r3: number; r4: number; r5: number }>;
    return rows.map((r) => ({ key: r.key, count: r.count, average: r.average, distribution: [r.r1, r.r2, r.r3, r.r4, r.r5] }));
  }

  /** The newest ratings that came with a comment. */
  recent(scope: RatingScope, limit: number): RatedComment[] {
    return (this.s.recent.all({ ...this.params(scope), limit }) as RatingRow[]).map((r) => ({ ...toRating(r), reference: r.reference! }));
  }
}
