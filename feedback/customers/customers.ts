import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { ActionError, runAction, type ActionResult } from '@core/staff/actions.ts';
import type { StaffDirectory, StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import type { Routing } from '../routing/routing.ts';
import { textAsSeenBy } from '../complaints/access.ts';
import { customerAccess, customerAsSeenBy, type CustomerAccess, type CustomerView } from './access.ts';
import { foldName, gramSimilarity, nameGrams, nameMatches, normaliseEmail, normalisePhone, similarContacts } from './identity.ts';
import { CustomerStore, type CustomerComplaintRow, type CustomerEventRow, type CustomerRatingRow, type MergeRow } from './store.ts';

/** The contact details a complaint arrived with: what intake hands to `attach`. */
export interface IntakeContact {
  complaintId: number;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string;
  at: string;
}

export interface CustomerSummary extends CustomerView {
  complaints: Array<Pick<CustomerComplaintRow, 'id' | 'reference' | 'channel' | 'status'>>;
}

export interface CustomerRecord {
  access: CustomerAccess;
  customer: CustomerView;
  complaints: CustomerComplaintRow[];
  /** Messages, notes, ratings and status changes of all the customer's complaints, newest first (at most 200). */
  timeline: CustomerEventRow[];
  ratings: CustomerRatingRow[];
  notes: CustomerEventRow[];
  /** Staff names of the timeline. */
  names: Map<number, string>;
  /** Other records that are probably the same person; only for those who may merge. */
  duplicates: CustomerView[];
  /** Merges into this record that can be undone; only for those who may merge. */
  merges: Array<MergeRow & { from: CustomerView | undefined }>;
}

export interface CustomersDeps {
  db: Db;
  clock: Clock;
  routing: Routing;
  staff: StaffDirectory;
  /** Region for phone numbers written without a country code (ISO 3166 code, e.g. FI). */
  phoneRegion: CountryCode;
}

const searchLimit = 25;
const idField = (field: string) => z.string().trim().regex(/^\d{1,12}$/, `Choose a customer record (${field}).`).transform(Number);
const customerForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('merge'), from: idField('from') }),
  z.object({ action: z.literal('undo-merge'), merge: z.string().trim().regex(/^\d{1,12}$/, 'Choose a merge to undo.').transform(Number) }),
  z.object({ action: z.literal('not-duplicate'), other: idField('other') }),
], { errorMap: (issue, ctx) => ({ message: issue.code === 'invalid_union_discriminator' ? 'Unknown action.' : ctx.defaultError }) });
export type CustomerAction = z.infer<typeof customerForm>['action'];

/**
 * One record per customer across every channel: intake attaches each complaint to it, staff find it by
 * email, phone, name or reference, see the whole history, and merge records that are one person (and
 * undo such merges). What each person sees is decided by `customerAccess`, in the queries.
 */
export class Customers {
  readonly store: CustomerStore;

  constructor(private readonly deps: CustomersDeps) {
    this.store = new CustomerStore(deps.db);
  }

  access(member: StaffMember): CustomerAccess {
    return customerAccess(member, this.deps.routing);
  }

  /**
   * Links a new complaint to its customer: the one with the same email address, else the same phone
   * number, else a new record. Runs inside the intake transaction, so a complaint is never without one.
   */
  attach(c: IntakeContact): number {
    const email = normaliseEmail(c.email);
    const phone = normalisePhone(c.phone, this.deps.phoneRegion);
    const name = c.name?.trim() || null;
    const found = (email && this.store.idByEmail(email)) || (phone && this.store.idByPhone(phone)) || undefined;
    let id: number;
    if (found) {
      id = this.store.root(found);
      this.store.fill(id, { at: c.at, email, phone, locale: c.locale });
      if (name && !this.store.get(id)?.name) this.store.setName(id, name, foldName(name), c.at);
    } else {
      id = this.store.create({ at: c.at, email, phone, name, nameFolded: foldName(name), locale: c.locale });
    }
    this.store.link(c.complaintId, id);
    return id;
  }

  /** Gives every complaint without a customer one, oldest first; running it again changes nothing. */
  linkUnlinked(): number {
    return this.deps.db.transaction(() => {
      const rows = this.store.unlinked();
      for (const r of rows) this.attach({ complaintId: r.id, email: r.email, phone: r.phone, name: r.name, locale: r.locale, at: r.createdAt });
      return rows.length;
    })();
  }

  /**
   * Customers matching `q`, as this person may see them: a complaint reference, part of an email address,
   * a phone number (any common notation, or its last digits), or a name with typos and without accents.
   */
  search(member: StaffMember, q: string): CustomerSummary[] {
    const access = this.access(member);
    const query = q.trim().slice(0, 200);
    if (!query) return [];
    const { scope } = access;
    let rows;
    if (/^C-\d{4}-\d{1,9}$/i.test(query)) rows = this.store.byReference(query.toUpperCase(), scope);
    else if (query.includes('@')) rows = this.store.searchEmail(query.toLowerCase(), scope, searchLimit);
    else if (/^\+?[\d\s().-]{5,40}$/.test(query)) {
      const digits = query.replace(/\D/g, '');
      rows = this.store.searchPhone(normalisePhone(query, this.deps.phoneRegion), digits.replace(/^0+/, ''), scope, searchLimit);
    } else rows = this.byName(query, access);
    return rows.map((r) => ({
      ...customerAsSeenBy(access, r),
      complaints: this.store.complaints(r.id, scope).map(({ id, reference, channel, status }) => ({ id, reference, channel, status })),
    }));
  }

