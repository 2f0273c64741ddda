/**
 * The help address(es) mail is sent to, and the reply token carried in them: help+<token>@domain.
 * Tokens are 32 lower-case hex digits (128 random bits): mail systems may change the case of a local
 * part, so the token must survive that.
 */
export const replyTokenPattern = /^[0-9a-f]{32}$/;

export interface HelpAddresses {
  /** Lower-cased, as configured. */
  readonly all: readonly string[];
  /** The address replies go to (the first configured). */
  readonly primary: string;
}

export function helpAddresses(addresses: readonly string[]): HelpAddresses {
  const all = addresses.map((a) => a.trim().toLowerCase()).filter(Boolean);
  if (!all.length) throw new Error('at least one help address is needed');
  return { all, primary: all[0]! };
}

function split(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

/** Whether the address is a help address, with or without a +tag. */
export function isHelpAddress(help: HelpAddresses, address: string): boolean {
  const parts = split(address.trim());
  if (!parts) return false;
  const base = `${parts.local.split('+')[0]}@${parts.domain}`;
  return help.all.includes(base);
}

/** The reply token in a help address (help+<token>@domain), if it carries one of our shape. */
export function replyTokenOf(help: HelpAddresses, address: string): string | undefined {
  const parts = split(address.trim());
  if (!parts || !isHelpAddress(help, address)) return undefined;
  const plus = parts.local.indexOf('+');
  const tag = plus < 0 ? '' : parts.local.slice(plus + 1);
  return replyTokenPattern.test(tag) ? tag : undefined;
}

export function withReplyToken(help: HelpAddresses, token: string): string {
  const parts = split(help.primary)!;
  return `${parts.local}+${token}@${parts.domain}`;
}

/** The bare address inside "Name <address>" (or the string itself). */
export function bareAddress(value: string): string {
  const angle = /<([^<>]*)>\s*$/.exec(value);
  return (angle ? angle[1]! : value).trim().toLowerCase();
}
