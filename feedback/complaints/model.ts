import type { Locale } from '@core/i18n/locales.ts';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';

/** How a complaint reached us: the web form or API, or recorded by staff from another channel. */
export const channels = ['web', 'api', 'phone', 'email', 'letter', 'in-person'] as const;
export type Channel = (typeof channels)[number];
/** The channels staff record by hand. */
export const staffChannels = ['phone', 'email', 'letter', 'in-person'] as const satisfies readonly Channel[];

export const statuses = ['new', 'triaged', 'in-progress', 'waiting-for-customer', 'resolved', 'closed'] as const;
export type Status = (typeof statuses)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** Which way a status may move by hand. A customer reply reopens resolved and closed complaints. */
export const statusFlow: Record<Status, readonly Status[]> = {
  new: ['triaged', 'in-progress', 'waiting-for-customer', 'resolved', 'closed'],
  triaged: ['in-progress', 'waiting-for-customer', 'resolved', 'closed'],
  'in-progress': ['waiting-for-customer', 'resolved', 'closed'],
  'waiting-for-customer': ['in-progress', 'resolved', 'closed'],
  resolved: ['closed', 'in-progress'],
  closed: ['in-progress'],
};

export function canMove(from: Status, to: Status): boolean {
  return statusFlow[from].includes(to);
}

export const openStatuses: readonly Status[] = ['new', 'triaged', 'in-progress', 'waiting-for-customer'];

export function isOpen(status: Status): boolean {
  return openStatuses.includes(status);
}

/** How the category was decided: a keyword rule, the trained classifier, a person, or nothing worked. */
export type ClassificationSource = 'rules' | 'classifier' | 'staff' | 'none';

export interface Classification {
  source: ClassificationSource;
  /** Keyword rule hits: the keywords as the admin wrote them, and the customer's words they matched. */
  matched?: string[];
  evidence?: string[];
  /** The classifier's view (also kept when a rule decided, for comparison). */
  classifier?: { label: string; confidence: number; explanation: Array<{ term: string; weight: number }> };
  /** Why classification could not run, when it could not. */
  error?: string;
}

export interface Complaint {
  id: number;
  reference: string;
  createdAt: string;
  updatedAt: string;
  locale: Locale;
  channel: Channel;
  status: Status;
  product: string | null;
  subject: string;
  description: string;
  orderNumber: string | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  category: ComplaintCategory | null;
  severity: Severity;
  classification: Classification | null;
  teamId: string | null;
  assigneeId: number | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  recordedBy: number | null;
}

export type EventKind =
  | 'created'
  | 'classified'
  | 'reclassified'
  | 'routed'
  | 'rerouted'
  | 'status'
  | 'assigned'
  | 'note'
  | 'reply'
  | 'customer-reply'
  | 'escalated'
  | 'deadline'
  /** The customer rated the resolved complaint (1–5, data.rating; the optional comment is the body). */
  | 'rated';

export type Actor = 'customer' | 'staff' | 'system';

export interface ComplaintEvent {
  id: number;
  complaintId: number;
  at: string;
  kind: EventKind;
  actor: Actor;
  actorId: number | null;
  /** Shown to the customer on the tracking page. */
  public: boolean;
  body: string | null;
  data: Record<string, unknown> | null;
}
