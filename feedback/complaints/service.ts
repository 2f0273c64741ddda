import type { Db } from '@core/db/database.ts';
import { products, productIds } from '@core/content/products.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { messages } from '@core/i18n/messages.ts';
import { isComplaintCategory, type ComplaintCategory } from '@core/content/complaint-categories.ts';
import type { ClassificationService, ClassifyResult } from '../classification/service.ts';
import type { Clock } from '../clock.ts';
import type { Deadlines } from '../deadlines/deadlines.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { Routing } from '../routing/routing.ts';
import type { Deflection } from '../suggestions/deflection.ts';
import { canMove, isOpen, type Channel, type Complaint, type ComplaintEvent, type Severity, type Status } from './model.ts';
import { ReferenceCounter } from './reference.ts';
import { ComplaintStore, type ListQuery, type ListResult } from './store.ts';
import { fingerprint, hashToken, isTokenShape, newTrackingToken, trackingPath } from './tokens.ts';
import { SearchLinks } from '../search-followups/links.ts';
import type { PublicComplaintInput, StaffComplaintInput } from './validation.ts';
import { ActionError } from '@core/staff/actions.ts';
import { StaffDirectory } from '@core/staff/users.ts';
import { routingConfidence } from '../triage/confidence.ts';
import { alarmMail, alarmRecipients, alarmWebhook, defaultServiceDeskEmail, passedDeadline } from './alarms.ts';

export interface ComplaintServiceDeps {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  routing: Routing;
  deadlines: Deadlines;
  classification: ClassificationService;
  deflection: Deflection;
  /** Public origin for links in mails, without a trailing slash. */
  siteUrl: string;
  /** Gets the overdue alarm of an unassigned complaint (SERVICE_DESK_EMAIL); see ./alarms.ts. */
  serviceDeskEmail?: string;
  /** Below this routing confidence (../triage/confidence.ts) a new complaint goes to the triage queue (no team). */
  triageConfidence?: number;
  /** Called inside the intake transaction with the new complaint's contact details (the customer record links it). */
  onIntake?: (contact: { complaintId: number; email: string | null; phone: string | null; name: string | null; locale: string; at: string }) => void;
  log?: (line: string) => void;
}

export type SubmitResult =
  | { ok: true; complaint: Pick<Complaint, 'id' | 'reference' | 'status' | 'locale'>; token: string; replayed: boolean }
  | { ok: false; reason: 'conflict' };

type Input = (PublicComplaintInput & { channel?: undefined }) | StaffComplaintInput;

interface SubmitOptions {
  channel: Channel;
  recordedBy?: number | null;
  within?: (complaintId: number, at: string) => void;
}

/** Finds a product named in the text when the customer chose "another product, or not sure". */
export function detectProduct(text: string): string | null {
  const folded = text.toLowerCase();
  const byLength = [...productIds].sort((a, b) => products[b].length - products[a].length);
  for (const id of byLength) if (folded.includes(products[id].toLowerCase())) return id;
  return null;
}

function idempotencyHash(key: string): string {
  return hashToken(`idempotency:${key}`);
}

/**
 * Everything that happens to a complaint: intake (one transaction with its outbox rows), the tracking
 * page, staff handling, escalation. Pages and the API call these; the SQL is in ComplaintStore.
 */
export class ComplaintService {
  readonly store: ComplaintStore;
  private readonly references: ReferenceCounter;
  private readonly log: (line: string) => void;
  /** Staff accounts: the assignee's address for overdue alarms. */
  private readonly staff: StaffDirectory;
  private readonly searchLinks: SearchLinks;
  /** One transaction function for every intake, made once: better-sqlite3 builds its wrappers per call of db.transaction(). */
  private readonly atomically: <T>(run: () => T) => T;

