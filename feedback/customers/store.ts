import type { Db } from '@core/db/database.ts';
import { nameGrams } from './identity.ts';

export interface CustomerRow {
  id: number;
  createdAt: string;
  updatedAt: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  nameFolded: string;
  gramCount: number;
  locale: string | null;
  mergedInto: number | null;
}

export interface CustomerComplaintRow {
  id: number;
  reference: string;
  channel: string;
  status: string;
  subject: string;
  createdAt: string;
}

export interface CustomerEventRow {
  complaintId: number;
  reference: string;
  at: string;
  kind: string;
  actor: string;
  actorId: number | null;
  body: string | null;
}

export interface CustomerRatingRow {
  reference: string;
  ratedAt: string;
  rating: number;
  comment: string | null;
}

export interface MergeRow {
  id: number;
  at: string;
  actorId: number | null;
  fromId: number;
  intoId: number;
  complaintIds: number[];
  /** The empty fields of the surviving record that the merge filled from the other, and with what. */
  filled: Array<{ field: 'email' | 'phone' | 'name'; value: string }>;
  undoneAt: string | null;
}

export interface UnlinkedComplaint {
  id: number;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string;
  createdAt: string;
}

/** A team scope as the statements take it: every team, or only these. */
export interface Scope {
  everyTeam: 0 | 1;
  teams: string;
}

export function scopeOf(teams: readonly string[] | undefined): Scope {
  return { everyTeam: teams ? 0 : 1, teams: JSON.stringify(teams ?? []) };
}

const inScope = '(@everyTeam = 1 OR c.team_id IN (SELECT value FROM json_each(@teams)))';
/** A customer is visible when at least one of their complaints is. */
const visibleCustomer = `EXISTS (SELECT 1 FROM customer_complaints l JOIN complaints c ON c.id = l.complaint_id WHERE l.customer_id = customers.id AND ${inScope})`;
const customerColumns = `id, created_at AS createdAt, updated_at AS updatedAt, email, phone, name, name_folded AS nameFolded,
  gram_count AS gramCount, locale, merged_into AS mergedInto`;

