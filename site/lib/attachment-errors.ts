import type { AttachmentProblem } from '@feedback/attachments/attachments.ts';
import { formatBytes } from '@feedback/attachments/limits.ts';
import type { AttachmentMessages } from '@core/i18n/messages/attachments-types.ts';

/** The room's refusals of files in the reader's language, each naming the file and the limit. */
export function attachmentErrors(problems: readonly AttachmentProblem[], t: AttachmentMessages): string[] {
  return problems.map((p) => {
    switch (p.code) {
      case 'type':
        return t.errors.type(p.file);
      case 'size':
        return t.errors.size(p.file, formatBytes(p.limit ?? 0));
      case 'count':
        return t.errors.count(p.file, p.limit ?? 0);
      case 'empty':
        return t.errors.empty(p.file);
    }
  });
}