  constructor(private readonly deps: ComplaintServiceDeps) {
    const transaction = deps.db.transaction((run: () => unknown) => run());
    this.atomically = <T>(run: () => T) => transaction(run) as T;
    this.store = new ComplaintStore(deps.db);
    this.searchLinks = new SearchLinks(deps.db);
    this.references = new ReferenceCounter(deps.db);
    this.log = deps.log ?? ((line) => console.info(line));
    this.staff = new StaffDirectory(deps.db);
    deps.outbox.on('classify', (payload) => this.retryClassification((payload as { complaintId: number }).complaintId));
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** The customer's private tracking page for a token. */
  trackingUrl(token: string): string {
    return `${this.deps.siteUrl}${trackingPath(token)}`;
  }

  private payloadHash(input: Input): string {
    return fingerprint([input.locale, input.product, input.subject, input.description, input.email, input.orderNumber, input.name, input.phone, input.channel]);
  }

  /**
   * A submission seen before under the same idempotency key: the same complaint again (with a fresh
   * tracking link, since only hashes of the old ones are kept), or a conflict when the content differs.
   */
  replay(input: Input): SubmitResult | undefined {
    if (!input.idempotencyKey) return undefined;
    const existing = this.store.findByIdempotency(idempotencyHash(input.idempotencyKey));
    if (!existing) return undefined;
    if (existing.payloadHash !== this.payloadHash(input)) return { ok: false, reason: 'conflict' };
    const complaint = this.store.get(existing.id)!;
    const token = this.store.issueToken(complaint.id, this.now().toISOString());
    return { ok: true, complaint: { id: complaint.id, reference: complaint.reference, status: complaint.status, locale: complaint.locale }, token, replayed: true };
  }

  /** Classification that cannot lose the complaint: any failure leaves it unclassified, to retry later. */
  private safeClassify(text: string, locale: Locale): ClassifyResult & { failed: boolean } {
    try {
      const r = this.deps.classification.classify(text, locale);
      return { ...r, failed: r.classification.source === 'none' };
    } catch (error) {
      return { category: null, severity: 'medium', classification: { source: 'none', error: error instanceof Error ? error.message : String(error) }, failed: true };
    }
  }

  private safeRoute(category: ComplaintCategory | null, product: string | null, severity: Severity): { teamId: string; ruleId: number | null } {
    try {
      return this.deps.routing.route({ category, product, severity });
    } catch (error) {
      this.log(`[complaints] routing failed, using the service centre: ${error instanceof Error ? error.message : error}`);
      return { teamId: 'service-centre', ruleId: null };
    }
  }

  /** The confidence and threshold when a new complaint should wait for a person; a failed classification is retried instead. */
  private triageReason(classified: ClassifyResult & { failed: boolean }): { confidence: number; threshold: number } | undefined {
    const threshold = this.deps.triageConfidence;
    if (threshold === undefined || classified.failed) return undefined;
    const confidence = routingConfidence(classified);
    return confidence < threshold ? { confidence, threshold } : undefined;
  }

  private safeDueDates(from: Date, category: string | null, severity: Severity): { responseDueAt: string; resolutionDueAt: string } {
    try {
      return this.deps.deadlines.dueDates(from, category, severity);
    } catch {
      return { responseDueAt: new Date(from.getTime() + 12 * 3_600_000).toISOString(), resolutionDueAt: new Date(from.getTime() + 120 * 3_600_000).toISOString() };
    }
  }

  /** Intake from the web form, the JSON API, or staff recording another channel; `within` writes more in the same transaction (attachments). */
  submit(input: Input, options: SubmitOptions): SubmitResult {
    return this.replay(input) ?? this.submitNew(input, options);
  }

  /**
   * As submit(), for a caller that has just called replay() itself (the public intake does, before its
   * rate limit): the key is not looked up a second time. A key taken meanwhile still answers as a replay.
   */
  submitNew(input: Input, options: SubmitOptions): SubmitResult {
    const now = this.now();
    const at = now.toISOString();
    const text = `${input.subject}\n${input.description}`;
    const classified = this.safeClassify(text, input.locale);
    const product = input.product === 'other' ? detectProduct(text) : input.product;
    const triage = this.triageReason(classified);
    const route = triage ? { teamId: null, ruleId: null } : this.safeRoute(classified.category, product, classified.severity);
    // Waiting in triage does not stop the clock: the deadlines start now either way.
    const due = this.safeDueDates(now, classified.category, classified.severity);
    const { outbox, deflection } = this.deps;
    const t = messages(input.locale).complaints;
    const token = newTrackingToken();
    const write = () => this.atomically(() => {
      const reference = this.references.take(now);
      const id = this.store.insert({
        reference,
        createdAt: at,
        locale: input.locale,
        channel: options.channel,
        status: 'new',
        product,
        subject: input.subject,
        description: input.description,
        orderNumber: input.orderNumber ?? null,
        email: input.email ?? null,
        name: input.name ?? null,
        phone: input.phone ?? null,
        consentAt: 'consent' in input ? at : null,
        category: classified.category,
        severity: classified.severity,
        classification: classified.classification,
        teamId: route.teamId,
        responseDueAt: due.responseDueAt,
        resolutionDueAt: due.resolutionDueAt,
        recordedBy: options.recordedBy ?? null,
        idempotencyHash: input.idempotencyKey ? idempotencyHash(input.idempotencyKey) : null,
        payloadHash: input.idempotencyKey ? this.payloadHash(input) : null,
      });
      this.store.saveToken(id, token, at);
      options.within?.(id, at);
      this.deps.onIntake?.({ complaintId: id, email: input.email ?? null, phone: input.phone ?? null, name: input.name ?? null, locale: input.locale, at });
      this.store.addEvent({ complaintId: id, at, kind: 'created', actor: options.recordedBy ? 'staff' : 'customer', actorId: options.recordedBy ?? null, public: true, data: { channel: options.channel } });
      this.store.addEvent({ complaintId: id, at, kind: 'classified', actor: 'system', data: { category: classified.category, severity: classified.severity, source: classified.classification.source } });
      this.store.addEvent({ complaintId: id, at, kind: 'routed', actor: 'system', data: { teamId: route.teamId, ruleId: route.ruleId, ...(triage && { triage }) } });
      if (input.email) {
        outbox.mail({ to: input.email, subject: t.mail.confirmationSubject(reference), text: t.mail.confirmationBody(reference, this.trackingUrl(token), input.subject), label: `confirmation ${reference}`, automatic: true }, id);
      }
      if (classified.failed) outbox.enqueue('classify', { complaintId: id }, id);
      if ('suggestionSession' in input) deflection.submitted(input.suggestionSession);
      if ('searchId' in input && input.searchId) this.searchLinks.record(id, input.searchId);
      return { id, reference };
    });
    let written: { id: number; reference: string };
    try {
      written = write();
    } catch (error) {
      // Two requests with one key raced (another process won): answer as a replay.
      if (input.idempotencyKey && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const again = this.replay(input);
        if (again) return again;
      }
      throw error;
    }
    outbox.kick();
    return { ok: true, complaint: { id: written.id, reference: written.reference, status: 'new', locale: input.locale }, token, replayed: false };
  }

  // ----- The customer's side: the tracking page -----

  /** The complaint behind a tracking link, or undefined (also for malformed tokens, without a lookup). */
  byToken(token: string | undefined): Complaint | undefined {
    return isTokenShape(token) ? this.store.findByToken(token) : undefined;
  }

  publicTimeline(complaintId: number): ComplaintEvent[] {
    return this.store.events(complaintId, { publicOnly: true });
  }

  /** A message from the customer (tracking page, or a mail): reopens a complaint that waited for them, was resolved or closed. */
  customerReply(complaint: Complaint, message: string, via?: Extract<Channel, 'email'>): void {
    const now = this.now();
    const at = now.toISOString();
    this.deps.db.transaction(() => {
      this.store.addEvent({ complaintId: complaint.id, at, kind: 'customer-reply', actor: 'customer', public: true, body: message, ...(via ? { data: { channel: via } } : {}) });
      const patch: Parameters<ComplaintStore['update']>[1] = { responseDueAt: this.deps.deadlines.responseDue(now, complaint.category, complaint.severity) };
      if (complaint.status === 'waiting-for-customer' || complaint.status === 'resolved' || complaint.status === 'closed') {
        patch.status = 'in-progress';
        patch.resolvedAt = null;
        if (complaint.status !== 'waiting-for-customer') {
          patch.resolutionDueAt = this.safeDueDates(now, complaint.category, complaint.severity).resolutionDueAt;
          patch.escalatedAt = null;
        }
        this.store.addEvent({ complaintId: complaint.id, at, kind: 'status', actor: 'customer', public: true, data: { from: complaint.status, to: 'in-progress', reopened: complaint.status !== 'waiting-for-customer' } });
      }
      this.store.update(complaint.id, patch, at);
    })();
  }

  // ----- Staff -----

  get(id: number): Complaint | undefined {
    return this.store.get(id);
  }

  timeline(complaintId: number): ComplaintEvent[] {
    return this.store.events(complaintId);
  }

  list(q: ListQuery): ListResult {
    return this.store.list(q, this.now().toISOString());
  }

  counts(teamScope?: readonly string[]) {
    return this.store.counts(this.now().toISOString(), teamScope);
  }

  private require(id: number): Complaint {
    const c = this.store.get(id);
    if (!c) throw new ActionError('complaint', 'This complaint does not exist.', 404);
    return c;
  }

  /** A reply to the customer: shown on the tracking page and mailed with a fresh tracking link. */
  reply(id: number, staffId: number, message: string, nextStatus?: Status): void {
    const c = this.require(id);
    const text = message.trim();
    if (!text) throw new ActionError('message', 'Write the reply first.');
    if (text.length > 5000) throw new ActionError('message', 'A reply can be at most 5000 characters.');
    if (nextStatus && nextStatus !== c.status && !canMove(c.status, nextStatus)) {
      throw new ActionError('status', `A complaint that is ${c.status} cannot move to ${nextStatus}.`);
    }
    const now = this.now();
    const at = now.toISOString();
    this.deps.db.transaction(() => {
      this.store.addEvent({ complaintId: id, at, kind: 'reply', actor: 'staff', actorId: staffId, public: true, body: text });
      const patch: Parameters<ComplaintStore['update']>[1] = { responseDueAt: null, firstResponseAt: c.firstResponseAt ?? at };
      // Answering lifts an escalation, unless the resolution deadline itself has passed.
      if (c.escalatedAt && !(c.resolutionDueAt && c.resolutionDueAt <= at)) patch.escalatedAt = null;
      if (nextStatus && nextStatus !== c.status) this.applyStatus(c, nextStatus, staffId, at, patch);
      this.store.update(id, patch, at);
      if (c.email) {
        const token = this.store.issueToken(id, at);
        const t = messages(c.locale).complaints;
        // A reply that resolves the complaint is the mail saying so, with the invitation to rate it.
        if (nextStatus === 'resolved' && c.status !== 'resolved' && !this.rated(id)) this.deps.outbox.mail(this.resolvedMail(c, token, text), id);
        else this.deps.outbox.mail({ to: c.email, subject: t.mail.replySubject(c.reference), text: t.mail.replyBody(c.reference, this.trackingUrl(token), text), label: `reply ${c.reference}` }, id);
      }
    })();
    this.deps.outbox.kick();
  }

  note(id: number, staffId: number, text: string): void {
    this.require(id);
    const body = text.trim();
    if (!body) throw new ActionError('note', 'Write the note first.');
    if (body.length > 5000) throw new ActionError('note', 'A note can be at most 5000 characters.');
    const at = this.now().toISOString();
    this.store.addEvent({ complaintId: id, at, kind: 'note', actor: 'staff', actorId: staffId, body });
    this.store.update(id, {}, at);
  }

  assign(id: number, staffId: number, assigneeId: number | null): void {
    const c = this.require(id);
    if (c.assigneeId === assigneeId) return;
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      const patch: Parameters<ComplaintStore['update']>[1] = { assigneeId };
      this.store.addEvent({ complaintId: id, at, kind: 'assigned', actor: 'staff', actorId: staffId, data: { from: c.assigneeId, to: assigneeId } });
      if (assigneeId !== null && c.status === 'new') this.applyStatus(c, 'triaged', staffId, at, patch);
      this.store.update(id, patch, at);
    })();
  }

  setStatus(id: number, staffId: number, status: Status): void {
    const c = this.require(id);
    if (c.status === status) return;
    if (!canMove(c.status, status)) throw new ActionError('status', `A complaint that is ${c.status} cannot move to ${status}.`);
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      const patch: Parameters<ComplaintStore['update']>[1] = {};
      this.applyStatus(c, status, staffId, at, patch);
      this.store.update(id, patch, at);
      if (status === 'resolved' && c.email && !this.rated(id)) this.deps.outbox.mail(this.resolvedMail(c, this.store.issueToken(id, at)), id);
    })();
    this.deps.outbox.kick();
  }

  /** Customer satisfaction (feedback/satisfaction): a complaint is rated once, so a rated one is not invited again. */
  private rated(id: number): boolean {
    return this.store.events(id).some((e) => e.kind === 'rated');
  }

  /** The mail saying the complaint is resolved (with the reply that resolved it) and inviting a 1–5 rating on the tracking page. */
  private resolvedMail(c: Complaint, token: string, reply: string | null = null) {
    const t = messages(c.locale).complaints.satisfaction.mail;
    return { to: c.email!, subject: t.subject(c.reference), text: t.body(c.reference, `${this.trackingUrl(token)}#satisfaction`, reply), label: `resolved ${c.reference}` };
  }

  private applyStatus(c: Complaint, to: Status, staffId: number, at: string, patch: Parameters<ComplaintStore['update']>[1]): void {
    patch.status = to;
    if (to === 'resolved' || to === 'closed') {
      patch.resolvedAt = c.resolvedAt ?? at;
      patch.responseDueAt = null;
      patch.escalatedAt = null;
    } else if (!isOpen(c.status)) {
      // Reopened by staff: a fresh resolution deadline.
      patch.resolvedAt = null;
      patch.resolutionDueAt = this.safeDueDates(new Date(at), c.category, c.severity).resolutionDueAt;
    }
    this.store.addEvent({ complaintId: c.id, at, kind: 'status', actor: 'staff', actorId: staffId, public: true, data: { from: c.status, to } });
  }

  /** Moves the complaint to another team; the reason is kept in the timeline. */
  reroute(id: number, staffId: number, teamId: string, reason: string): void {
    const c = this.require(id);
    if (!this.deps.routing.team(teamId)) throw new ActionError('teamId', 'Choose a team from the list.');
    const why = reason.trim();
    if (!why) throw new ActionError('reason', 'Say why the complaint moves to another team.');
    if (why.length > 500) throw new ActionError('reason', 'The reason can be at most 500 characters.');
    if (teamId === c.teamId) throw new ActionError('teamId', 'The complaint is already with this team.');
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      this.store.addEvent({ complaintId: id, at, kind: 'rerouted', actor: 'staff', actorId: staffId, body: why, data: { from: c.teamId, to: teamId } });
      this.store.update(id, { teamId }, at);
    })();
  }

  /**
   * The service desk decides a complaint from the triage queue: category, severity and team at once. The
   * classifier learns the category even when it had guessed it, since it was unsure.
   */
  triage(id: number, staffId: number, input: { category: string; severity: Severity; teamId: string }): void {
    const c = this.require(id);
    if (c.teamId !== null) throw new ActionError('complaint', 'This complaint has already left the triage queue.', 409);
    if (!this.deps.routing.team(input.teamId)) throw new ActionError('teamId', 'Choose a team from the list.');
    if (!isComplaintCategory(input.category)) throw new ActionError('category', 'Choose a category from the list.');
    const at = this.now().toISOString();
    this.deps.db.transaction(() => {
      this.reclassify(id, staffId, { category: input.category, severity: input.severity }, { learn: false });
      this.store.addEvent({ complaintId: id, at, kind: 'rerouted', actor: 'staff', actorId: staffId, body: 'Triage: team chosen by the service desk', data: { from: null, to: input.teamId, triage: true } });
      this.store.update(id, { teamId: input.teamId }, at);
    })();
    this.learn(c, input.category);
  }

  private learn(c: Complaint, category: ComplaintCategory): void {
    try {
      this.deps.classification.correct({ text: `${c.subject}\n${c.description}`, locale: c.locale, label: category });
    } catch (error) {
      this.log(`[complaints] the classifier could not learn the correction: ${error instanceof Error ? error.message : error}`);
    }
  }

  /**
   * A person sets the category (and severity): the classifier learns from it at once, deadlines follow
   * the new severity and, when asked, the routing rules are applied again.
   */
  reclassify(id: number, staffId: number, input: { category: string; severity: Severity; product?: string | null; applyRouting?: boolean }, options: { learn: boolean } = { learn: true }): void {
    const c = this.require(id);
    if (!isComplaintCategory(input.category)) throw new ActionError('category', 'Choose a category from the list.');
    const category = input.category;
    const product = input.product === undefined ? c.product : input.product;
    if (product !== null && !(productIds as readonly string[]).includes(product)) throw new ActionError('product', 'Choose a product from the list.');
    const now = this.now();
    const at = now.toISOString();
    const due = this.safeDueDates(new Date(c.createdAt), category, input.severity);
    const route = input.applyRouting ? this.safeRoute(category, product, input.severity) : undefined;
    this.deps.db.transaction(() => {
      const classification = { ...(c.classification ?? { source: 'none' as const }), source: 'staff' as const };
      delete classification.error;
      this.store.addEvent({
        complaintId: id,
        at,
        kind: 'reclassified',
        actor: 'staff',
        actorId: staffId,
        data: { from: { category: c.category, severity: c.severity, product: c.product }, to: { category, severity: input.severity, product } },
      });
      this.store.update(id, {
        category,
        severity: input.severity,
        product,
        classification,
        responseDueAt: c.firstResponseAt ? c.responseDueAt : due.responseDueAt,
        resolutionDueAt: due.resolutionDueAt,
      }, at);
      if (route && route.teamId !== c.teamId) {
        this.store.addEvent({ complaintId: id, at, kind: 'rerouted', actor: 'system', body: 'Routing rules applied after reclassification', data: { from: c.teamId, to: route.teamId, ruleId: route.ruleId } });
        this.store.update(id, { teamId: route.teamId }, at);
      }
    })();
    if (options.learn && category !== c.category) this.learn(c, category);
  }

  /** Outbox handler: classifies a complaint whose classification failed at intake. */
  retryClassification(complaintId: number): void {
    const c = this.store.get(complaintId);
    if (!c || c.category || c.classification?.source === 'staff') return;
    const r = this.deps.classification.classify(`${c.subject}\n${c.description}`, c.locale);
    if (!r.category) throw new Error(r.classification.error ?? 'still no category');
    const now = this.now();
    const at = now.toISOString();
    const due = this.safeDueDates(new Date(c.createdAt), r.category, r.severity);
    const route = this.safeRoute(r.category, c.product, r.severity);
    this.deps.db.transaction(() => {
      this.store.addEvent({ complaintId, at, kind: 'classified', actor: 'system', data: { category: r.category, severity: r.severity, source: r.classification.source, retry: true } });
      this.store.update(complaintId, {
        category: r.category,
        severity: r.severity,
        classification: r.classification,
        responseDueAt: c.firstResponseAt ? c.responseDueAt : due.responseDueAt,
        resolutionDueAt: due.resolutionDueAt,
      }, at);
      if (route.teamId !== c.teamId) {
        this.store.addEvent({ complaintId, at, kind: 'routed', actor: 'system', data: { from: c.teamId, teamId: route.teamId, ruleId: route.ruleId } });
        this.store.update(complaintId, { teamId: route.teamId }, at);
      }
    })();
  }

  // ----- Deadlines -----

  /**
   * Marks every open complaint past a deadline as escalated, notes it in the timeline and raises the
   * alarm (./alarms.ts): a mail to the assigned agent or the service desk on duty, the team lead copied or
   * told in the daily digest, and the alert webhook when configured; no customer details in either.
   * Returns the references escalated.
   */
  escalateOverdue(): string[] {
    const now = this.now();
    const at = now.toISOString();
    const escalated: string[] = [];
    const serviceDesk = this.deps.serviceDeskEmail ?? defaultServiceDeskEmail;
    for (const c of this.store.overdue(at)) {
      const { which, due } = passedDeadline(c, at)!;
      const team = this.deps.routing.team(c.teamId);
      const recipients = alarmRecipients(c, team, this.staff, serviceDesk);
      const alarm = { complaint: c, team, which, due, recipients, siteUrl: this.deps.siteUrl };
      this.deps.db.transaction(() => {
        this.store.addEvent({
          complaintId: c.id,
          at,
          kind: 'escalated',
          actor: 'system',
          data: { deadline: which, due, teamId: c.teamId, lead: recipients.lead, alarm: recipients.role, to: recipients.to, cc: recipients.cc, leadDigest: recipients.leadInDigest },
        });
        this.store.update(c.id, { escalatedAt: at }, at);
        this.deps.outbox.mail(alarmMail(alarm), c.id);
        if (this.deps.outbox.hasWebhook) this.deps.outbox.webhook(alarmWebhook(alarm), c.id);
      })();
      escalated.push(c.reference);
    }
    if (escalated.length) {
      this.log(`[complaints] escalated ${escalated.length} overdue complaint${escalated.length === 1 ? '' : 's'}: ${escalated.join(', ')}`);
      this.deps.outbox.kick();
    }
    return escalated;
  }
}
