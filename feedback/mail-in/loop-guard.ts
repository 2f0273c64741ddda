import { bareAddress, isHelpAddress, type HelpAddresses } from './addresses.ts';

/** Why a mail is stored but never answered: answering these is how mail loops and backscatter start. */
export type Unanswerable = 'auto-reply' | 'bounce' | 'own-address';

export interface LoopSigns {
  /** The SMTP envelope sender; '' is the null return path of bounces; undefined when unknown (IMAP). */
  envelopeFrom: string | undefined;
  /** Header values by lower-case name (first occurrence), as untrusted text. */
  header: (name: string) => string | undefined;
  contentType: string;
  fromAddress: string | undefined;
}

const bulkPrecedence = /^\s*(bulk|junk|list|auto_reply)\b/i;
const daemonSender = /^(mailer-daemon|postmaster)@/i;

/**
 * RFC 3834 and the headers autoresponders actually send (Microsoft's X-Auto-Response-Suppress,
 * X-Autoreply); bounces by their null return path, their daemon sender or their multipart/report body.
 */
export function unanswerable(signs: LoopSigns, help: HelpAddresses, ownAddresses: readonly string[]): Unanswerable | undefined {
  const from = signs.fromAddress?.toLowerCase();
  if (from && (isHelpAddress(help, from) || ownAddresses.includes(from))) return 'own-address';
  const returnPath = signs.envelopeFrom ?? signs.header('return-path');
  if (returnPath !== undefined && bareAddress(returnPath) === '') return 'bounce';
  if ((from && daemonSender.test(from)) || (returnPath && daemonSender.test(bareAddress(returnPath)))) return 'bounce';
  if (/^multipart\/report\b/i.test(signs.contentType)) return 'bounce';
  const autoSubmitted = signs.header('auto-submitted');
  if (autoSubmitted !== undefined && !/^\s*no\s*(;|$)/i.test(autoSubmitted)) return 'auto-reply';
  const precedence = signs.header('precedence');
  if (precedence && bulkPrecedence.test(precedence)) return 'auto-reply';
  if (signs.header('x-autoreply') !== undefined || signs.header('x-autorespond') !== undefined) return 'auto-reply';
  const suppress = signs.header('x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/i.test(suppress)) return 'auto-reply';
  if (signs.header('list-id') !== undefined || signs.header('list-unsubscribe') !== undefined) return 'auto-reply';
  return undefined;
}
