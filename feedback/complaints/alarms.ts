import { products } from '@core/content/products.ts';
import type { Db } from '@core/db/database.ts';
import type { StaffDirectory } from '@core/staff/users.ts';
import type { Clock } from '../clock.ts';
import type { Deadlines } from '../deadlines/deadlines.ts';
import type { MailPayload, Outbox, WebhookPayload } from '../outbox/outbox.ts';
import type { Routing, Team } from '../routing/routing.ts';
import { categoryLabels, severityLabels, statusLabels } from './labels.ts';
import type { Complaint } from './model.ts';
import type { ComplaintStore } from './store.ts';

/**
 * Who hears that a complaint's deadline passed (docs/complaints.md, "Who gets the overdue alarm"):
 *
 * - the assigned agent (an active account), with the team lead copied;
 * - nobody assigned (or the assignee's account is disabled or gone): the service desk on duty
 *   (`SERVICE_DESK_EMAIL`), with the team lead copied when the team is of kind `service`;
 * - nobody assigned in a team of another kind (R&D, finance, logistics, privacy, other): the service
 *   desk alone; the team lead reads it in one daily digest per team instead of a mail per complaint.
 *
 * Every alarm, and each digest, carries references, deadlines, category, product and staff links only:
 * never the customer's name, email, phone, subject or text.
 */

export type DeadlineKind = 'response' | 'resolution';

export const defaultServiceDeskEmail = 'service-desk@kestrel-home.example';

export interface AlarmRecipients {
  to: string;
  cc: string[];
  /** Why `to` gets it. */
  role: 'assignee' | 'service-desk';
  /** The assignee's staff address when the alarm goes to them, else null. */
  assignee: string | null;
  /** The team lead who is told, by copy or in the daily digest; null when the team has no lead address. */
  lead: string | null;
  /** The lead is told in the team's daily digest instead of a copy. */
  leadInDigest: boolean;
}

/** Teams whose unassigned overdue complaints reach their lead as a daily digest instead of copies. */
export function digestsForLead(team: Pick<Team, 'kind'> | undefined): boolean {
  return !!team && team.kind !== 'service';
}

export function alarmRecipients(c: Pick<Complaint, 'assigneeId'>, team: Team | undefined, staff: Pick<StaffDirectory, 'get'>, serviceDesk: string): AlarmRecipients {
  const lead = team?.leadEmail ?? null;
  const assignee = c.assigneeId === null ? undefined : staff.get(c.assigneeId);
  const copy = (to: string) => (lead && lead.toLowerCase() !== to.toLowerCase() ? [lead] : []);
  if (assignee && !assignee.disabledAt) {
    return { to: assignee.email, cc: copy(assignee.email), role: 'assignee', assignee: assignee.email, lead, leadInDigest: false };
  }
  // Only an unassigned complaint is in the digest (the digest's query asks for assignee_id IS NULL); one
  // assigned to a disabled account gets the copy instead.
  if (c.assigneeId === null && digestsForLead(team) && lead) {
    return { to: serviceDesk, cc: [], role: 'service-desk', assignee: null, lead, leadInDigest: true };
  }
  return { to: serviceDesk, cc: copy(serviceDesk), role: 'service-desk', assignee: null, lead, leadInDigest: false };
}

/** Deadline words for mails. */
function deadlineWords(which: DeadlineKind): string {
  return which === 'response' ? 'first response' : 'resolution';
}

function minuteUtc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function productName(product: string | null): string {
  return product ? (products[product as keyof typeof products] ?? product) : 'not given';
}

function categoryName(category: string | null): string {
  return category ? (categoryLabels[category as keyof typeof categoryLabels] ?? category) : 'not classified';
}

export function staffLink(siteUrl: string, complaintId: number): string {
  return `${siteUrl}/admin/complaints/${complaintId}`;
}

export interface AlarmInput {
  complaint: Complaint;
  team: Team | undefined;
  which: DeadlineKind;
  due: string;
  recipients: AlarmRecipients;
  siteUrl: string;
}

/** The alarm mail for one complaint and one deadline. */
export function alarmMail({ complaint: c, team, which, due, recipients: r, siteUrl }: AlarmInput): MailPayload {
  const what = deadlineWords(which);
  const why =
    r.role === 'assignee'
      ? 'You get this because the complaint is assigned to you.'
      : c.assigneeId === null
        ? 'You get this as the service desk on duty: nobody is assigned to the complaint.'
        : 'You get this as the service desk on duty: the complaint is assigned to an account that is disabled.';
  const lead = r.cc.length ? ' The team lead is copied.' : r.leadInDigest ? " The team lead sees it in the team's daily digest of overdue complaints." : '';
  return {
    to: r.to,
    ...(r.cc.length ? { cc: r.cc } : {}),
    subject: `[Overdue] ${c.reference}: ${what} was due ${minuteUtc(due)}`,
    text:
      `The ${what} deadline of complaint ${c.reference} has passed.\n\n` +
      `Team: ${team?.name ?? c.teamId ?? 'none'}\nCategory: ${categoryName(c.category)}\nSeverity: ${severityLabels[c.severity] ?? c.severity}\n` +
      `Product: ${productName(c.product)}\nStatus: ${statusLabels[c.status] ?? c.status}\nDue: ${due}\n\n` +
      `Open it in the staff area:\n${staffLink(siteUrl, c.id)}\n\n${why}${lead}\n`,
    label: `escalation ${c.reference}`,
  };
}