function statements(db: Db) {
  return {
    get: db.prepare(`SELECT ${customerColumns} FROM customers WHERE id = ?`),
    getVisible: db.prepare(`SELECT ${customerColumns} FROM customers WHERE id = @id AND ${visibleCustomer}`),
    byEmail: db.prepare('SELECT id FROM customers WHERE email = ? ORDER BY merged_into IS NOT NULL, id LIMIT 1'),
    byPhone: db.prepare('SELECT id FROM customers WHERE phone = ? ORDER BY merged_into IS NOT NULL, id LIMIT 1'),
    insert: db.prepare(`INSERT INTO customers (created_at, updated_at, email, phone, name, name_folded, gram_count, locale)
      VALUES (@at, @at, @email, @phone, @name, @nameFolded, @gramCount, @locale)`),
    fill: db.prepare(`UPDATE customers SET updated_at = @at, email = COALESCE(email, @email), phone = COALESCE(phone, @phone),
      locale = COALESCE(@locale, locale) WHERE id = @id`),
    setName: db.prepare('UPDATE customers SET name = @name, name_folded = @nameFolded, gram_count = @gramCount, updated_at = @at WHERE id = @id'),
    clearGrams: db.prepare('DELETE FROM customer_name_grams WHERE customer_id = ?'),
    addGram: db.prepare('INSERT OR IGNORE INTO customer_name_grams (gram, customer_id) VALUES (?, ?)'),
    link: db.prepare('INSERT INTO customer_complaints (complaint_id, customer_id) VALUES (?, ?) ON CONFLICT (complaint_id) DO NOTHING'),
    customerOf: db.prepare('SELECT customer_id FROM customer_complaints WHERE complaint_id = ?'),
    unlinked: db.prepare(`SELECT id, email, phone, name, locale, created_at AS createdAt FROM complaints
      WHERE id NOT IN (SELECT complaint_id FROM customer_complaints) ORDER BY id`),
    complaints: db.prepare(`SELECT c.id, c.reference, c.channel, c.status, c.subject, c.created_at AS createdAt
      FROM customer_complaints l JOIN complaints c ON c.id = l.complaint_id WHERE l.customer_id = @id AND ${inScope} ORDER BY c.created_at DESC, c.id DESC`),
    events: db.prepare(`SELECT e.complaint_id AS complaintId, c.reference, e.at, e.kind, e.actor, e.actor_id AS actorId, e.body
      FROM customer_complaints l JOIN complaints c ON c.id = l.complaint_id JOIN complaint_events e ON e.complaint_id = c.id
      WHERE l.customer_id = @id AND ${inScope} AND e.kind IN ('created', 'reply', 'customer-reply', 'note', 'rated', 'status')
      ORDER BY e.at DESC, e.id DESC LIMIT 200`),
    ratings: db.prepare(`SELECT c.reference, r.rated_at AS ratedAt, r.rating, r.comment
      FROM customer_complaints l JOIN complaints c ON c.id = l.complaint_id JOIN complaint_ratings r ON r.complaint_id = c.id
      WHERE l.customer_id = @id AND ${inScope} ORDER BY r.rated_at DESC`),
    byEmailLike: db.prepare(`SELECT ${customerColumns} FROM customers WHERE merged_into IS NULL AND email LIKE @like ESCAPE '\\' AND ${visibleCustomer} ORDER BY email LIMIT @limit`),
    byPhoneTail: db.prepare(`SELECT ${customerColumns} FROM customers WHERE merged_into IS NULL AND (phone = @phone OR phone LIKE @tail) AND ${visibleCustomer} ORDER BY id LIMIT @limit`),
    byReference: db.prepare(`SELECT ${customerColumns.replace(/(^|, )(\w+)/g, '$1customers.$2')} FROM complaints c JOIN customer_complaints l ON l.complaint_id = c.id
      JOIN customers ON customers.id = l.customer_id WHERE c.reference = @reference AND ${inScope}`),
    nameCandidates: db.prepare(`SELECT customers.id AS id, customers.name_folded AS nameFolded, customers.gram_count AS gramCount, g.shared
      FROM (SELECT customer_id, COUNT(*) AS shared FROM customer_name_grams WHERE gram IN (SELECT value FROM json_each(@grams)) GROUP BY customer_id) g
      JOIN customers ON customers.id = g.customer_id
      WHERE customers.merged_into IS NULL AND (@everyTeam = 1 OR ${visibleCustomer}) ORDER BY g.shared DESC, customers.id LIMIT @limit`),
    notDuplicates: db.prepare(`INSERT INTO customer_not_duplicates (first_id, second_id, at, actor_id) VALUES (MIN(@a, @b), MAX(@a, @b), @at, @actorId)
      ON CONFLICT (first_id, second_id) DO NOTHING`),
    sameName: db.prepare(`SELECT ${customerColumns} FROM customers WHERE name_folded = @name AND id <> @id AND merged_into IS NULL AND name_folded <> ''
      AND NOT EXISTS (SELECT 1 FROM customer_not_duplicates n WHERE n.first_id = MIN(@id, customers.id) AND n.second_id = MAX(@id, customers.id))
      AND ${visibleCustomer} ORDER BY id`),
    move: db.prepare('UPDATE customer_complaints SET customer_id = @into WHERE customer_id = @from RETURNING complaint_id'),
    moveOne: db.prepare('UPDATE customer_complaints SET customer_id = @to WHERE complaint_id = @complaint AND customer_id = @from'),
    setMerged: db.prepare('UPDATE customers SET merged_into = @into, updated_at = @at WHERE id = @id'),
    clearEmail: db.prepare('UPDATE customers SET email = NULL WHERE id = @id AND email = @value'),
    clearPhone: db.prepare('UPDATE customers SET phone = NULL WHERE id = @id AND phone = @value'),
    clearName: db.prepare("UPDATE customers SET name = NULL, name_folded = '', gram_count = 0 WHERE id = @id AND name = @value"),
    addMerge: db.prepare(`INSERT INTO customer_merges (at, actor_id, from_id, into_id, complaint_ids, filled) VALUES (@at, @actorId, @fromId, @intoId, @complaintIds, @filled)`),
    getMerge: db.prepare('SELECT id, at, actor_id AS actorId, from_id AS fromId, into_id AS intoId, complaint_ids AS complaintIds, filled, undone_at AS undoneAt FROM customer_merges WHERE id = ?'),
    mergesInto: db.prepare(`SELECT id, at, actor_id AS actorId, from_id AS fromId, into_id AS intoId, complaint_ids AS complaintIds, filled, undone_at AS undoneAt
      FROM customer_merges WHERE into_id = ? ORDER BY id DESC`),
    undone: db.prepare('UPDATE customer_merges SET undone_at = @at, undone_by = @by WHERE id = @id AND undone_at IS NULL'),
  };
}

