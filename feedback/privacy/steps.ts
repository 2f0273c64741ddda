import { auditDetails } from '@core/privacy/audit-step.ts';
import type { ErasureStep } from '@core/privacy/erasure.ts';
import { classifierExamples, classifierModels } from './steps/classifier.ts';
import { complaintFields, conversation, ratingComments, trackingLinks } from './steps/complaints.ts';
import { customerRecords } from './steps/customers.ts';
import { outboxMail } from './steps/mail.ts';
import { inboundMail } from './steps/inbound-mail.ts';

/**
 * Every place of the complaint room (and the audit log) where a customer's personal data lives, one line
 * each. A new table or file holding customer data gets its step here; other rooms' steps (search
 * analytics) come in through `createFeedback({ erasureSteps })`. Each step reads the subject, captured
 * before the first one runs, so their order does not matter.
 */
export const erasureSteps: readonly ErasureStep[] = [
  complaintFields,
  trackingLinks,
  conversation,
  ratingComments,
  customerRecords,
  outboxMail,
  inboundMail,
  classifierExamples,
  classifierModels,
  auditDetails,
];
