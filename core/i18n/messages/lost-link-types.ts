/** "Lost your link?": the form that mails the tracking links of an address's open complaints. */
export interface LostLinkMessages {
  link: string;
  title: string;
  intro: string;
  emailLabel: string;
  emailHint: string;
  submit: string;
  /** The same whether or not the address is known. */
  sent: string;
  emailInvalid: string;
  rateLimited: (seconds: number) => string;
  mailSubject: string;
  mailBody: (links: ReadonlyArray<{ reference: string; subject: string; url: string }>) => string;
}