/** The customer tables behind small functions with prepared statements. */
export class CustomerStore {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: Db) {
    this.s = statements(db);
  }

  get(id: number): CustomerRow | undefined {
    return this.s.get.get(id) as CustomerRow | undefined;
  }

  getVisible(id: number, scope: Scope): CustomerRow | undefined {
    return this.s.getVisible.get({ id, ...scope }) as CustomerRow | undefined;
  }

  /** The record a merged customer now lives on (itself when not merged). */
  root(id: number): number {
    let current = id;
    for (let hops = 0; hops < 100; hops++) {
      const next = this.get(current)?.mergedInto;
      if (!next) return current;
      current = next;
    }
    return current;
  }

  idByEmail(email: string): number | undefined {
    return (this.s.byEmail.get(email) as { id: number } | undefined)?.id;
  }

  idByPhone(phone: string): number | undefined {
    return (this.s.byPhone.get(phone) as { id: number } | undefined)?.id;
  }

  create(c: { at: string; email: string | null; phone: string | null; name: string | null; nameFolded: string; locale: string | null }): number {
    const grams = nameGrams(c.nameFolded);
    const id = Number(this.s.insert.run({ ...c, gramCount: grams.length }).lastInsertRowid);
    for (const gram of grams) this.s.addGram.run(gram, id);
    return id;
  }

  /** Fills in contact details the record lacks, and takes the latest language. */
  fill(id: number, c: { at: string; email: string | null; phone: string | null; locale: string | null }): void {
    this.s.fill.run({ id, ...c });
  }

  setName(id: number, name: string | null, nameFolded: string, at: string): void {
    const grams = nameGrams(nameFolded);
    this.s.setName.run({ id, name, nameFolded, gramCount: grams.length, at });
    this.s.clearGrams.run(id);
    for (const gram of grams) this.s.addGram.run(gram, id);
  }

  link(complaintId: number, customerId: number): void {
    this.s.link.run(complaintId, customerId);
  }

  customerOf(complaintId: number): number | undefined {
    return this.s.customerOf.pluck().get(complaintId) as number | undefined;
  }

  unlinked(): UnlinkedComplaint[] {
    return this.s.unlinked.all() as UnlinkedComplaint[];
  }

  complaints(id: number, scope: Scope): CustomerComplaintRow[] {
    return this.s.complaints.all({ id, ...scope }) as CustomerComplaintRow[];
  }

  events(id: number, scope: Scope): CustomerEventRow[] {
    return this.s.events.all({ id, ...scope }) as CustomerEventRow[];
  }

  ratings(id: number, scope: Scope): CustomerRatingRow[] {
    return this.s.ratings.all({ id, ...scope }) as CustomerRatingRow[];
  }

  searchEmail(fragment: string, scope: Scope, limit: number): CustomerRow[] {
    return this.s.byEmailLike.all({ like: `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit, ...scope }) as CustomerRow[];
  }

  /** Customers with this number in E.164, or whose number ends with these digits (a number typed without its country code). */
  searchPhone(e164: string | null, digits: string, scope: Scope, limit: number): CustomerRow[] {
    return this.s.byPhoneTail.all({ phone: e164, tail: `%${digits}`, limit, ...scope }) as CustomerRow[];
  }

  byReference(reference: string, scope: Scope): CustomerRow[] {
    return this.s.byReference.all({ reference, ...scope }) as CustomerRow[];
  }

  /** Customers sharing trigrams with a name, most shared first, with what scoring them needs. */
  nameCandidates(grams: string[], scope: Scope, limit: number): Array<{ id: number; nameFolded: string; gramCount: number; shared: number }> {
    return this.s.nameCandidates.all({ grams: JSON.stringify(grams), limit, ...scope }) as Array<{ id: number; nameFolded: string; gramCount: number; shared: number }>;
  }

  sameName(id: number, nameFolded: string, scope: Scope): CustomerRow[] {
    return this.s.sameName.all({ id, name: nameFolded, ...scope }) as CustomerRow[];
  }

  /** Moves every complaint of `from` to `into`; returns the complaints moved. */
  moveAll(from: number, into: number): number[] {
    return this.s.move.pluck().all({ from, into }) as number[];
  }

  /** Moves one complaint back, only if it is still where the merge put it. */
  moveBack(complaint: number, from: number, to: number): void {
    this.s.moveOne.run({ complaint, from, to });
  }

  setMergedInto(id: number, into: number | null, at: string): void {
    this.s.setMerged.run({ id, into, at });
  }

  /** Empties a field a merge filled, unless it has changed since. */
  clearFilled(id: number, field: MergeRow['filled'][number]['field'], value: string): void {
    const statement = { email: this.s.clearEmail, phone: this.s.clearPhone, name: this.s.clearName }[field];
    statement.run({ id, value });
    if (field === 'name') this.s.clearGrams.run(id);
  }

  /** Records that two customers are not one person; false when that was already recorded. */
  markNotDuplicates(a: number, b: number, at: string, actorId: number): boolean {
    return this.s.notDuplicates.run({ a, b, at, actorId }).changes === 1;
  }

  addMerge(m: Omit<MergeRow, 'id' | 'undoneAt'>): number {
    return Number(this.s.addMerge.run({ ...m, complaintIds: JSON.stringify(m.complaintIds), filled: JSON.stringify(m.filled) }).lastInsertRowid);
  }

  getMerge(id: number): MergeRow | undefined {
    const row = this.s.getMerge.get(id) as (Omit<MergeRow, 'complaintIds' | 'filled'> & { complaintIds: string; filled: string }) | undefined;
    return row && toMerge(row);
  }

  mergesInto(id: number): MergeRow[] {
    return (this.s.mergesInto.all(id) as Array<Omit<MergeRow, 'complaintIds' | 'filled'> & { complaintIds: string; filled: string }>).map(toMerge);
  }

  markUndone(id: number, at: string, by: number): boolean {
    return this.s.undone.run({ id, at, by }).changes === 1;
  }
}

function toMerge(row: Omit<MergeRow, 'complaintIds' | 'filled'> & { complaintIds: string; filled: string }): MergeRow {
  return { ...row, complaintIds: JSON.parse(row.complaintIds) as number[], filled: JSON.parse(row.filled) as MergeRow['filled'] };
}
