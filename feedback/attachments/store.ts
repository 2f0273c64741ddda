import type { Statement } from 'better-sqlite3';
import type { Db } from '@core/db/database.ts';
import type { AttachmentType } from './sniff.ts';

export type AttachmentSource = 'web' | 'api' | 'email' | 'staff';

export interface Attachment {
  id: string;
  complaintId: number;
  createdAt: string;
  source: AttachmentSource;
  mediaType: AttachmentType;
  size: number;
  sha256: string;
  originalName: string;
}

/**
 * Who may read a complaint's files, as the query applies it: staff who see the complaint in full (its
 * team is in their scope and they read personal data: a receipt names the customer), or the holder of
 * one of the complaint's tracking tokens.
 */
export type AttachmentReader =
  | { kind: 'staff'; complaintId: number; full: boolean; teams: readonly string[] | undefined }
  | { kind: 'token'; tokenHash: string };

interface Row {
  id: string;
  complaint_id: number;
  created_at: string;
  source: string;
  media_type: string;
  size: number;
  sha256: string;
  original_name: string;
}

function toAttachment(r: Row): Attachment {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    createdAt: r.created_at,
    source: r.source as AttachmentSource,
    mediaType: r.media_type as AttachmentType,
    size: r.size,
    sha256: r.sha256,
    originalName: r.original_name,
  };
}

const staffScope = `@full = 1 AND (@everyTeam = 1 OR c.team_id IN (SELECT value FROM json_each(@teams)))`;

/** The SQL behind attachments; the reader's rights are part of every read. */
export class AttachmentStore {
  private readonly s: Record<'insert' | 'count' | 'ofComplaint' | 'staffList' | 'tokenList' | 'staffOne' | 'tokenOne' | 'remove', Statement>;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO complaint_attachments (id, complaint_id, created_at, source, media_type, size, sha256, original_name)
        VALUES (@id, @complaintId, @createdAt, @source, @mediaType, @size, @sha256, @originalName)`),
      count: db.prepare('SELECT count(*) AS n FROM complaint_attachments WHERE complaint_id = ?'),
      ofComplaint: db.prepare('SELECT * FROM complaint_attachments WHERE complaint_id = ? ORDER BY created_at, id'),
      staffList: db.prepare(`SELECT a.* FROM complaint_attachments a JOIN complaints c ON c.id = a.complaint_id
        WHERE a.complaint_id = @complaintId AND ${staffScope} ORDER BY a.created_at, a.id`),
      tokenList: db.prepare(`SELECT a.* FROM complaint_tracking_tokens t JOIN complaint_attachments a ON a.complaint_id = t.complaint_id
        WHERE t.token_hash = @tokenHash ORDER BY a.created_at, a.id`),
      staffOne: db.prepare(`SELECT a.* FROM complaint_attachments a JOIN complaints c ON c.id = a.complaint_id
        WHERE a.id = @id AND a.complaint_id = @complaintId AND ${staffScope}`),
      tokenOne: db.prepare(`SELECT a.* FROM complaint_tracking_tokens t JOIN complaint_attachments a ON a.complaint_id = t.complaint_id
        WHERE t.token_hash = @tokenHash AND a.id = @id`),
      remove: db.prepare('DELETE FROM complaint_attachments WHERE complaint_id = ?'),
    };
  }

  insert(a: Attachment): void {
    this.s.insert.run(a);
  }

  count(complaintId: number): number {
    return (this.s.count.get(complaintId) as { n: number }).n;
  }

  /** Every file of a complaint, for the room's own use (erasure); no reader check. */
  ofComplaint(complaintId: number): Attachment[] {
    return (this.s.ofComplaint.all(complaintId) as Row[]).map(toAttachment);
  }

  /** The files this reader may see: of the staff reader's complaint, or of the token's complaint. */
  list(reader: AttachmentReader): Attachment[] {
    const rows = reader.kind === 'staff' ? this.s.staffList.all(staffParams(reader)) : this.s.tokenList.all({ tokenHash: reader.tokenHash });
    return (rows as Row[]).map(toAttachment);
  }

  one(reader: AttachmentReader, id: string): Attachment | undefined {
    const row = (reader.kind === 'staff' ? this.s.staffOne.get({ id, ...staffParams(reader) }) : this.s.tokenOne.get({ tokenHash: reader.tokenHash, id })) as Row | undefined;
    return row && toAttachment(row);
  }

  removeAll(complaintId: number): number {
    return this.s.remove.run(complaintId).changes;
  }
}

function staffParams(reader: Extract<AttachmentReader, { kind: 'staff' }>) {
  return { complaintId: reader.complaintId, full: reader.full ? 1 : 0, everyTeam: reader.teams ? 0 : 1, teams: JSON.stringify(reader.teams ?? []) };
}
