import { z } from 'zod';
import { productIds } from '@core/content/products.ts';
import type { Db } from '@core/db/database.ts';
import { ActionError, runAction, type ActionResult, type AuditNote } from '@core/staff/actions.ts';
import type { StaffDirectory, StaffMember } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import type { Routing, Team } from '../routing/routing.ts';
import type { AnswerFinder } from '@core/answers/port.ts';
import { placeholdersIn } from '@core/content/placeholders.ts';
import { asSeenBy, complaintAccess, textAsSeenBy, type ComplaintAccess } from './access.ts';
import { AnswerUses } from './answer-uses.ts';
import { filled, placeholderValues, suggestAnswers, type SuggestedAnswer, type Suggestions } from './answers.ts';
import { severities, statuses, type Complaint, type ComplaintEvent } from './model.ts';
import type { ComplaintService, SubmitResult } from './service.ts';
import type { ListQuery, ListResult } from './store.ts';
import { inboxFilter } from './inbox.ts';
import { countIntake } from '../intake/metrics.ts';
import { fieldProblems, idempotencyKeyPattern, staffComplaintSchema, staffMessage, type StaffComplaintInput } from './validation.ts';

/** The staff forms on a complaint page, one per `action`. */
export const handlingActions = ['reply', 'note', 'assign', 'status', 'reroute', 'reclassify'] as const;
export type HandlingAction = (typeof handlingActions)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { errorMap: () => ({ message }) });
const text = z.string().default('');

const handlingForm = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('reply'),
    message: text,
    nextStatus: z.union([z.literal(''), z.enum(statuses)]).catch('').default(''),
    /** The suggested answer the reply started from (`<locale>/<slug>`), counted for editors. */
    answerId: z.string().regex(/^[a-zA-Z-]{2,7}\/[a-z0-9-]{1,100}$/).optional().catch(undefined),
  }),
  z.object({ action: z.literal('note'), note: text }),
  z.object({ action: z.literal('assign'), assigneeId: z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, 'Choose someone who handles complaints.')]).default('') }),
  z.object({ action: z.literal('status'), status: choice(statuses, 'Choose a status from the list.') }),
  z.object({ action: z.literal('reroute'), teamId: text, reason: text }),
  z.object({
    action: z.literal('reclassify'),
    category: text,
    severity: choice(severities, 'Choose a severity.'),
    product: z.string().optional(),
    applyRouting: z.literal('1').optional(),
  }),
], { errorMap: (issue, ctx) => ({ message: issue.code === 'invalid_union_discriminator' ? 'Unknown action.' : ctx.defaultError }) });

export interface ComplaintPage {
  access: ComplaintAccess;
  /** As this person may read it (masked for roles without `complaints:read-pii`). */
  complaint: Complaint;
  events: ComplaintEvent[];
  /** Names of the staff in the timeline, the assignee and whoever recorded it. */
  names: Map<number, string>;
  team: Team | undefined;
}

export interface ReplyDraft {
  reference: string;
  eventId: number;
  locale: Complaint['locale'];
  product: string | null;
  category: Complaint['category'];
  /** The complaint's subject, with contact details masked: the draft's working title. */
  subject: string;
  /** The reply with placeholders for the customer, the reference and the agent. */
  reply: string;
}

export interface RecordedComplaint {
  id: number;
  reference: string;
  /** The customer's private tracking link, to read out or send (shown once). */
  trackingUrl: string;
  mailed: boolean;
}

export interface HandlingDeps {
  db: Db;
  clock: Clock;
  /** Suggested answers from the knowledge base (site/lib/app.ts wires the search engine in); none in some tests. */
  answers?: AnswerFinder;
  log?: (line: string) => void;
  complaints: ComplaintService;
  routing: Routing;
  staff: StaffDirectory;
}

/**
 * The staff side of complaints: what a person may list and open (through `complaintAccess`, applied in
 * the query), and every action staff take on a complaint, each validated, permission-checked and
 * written with its audit entry in one transaction.
 */
export class ComplaintHandling {
  readonly answerUses: AnswerUses;

  constructor(private readonly deps: HandlingDeps) {
    this.answerUses = new AnswerUses(deps.db);
  }

  access(member: StaffMember): ComplaintAccess {
    return complaintAccess(member, this.deps.routing);
  }