/** The JSON the alert webhook receives for the same alarm (staff facts only). */
export function alarmWebhook({ complaint: c, which, due, recipients: r, siteUrl }: AlarmInput): WebhookPayload {
  return {
    label: `alarm ${c.reference}`,
    body: { type: 'complaint.overdue', reference: c.reference, deadline: which, due, team: c.teamId, assignee: r.assignee, url: staffLink(siteUrl, c.id) },
  };
}

/** Which deadline of an overdue complaint has passed (the response deadline first), and when it was due. */
export function passedDeadline(c: Pick<Complaint, 'responseDueAt' | 'resolutionDueAt'>, at: string): { which: DeadlineKind; due: string } | undefined {
  if (c.responseDueAt && c.responseDueAt <= at) return { which: 'response', due: c.responseDueAt };
  if (c.resolutionDueAt && c.resolutionDueAt <= at) return { which: 'resolution', due: c.resolutionDueAt };
  return undefined;
}

/** The calendar day (YYYY-MM-DD) of `at` in the business-hours time zone when business hours are on, else UTC. */
export function digestDay(at: Date, timeZone: string | undefined): string {
  if (!timeZone) return at.toISOString().slice(0, 10);
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** At most this many complaints are listed one by one in a digest; the rest by count and the inbox link. */
export const digestListLimit = 50;

export function digestMail(team: Team & { leadEmail: string }, items: Complaint[], day: string, at: string, siteUrl: string): MailPayload {
  const refs = items.slice(0, 3).map((c) => c.reference).join(', ');
  const more = items.length > 3 ? ` and ${items.length - 3} more` : '';
  const lines = items.slice(0, digestListLimit).map((c) => {
    const passed = passedDeadline(c, at);
    const deadline = passed ? `${deadlineWords(passed.which)} was due ${minuteUtc(passed.due)}` : 'past a deadline';
    return `${c.reference}: ${deadline}\n  Category: ${categoryName(c.category)}\n  Product: ${productName(c.product)}\n  ${staffLink(siteUrl, c.id)}\n`;
  });
  const rest = items.length > digestListLimit ? `\n... and ${items.length - digestListLimit} more.\n` : '';
  const count = `${items.length} complaint${items.length === 1 ? '' : 's'}`;
  return {
    to: team.leadEmail,
    subject: `[Overdue] ${refs}${more}: daily digest, ${team.name}`,
    text:
      `${count} of ${team.name} past a deadline with nobody assigned (${day}):\n\n${lines.join('\n')}${rest}\n` +
      `All of them in the staff area:\n${siteUrl}/admin/complaints?team=${encodeURIComponent(team.id)}&overdue=1\n\n` +
      'The service desk on duty got an alarm for each when its deadline passed. This digest comes once a day ' +
      'while complaints of the team stay overdue and unassigned.\n',
    label: `overdue digest ${team.id} ${day}`,
  };
}

export interface OverdueDigestDeps {
  store: ComplaintStore;
  routing: Routing;
  deadlines: Deadlines;
  outbox: Outbox;
  clock: Clock;
  db: Db;
  siteUrl: string;
}

/**
 * Once a day per team (of a kind other than service, with a lead address): when the team has open,
 * unassigned complaints past a deadline, its lead gets one mail listing all of them. The day is claimed in
 * `feedback_settings` in the same transaction as the mail's outbox row, so two processes or a restart
 * never send a second digest that day. Returns the ids of the teams digested.
 */
export function sendOverdueDigests(deps: OverdueDigestDeps): string[] {
  const now = deps.clock.now();
  const at = now.toISOString();
  const hours = deps.deadlines.businessHours();
  const day = digestDay(now, hours.enabled ? hours.timeZone : undefined);
  const sent: string[] = [];
  for (const team of deps.routing.teams()) {
    if (!digestsForLead(team) || !team.leadEmail) continue;
    const last = deps.store.lastDigestDay(team.id);
    if (last !== undefined && last >= day) continue;
    const items = deps.store.overdueUnassigned(team.id, at);
    if (!items.length) continue;
    const mail = digestMail({ ...team, leadEmail: team.leadEmail }, items, day, at, deps.siteUrl);
    const wrote = deps.db.transaction(() => {
      if (!deps.store.claimDigestDay(team.id, day)) return false;
      deps.outbox.mail(mail);
      return true;
    })();
    if (wrote) sent.push(team.id);
  }
  return sent;
}
