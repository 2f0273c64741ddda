import { formFields, parseForm, readBodyLimited } from '@core/http/limited-body.ts';
import type { FeedbackServices } from '../feedback.ts';
import type { Channel } from '../complaints/model.ts';
import { complaintLimits, fieldProblems, publicComplaintSchema, type FieldProblem } from '../complaints/validation.ts';
import { countIntake } from './metrics.ts';
import type { AttachmentProblem, IncomingFile, KeptFile } from '../attachments/attachments.ts';

/** The honeypot: a field people never see or fill; programs that fill every field do. */
export const honeypotField = 'website';

export type IntakeOutcome =
  | { status: 'created' | 'replayed'; reference: string; token: string; complaintId: number }
  | { status: 'invalid'; problems: FieldProblem[]; files?: AttachmentProblem[] }
  | { status: 'honeypot' }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  | { status: 'conflict' }
  | { status: 'error'; message: string };

/** A form body (urlencoded or multipart) as plain strings; first value of each name, files ignored. */
export async function readFormLimited(request: Request, limit: number = complaintLimits.bodyBytes): Promise<Record<string, string>> {
  const bytes = await readBodyLimited(request, limit);
  const form = await parseForm(bytes, request.headers.get('content-type') ?? 'application/x-www-form-urlencoded');
  return form ? formFields(form) : {};
}

/**
 * The one intake path of the form and the API: honeypot, validation, idempotent replay, rate limit,
 * then the transaction. Nothing here throws for bad input; a failure after validation is reported as
 * `error` (the complaint was not written, so the customer can safely send it again).
 */
export async function takeComplaint(feedback: FeedbackServices, raw: Record<string, unknown>, options: { channel: Extract<Channel, 'web' | 'api'>; clientAddress: string; files?: readonly IncomingFile[] }): Promise<IntakeOutcome> {
  const outcome = await take(feedback, raw, options);
  countIntake(options.channel, outcome.status);
  return outcome;
}

async function take(feedback: FeedbackServices, raw: Record<string, unknown>, options: { channel: Extract<Channel, 'web' | 'api'>; clientAddress: string; files?: readonly IncomingFile[] }): Promise<IntakeOutcome> {
  const trap = raw[honeypotField];
  if (typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined && trap !== null && trap !== '') return { status: 'honeypot' };
  const parsed = publicComplaintSchema.safeParse(raw);
  // Files are checked with the text, so one answer names every problem; nothing is written until all pass.
  const checked = await feedback.attachments.check(options.files ?? []);
  if (!parsed.success || !checked.ok) {
    return { status: 'invalid', problems: parsed.success ? [] : fieldProblems(parsed.error, raw), ...(checked.ok ? {} : { files: checked.problems }) };
  }
  const input = parsed.data;
  let kept: KeptFile[] = [];
  try {
    const replay = feedback.complaints.replay(input);
    if (replay) {
      if (!replay.ok) return { status: 'conflict' };
      return { status: 'replayed', reference: replay.complaint.reference, token: replay.token, complaintId: replay.complaint.id };
    }
    const allowed = await feedback.limiter.consume(options.clientAddress);
    if (!allowed.ok) return { status: 'rate-limited', retryAfterSeconds: allowed.retryAfterSeconds };
    kept = feedback.attachments.keep(checked.files, options.channel);
    const result = feedback.complaints.submitNew(input, { channel: options.channel, within: (id, at) => feedback.attachments.record(id, kept, at) });
    if (!result.ok || result.replayed) feedback.attachments.discard(kept);
    if (!result.ok) return { status: 'conflict' };
    return { status: result.replayed ? 'replayed' : 'created', reference: result.complaint.reference, token: result.token, complaintId: result.complaint.id };
  } catch (error) {
    feedback.attachments.discard(kept);
    console.error('[complaints] intake failed:', error instanceof Error ? error.message : error);
    return { status: 'error', message: 'The complaint could not be saved. Please send it again.' };
  }
}
