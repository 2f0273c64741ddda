import { products } from '@core/content/products.ts';
import { categoryLabels, channelLabels, severityLabels, sourceLabels, statusLabels } from '@feedback/complaints/labels.ts';
import type { ComplaintEvent, Severity, Status } from '@feedback/complaints/model.ts';
import { formatTime } from './time.ts';

export function productName(p: string | null): string {
  return p ? (products[p as keyof typeof products] ?? p) : 'None or other';
}

/** One line saying what a timeline event was, in the staff area's words. */
export function eventTitle(e: ComplaintEvent, names: Map<number, string>, teamName: (id: string) => string | undefined): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const team = (id: unknown) => teamName(String(id ?? '')) ?? (id ? String(id) : undefined);
  switch (e.kind) {
    case 'created': return `Received (${channelLabels[(d.channel as keyof typeof channelLabels) ?? 'web'] ?? d.channel})`;
    case 'classified': return `Classified as ${d.category ? categoryLabels[d.category as keyof typeof categoryLabels] : 'nothing'} (${severityLabels[d.severity as Severity] ?? d.severity}) by ${sourceLabels[d.source as keyof typeof sourceLabels] ?? d.source}${d.retry ? ', on retry' : ''}`;
    case 'reclassified': {
      const to = d.to as { category: string; severity: Severity; product: string | null };
      return `Reclassified as ${categoryLabels[to.category as keyof typeof categoryLabels] ?? to.category}, ${severityLabels[to.severity]}, product ${productName(to.product)}`;
    }
    case 'routed': {
      const triage = d.triage as { confidence: number; threshold: number } | undefined;
      if (triage) return `Waiting for triage: routing confidence ${triage.confidence.toFixed(2)} is below ${triage.threshold.toFixed(2)}`;
      return `Routed to ${team(d.teamId)}${d.ruleId ? ` by rule #${d.ruleId}` : ' (no rule matched)'}`;
    }
    case 'rerouted': return `Moved from ${team(d.from) ?? 'no team'} to ${team(d.to)}`;
    case 'status': return `Status: ${statusLabels[d.from as Status] ?? d.from} → ${statusLabels[d.to as Status] ?? d.to}${d.reopened ? ' (reopened by the customer)' : ''}`;
    case 'assigned': return d.to ? `Assigned to ${names.get(Number(d.to)) ?? `user ${d.to}`}` : 'Unassigned';
    case 'note': return 'Internal note';
    case 'reply': return 'Reply to the customer';
    case 'customer-reply': return d.channel === 'email' ? 'Message from the customer (by email)' : 'Message from the customer';
    case 'rated': return `Rated ${d.rating} of 5 by the customer${e.body ? '' : ' (no comment)'}`;
    case 'escalated': return `Escalated: the ${d.deadline === 'response' ? 'response' : 'resolution'} deadline (${formatTime(String(d.due ?? ''))}) passed${d.lead ? '; the team lead was mailed' : ''}`;
    default: return e.kind;
  }
}

/** Who made the event, as the timeline shows it. */
export function eventActor(e: ComplaintEvent, names: Map<number, string>): string {
  if (e.actor === 'staff') return e.actorId ? (names.get(e.actorId) ?? 'staff') : 'staff';
  return e.actor === 'customer' ? 'Customer' : 'System';
}

export const doneMessages: Record<string, string> = {
  reply: 'Your reply was saved; the customer sees it on the tracking page and gets it by email.',
  note: 'The note was added.',
  assign: 'The assignment was changed.',
  status: 'The status was changed.',
  reroute: 'The complaint moved to the other team.',
  reclassify: 'The classification was changed; the classifier has learnt from it.',
  proposed: 'The reply is now a draft reply template; an editor checks and publishes it (Articles, drafts).',
};