  /**
   * The inbox for this person, filtered by the query string: only their scope's complaints, masked as
   * their role requires, one page of them (a page past the end shows the last one).
   */
  inbox(member: StaffMember, params: URLSearchParams, pageSize = 25) {
    const access = this.access(member);
    const filter = inboxFilter(params);
    const teams = this.teams(member);
    const teamId = teams.some((t) => t.id === filter.team) ? filter.team : undefined;
    const query: ListQuery = {
      status: filter.status,
      teamId,
      teamScope: access.teams,
      category: filter.category,
      product: filter.product,
      channel: filter.channel,
      overdue: !!filter.overdue,
      assigneeId: filter.mine ? member.id : undefined,
      q: filter.q || undefined,
      // A masked reader's search sees only what they are shown, so it cannot test for hidden words.
      masked: !access.pii,
      pageSize,
    };
    const requested = filter.page && filter.page >= 1 ? filter.page : 1;
    let found: ListResult = this.deps.complaints.list({ ...query, page: requested });
    const pages = Math.max(1, Math.ceil(found.total / pageSize));
    const page = Math.min(requested, pages);
    if (page !== requested) found = this.deps.complaints.list({ ...query, page });
    return {
      access,
      filter: { ...filter, team: teamId },
      teams,
      rows: found.rows.map((c) => asSeenBy(access, c)),
      total: found.total,
      page,
      pages,
      counts: this.deps.complaints.counts(access.teams),
    };
  }

  /** The teams this person's complaints can be with (the inbox's team filter). */
  teams(member: StaffMember): Team[] {
    const { teams } = this.access(member);
    return this.deps.routing.teams().filter((t) => !teams || teams.includes(t.id));
  }

  /** A complaint by number or reference, with its timeline; undefined when missing or outside the person's scope. */
  open(member: StaffMember, key: string | undefined): ComplaintPage | undefined {
    const access = this.access(member);
    const lookup = /^\d{1,12}$/.test(key ?? '') ? Number(key) : /^[A-Z0-9-]{6,40}$/.test(key ?? '') ? key! : undefined;
    const found = lookup === undefined ? undefined : this.deps.complaints.store.getInScope(lookup, access.teams);
    if (!found) return undefined;
    const events = this.deps.complaints.timeline(found.id);
    return {
      access,
      complaint: asSeenBy(access, found),
      events: events.map((e) => (e.body ? { ...e, body: textAsSeenBy(access, e.body, found.name) } : e)),
      names: this.deps.staff.names([...events.map((e) => e.actorId), found.assigneeId, found.recordedBy]),
      team: this.deps.routing.team(found.teamId),
    };
  }

  /** Active people whose role may handle complaints: whom a complaint can be assigned to. */
  handlers(): Array<{ id: number; name: string }> {
    return this.deps.staff.withPermission('complaints:handle').map((u) => ({ id: u.id, name: u.name }));
  }

  /** One of the forms on the complaint page (`action` says which), on a complaint the person can open. */
  act(member: StaffMember, complaintId: number, form: Record<string, string>): ActionResult<HandlingAction> {
    return runAction(this.deps.db, member, 'complaints:handle', () => {
      const c = this.deps.complaints.store.getInScope(complaintId, this.access(member).teams);
      if (!c) throw new ActionError('complaint', 'This complaint does not exist.', 404);
      const input = handlingForm.parse(form);
      const audit = (detail?: Record<string, unknown>): AuditNote => ({ action: `complaint.${input.action}`, objectType: 'complaint', objectId: c.reference, ...(detail ? { detail } : {}) });
      const service = this.deps.complaints;
      switch (input.action) {
        case 'reply': {
          const next = input.nextStatus || undefined;
          service.reply(c.id, member.id, this.withTrackingLink(c, input.message), next);
          if (input.answerId) this.answerUses.record(c.id, input.answerId, member.id, this.deps.clock.now().toISOString());
          return { value: input.action, audit: audit({ ...(next ? { status: next } : {}), ...(input.answerId ? { answer: input.answerId } : {}) }) };
        }
        case 'note':
          service.note(c.id, member.id, input.note);
          return { value: input.action, audit: audit() };
        case 'assign': {
          const assignee = input.assigneeId === '' ? null : Number(input.assigneeId);
          if (assignee !== null && !this.handlers().some((h) => h.id === assignee)) throw new ActionError('assigneeId', 'Choose someone who handles complaints.');
          service.assign(c.id, member.id, assignee);
          return { value: input.action, audit: audit({ assigneeId: assignee }) };
        }
        case 'status':
          service.setStatus(c.id, member.id, input.status);
          return { value: input.action, audit: audit({ from: c.status, to: input.status }) };
        case 'reroute':
          service.reroute(c.id, member.id, input.teamId, input.reason);
          return { value: input.action, audit: audit({ from: c.teamId, to: input.teamId }) };
        case 'reclassify': {
          const product = input.product === '' || input.product === 'other' ? null : (input.product ?? c.product);
          if (product !== null && !(productIds as readonly string[]).includes(product)) throw new ActionError('product', 'Choose a product from the list.');
          service.reclassify(c.id, member.id, { category: input.category, severity: input.severity, product, applyRouting: input.applyRouting === '1' });
          return { value: input.action, audit: audit({ category: input.category, severity: input.severity, product }) };
        }
      }
    });
  }

