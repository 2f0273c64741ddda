import type { ErasureStep } from '@core/privacy/erasure.ts';
import { eraseMailFor } from '@feedback/mail-in/erase.ts';

/** Mail received for the subject's complaints or from their addresses (raw message, sender, subject), and the complaints' reply tokens. */
export const inboundMail: ErasureStep = {
  place: 'inbound mail',
  erase({ db, subject }) {
    return eraseMailFor(db, { complaintIds: subject.complaints.map((c) => c.id), emails: subject.emails });
  },
};