  private byName(query: string, access: CustomerAccess) {
    const folded = foldName(query);
    const grams = nameGrams(folded);
    if (!grams.length) return [];
    const scored = this.store
      .nameCandidates(grams, access.scope, 500)
      .map((c) => ({ ...c, score: gramSimilarity(c.shared, grams.length, c.gramCount) }))
      .filter((c) => nameMatches(folded, c.nameFolded, c.score));
    return scored
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, searchLimit)
      .map((c) => this.store.get(c.id)!);
  }

  /** The whole record, or undefined when missing, merged away or outside the person's scope. */
  record(member: StaffMember, key: string | undefined): CustomerRecord | undefined {
    const access = this.access(member);
    if (!/^\d{1,12}$/.test(key ?? '')) return undefined;
    const row = this.store.getVisible(Number(key), access.scope);
    if (!row) return undefined;
    const { scope } = access;
    const events = this.store.events(row.id, scope).map((e) => ({ ...e, body: e.body && textAsSeenBy(access, e.body) }));
    const merges = access.handle ? this.store.mergesInto(row.id).filter((m) => !m.undoneAt) : [];
    return {
      access,
      customer: customerAsSeenBy(access, row),
      complaints: this.store.complaints(row.id, scope),
      timeline: events.filter((e) => e.kind !== 'note'),
      notes: events.filter((e) => e.kind === 'note'),
      ratings: this.store.ratings(row.id, scope).map((r) => ({ ...r, comment: r.comment && textAsSeenBy(access, r.comment) })),
      names: this.deps.staff.names(events.map((e) => e.actorId)),
      duplicates: access.handle && !row.mergedInto ? this.duplicatesOf(row.id, access) : [],
      merges: merges.map((m) => {
        const from = this.store.get(m.fromId);
        return { ...m, from: from && customerAsSeenBy(access, from) };
      }),
    };
  }

  /** Same folded name and a similar email address or phone number: probably one person. */
  private duplicatesOf(id: number, access: CustomerAccess): CustomerView[] {
    const self = this.store.get(id);
    if (!self?.nameFolded) return [];
    return this.store
      .sameName(id, self.nameFolded, access.scope)
      .filter((other) => similarContacts(self, other))
      .map((other) => customerAsSeenBy(access, other));
  }

  /** The customer of a complaint the person can open, and how many other complaints of theirs the person may see. */
  forComplaint(member: StaffMember, complaintId: number): { customerId: number; others: number } | undefined {
    const access = this.access(member);
    const id = this.store.customerOf(complaintId);
    if (id === undefined || !this.store.getVisible(id, access.scope)) return undefined;
    return { customerId: id, others: this.store.complaints(id, access.scope).filter((c) => c.id !== complaintId).length };
  }

  /**
   * A staff action on a customer record (`action` says which): merge another record into this one, undo
   * a merge into it, or dismiss a suggested duplicate as another person. Each needs `complaints:handle`
   * and is audited in its transaction.
   */
  act(member: StaffMember, customerId: number, form: Record<string, string>): ActionResult<CustomerAction> {
    return runAction(this.deps.db, member, 'complaints:handle', () => {
      const access = this.access(member);
      const into = this.store.getVisible(customerId, access.scope);
      if (!into) throw new ActionError('customer', 'This customer record does not exist.', 404);
      const input = customerForm.parse(form);
      const at = this.deps.clock.now().toISOString();
      if (input.action === 'merge') {
        const from = this.store.getVisible(input.from, access.scope);
        if (!from || from.id === into.id) throw new ActionError('from', 'Choose another customer record to merge into this one.');
        if (into.mergedInto || from.mergedInto) throw new ActionError('from', 'One of these records was already merged into another.', 409);
        const filled: MergeRow['filled'] = [];
        for (const field of ['email', 'phone'] as const) if (!into[field] && from[field]) filled.push({ field, value: from[field]! });
        if (!into.name && from.name) filled.push({ field: 'name', value: from.name });
        const complaintIds = this.store.moveAll(from.id, into.id);
        this.store.fill(into.id, { at, email: from.email, phone: from.phone, locale: null });
        if (!into.name && from.name) this.store.setName(into.id, from.name, from.nameFolded, at);
        this.store.setMergedInto(from.id, into.id, at);
        const mergeId = this.store.addMerge({ at, actorId: member.id, fromId: from.id, intoId: into.id, complaintIds, filled });
        return { value: input.action, audit: { action: 'customer.merge', objectType: 'customer', objectId: String(into.id), detail: { from: from.id, merge: mergeId, complaints: complaintIds.length } } };
      }
      if (input.action === 'not-duplicate') {
        const other = this.store.getVisible(input.other, access.scope);
        if (!other || other.id === into.id) throw new ActionError('other', 'Choose another customer record.');
        if (!this.store.markNotDuplicates(into.id, other.id, at, member.id)) throw new ActionError('other', 'These records were already marked as different people.', 409);
        return { value: input.action, audit: { action: 'customer.not-duplicate', objectType: 'customer', objectId: String(into.id), detail: { other: other.id } } };
      }
      const merge = this.store.getMerge(input.merge);
      if (!merge || merge.intoId !== into.id) throw new ActionError('merge', 'This merge does not exist.', 404);
      if (merge.undoneAt) throw new ActionError('merge', 'This merge was already undone.', 409);
      if (into.mergedInto) throw new ActionError('merge', 'This record was merged into another since: undo that merge first.', 409);
      for (const complaint of merge.complaintIds) this.store.moveBack(complaint, into.id, merge.fromId);
      for (const { field, value } of merge.filled) this.store.clearFilled(into.id, field, value);
      this.store.setMergedInto(merge.fromId, null, at);
      this.store.markUndone(merge.id, at, member.id);
      return { value: input.action, audit: { action: 'customer.undo-merge', objectType: 'customer', objectId: String(into.id), detail: { from: merge.fromId, merge: merge.id, complaints: merge.complaintIds.length } } };
    });
  }
}
