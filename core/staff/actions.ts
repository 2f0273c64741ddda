import { ZodError, type ZodType, type ZodTypeDef } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import { can, roleLabels, type Permission } from './roles.ts';
import type { StaffMember } from './users.ts';

/**
 * How every staff action in every room is shaped: validate the input, check the permission, make the
 * change and write its audit entry in one transaction, and answer with the result or with field errors
 * a form can show. Pages and APIs call an action and render what it returns; they never audit.
 */

/** A refusal tied to a form field (`field` is the input's name, or `form` for the whole form). */
export class ActionError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; status: number; errors: Record<string, string> };

/** What the change tells the audit log; the actor is always the one who ran the action. */
export type AuditNote = Omit<AuditEntry, 'actorId'>;

export interface Change<T> {
  value: T;
  /** The audit entries of this change, written in its transaction. */
  audit: AuditNote | AuditNote[];
}

/** One message per field, naming what is wrong (the first problem of each field). */
export function fieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join('.') || 'form'] ??= issue.message;
  return out;
}

/** Parses an action's input with its schema, turning a failure into field errors. */
export function parseInput<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

export function refusal(error: unknown): { ok: false; status: number; errors: Record<string, string> } | undefined {
  if (error instanceof ActionError) return { ok: false, status: error.status, errors: { [error.field]: error.message } };
  if (error instanceof ZodError) return { ok: false, status: 400, errors: fieldErrors(error) };
  return undefined;
}

export function permissionRefusal(actor: StaffMember, permission: Permission): ActionError {
  return new ActionError('form', `Your role (${roleLabels[actor.role]}) does not include the permission “${permission}”.`, 403);
}

/**
 * Runs a staff action. `change` runs inside an IMMEDIATE transaction (nested service transactions become
 * savepoints of it) and returns its value and audit entries: either everything it wrote and its audit
 * entries are committed, or nothing is. ActionError and ZodError become field errors; anything else is a
 * fault of ours and is thrown.
 */
export function runAction<T>(db: Db, actor: StaffMember, permission: Permission, change: () => Change<T>): ActionResult<T> {
  try {
    if (!can(actor.role, permission)) throw permissionRefusal(actor, permission);
    const value = db
      .transaction(() => {
        const result = change();
        for (const note of Array.isArray(result.audit) ? result.audit : [result.audit]) recordAudit(db, { ...note, actorId: actor.id });
        return result.value;
      })
      .immediate();
    return { ok: true, value };
  } catch (error) {
    const refused = refusal(error);
    if (refused) return refused;
    throw error;
  }
}