  /** The best answers for a complaint the person can open, with its values filled in; undefined when they cannot. */
  async suggestions(member: StaffMember, key: string | undefined): Promise<(Suggestions & { complaint: Complaint }) | undefined> {
    const page = this.open(member, key);
    return page && { ...(await this.suggestionsFor(member, page.complaint)), complaint: page.complaint };
  }

  /** The same for a complaint the page has already opened (as the person may see it). */
  suggestionsFor(member: StaffMember, complaint: Complaint): Promise<Suggestions> {
    return suggestAnswers(this.deps.answers, complaint, member, this.deps.log ?? ((line) => console.warn(line)));
  }

  /** One answer filled in for a complaint the person can open: what "Use this answer" puts in the reply. */
  answerFor(member: StaffMember, complaint: Complaint, answerId: string | null): SuggestedAnswer | undefined {
    const candidate = answerId ? this.deps.answers?.get(answerId) : undefined;
    return candidate && filled(candidate, placeholderValues(complaint, member));
  }

  /**
   * A staff reply turned into the draft of a reply template, for an editor to check and publish: the
   * customer's name and email, the reference and the agent's name become placeholders, so no personal
   * data goes into the knowledge base. Undefined when the reply is not on a complaint the person may handle.
   */
  replyDraft(member: StaffMember, key: string | undefined, eventId: number): ReplyDraft | undefined {
    const page = this.open(member, key);
    const reply = page?.access.handle ? page.events.find((e) => e.id === eventId && e.kind === 'reply' && e.actor === 'staff') : undefined;
    if (!page || !reply?.body) return undefined;
    const c = this.deps.complaints.get(page.complaint.id)!;
    const author = reply.actorId ? this.deps.staff.get(reply.actorId)?.name : undefined;
    const swaps: Array<[string | null | undefined, string]> = [[c.name, '{{customer.name}}'], [c.email, '{{customer.email}}'], [c.reference, '{{complaint.reference}}'], [author, '{{agent.name}}']];
    let text = reply.body;
    for (const [value, placeholder] of swaps) if (value && value.trim().length > 1) text = text.split(value).join(placeholder);
    return { reference: c.reference, eventId, locale: c.locale, product: c.product, category: c.category, subject: textAsSeenBy({ ...page.access, pii: false }, c.subject, c.name), reply: textAsSeenBy({ ...page.access, pii: false }, text, c.name) };
  }

  /**
   * The tracking link is made when the reply is sent (only hashes of links are kept); any other
   * placeholder still in the text was not filled, and the reply is refused rather than sent with it.
   */
  private withTrackingLink(c: Complaint, message: string): string {
    const left = placeholdersIn(message).filter((p) => p.name !== 'complaint.trackingUrl');
    if (left.length) throw new ActionError('message', `Fill in ${[...new Set(left.map((p) => p.raw))].join(', ')} before sending: the customer would see it as written.`);
    if (!placeholdersIn(message).length) return message;
    const link = this.deps.complaints.trackingUrl(this.deps.complaints.store.issueToken(c.id, this.deps.clock.now().toISOString()));
    return message.replace(/\{\{\s*complaint\.trackingUrl\s*\}\}/g, link);
  }

  /**
   * Staff record a complaint received by phone, email, letter or in person; the channel is kept. Form
   * fields arrive as strings: empty optional ones are left out, an empty product means "other".
   */
  record(member: StaffMember, form: Record<string, string>): ActionResult<RecordedComplaint> {
    const raw: Record<string, unknown> = { ...form };
    for (const key of ['orderNumber', 'name', 'phone', 'email'] as const) if (!raw[key]) delete raw[key];
    if (!raw.product) raw.product = 'other';
    if (!idempotencyKeyPattern.test(String(raw.idempotencyKey ?? ''))) delete raw.idempotencyKey;
    const parsed = staffComplaintSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, status: 400, errors: Object.fromEntries(fieldProblems(parsed.error, raw).map((p) => [p.field, staffMessage(p)])) };
    }
    const input: StaffComplaintInput = parsed.data;
    const recorded = runAction(this.deps.db, member, 'complaints:handle', () => {
      // The outbox is woken after this transaction's synchronous work, so it sees the committed mail.
      const result: SubmitResult = this.deps.complaints.submit(input, { channel: input.channel, recordedBy: member.id });
      if (!result.ok) throw new ActionError('form', 'This form was already used for a different complaint. Reload the page to record another one.', 409);
      return {
        value: { id: result.complaint.id, reference: result.complaint.reference, trackingUrl: this.deps.complaints.trackingUrl(result.token), mailed: !!input.email },
        audit: { action: 'complaint.record', objectType: 'complaint', objectId: result.complaint.reference, detail: { channel: input.channel } },
      };
    });
    if (recorded.ok) countIntake(input.channel, 'created');
    return recorded;
  }
}
