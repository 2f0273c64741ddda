import type { ErasureStep } from '@core/privacy/erasure.ts';
import { AttachmentStore } from '@feedback/attachments/store.ts';
import { fileOf } from '@feedback/attachments/files.ts';

/**
 * The files customers attached (photos, receipts: they show names, addresses, faces) and their rows.
 * The files go only once the erasure has committed, so a rolled-back erasure loses nothing. Built per
 * portal because the files live in the attachments' own data directory.
 */
export function attachmentFiles(dataDir: string): ErasureStep {
  return {
    place: 'attachments',
    erase({ db, subject, removeFileAfterCommit }) {
      const store = new AttachmentStore(db);
      let removed = 0;
      for (const complaint of subject.complaints) {
        for (const attachment of store.ofComplaint(complaint.id)) removeFileAfterCommit(fileOf(dataDir, attachment.id));
        removed += store.removeAll(complaint.id);
      }
      return removed;
    },
  };
}
