import { z } from 'zod';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import type { Db } from '@core/db/database.ts';
import { ActionError, parseInput, runAction, type ActionResult } from '@core/staff/actions.ts';
import { can } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Complaint } from '../complaints/model.ts';
import { severities } from '../complaints/model.ts';
import type { ComplaintService } from '../complaints/service.ts';
import type { Routing, Team } from '../routing/routing.ts';

const triageSchema = z.object({
  complaintId: z.string().regex(/^\d{1,12}$/, 'Choose a complaint from the queue.').transform(Number),
  category: z.enum(complaintCategories, { errorMap: () => ({ message: 'Choose a category from the list.' }) }),
  severity: z.enum(severities, { errorMap: () => ({ message: 'Choose a severity.' }) }),
  teamId: z.string().trim().min(1, 'Choose a team from the list.').max(100, 'Choose a team from the list.'),
});

export interface TriageDeskDeps {
  db: Db;
  complaints: ComplaintService;
  routing: Routing;
}

/**
 * The service desk's triage queue: new complaints the classifier was unsure of (below TRIAGE_CONFIDENCE)
 * wait here without a team, their deadlines running, until someone with `complaints:triage` chooses the
 * category, severity and team. Only service staff see it: the queue holds complaints in full.
 */
export class TriageDesk {
  constructor(private readonly deps: TriageDeskDeps) {}

  /** Open complaints waiting for triage, oldest deadline first; empty for anyone without the permission. */
  queue(member: StaffMember, pageSize = 50): { rows: Complaint[]; total: number } {
    if (!can(member.role, 'complaints:triage')) return { rows: [], total: 0 };
    return this.deps.complaints.list({ triage: true, status: 'open', pageSize });
  }

  teams(): Team[] {
    return this.deps.routing.teams();
  }

  /** Decides one queued complaint; the classifier learns the category (as reclassification does). */
  decide(member: StaffMember, form: Record<string, string>): ActionResult<{ complaintId: number; teamId: string }> {
    return runAction(this.deps.db, member, 'complaints:triage', () => {
      const input = parseInput(triageSchema, form);
      const before = this.deps.complaints.get(input.complaintId);
      if (!before) throw new ActionError('complaintId', 'This complaint does not exist.', 404);
      this.deps.complaints.triage(input.complaintId, member.id, input);
      const predicted = before.classification?.classifier;
      return {
        value: { complaintId: input.complaintId, teamId: input.teamId },
        audit: {
          action: 'complaint.triage',
          objectType: 'complaint',
          objectId: before.reference,
          detail: { category: input.category, severity: input.severity, team: input.teamId, predicted: predicted?.label ?? null, confidence: predicted?.confidence ?? null },
        },
      };
    });
  }
}
