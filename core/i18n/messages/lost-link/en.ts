import type { LostLinkMessages } from '../lost-link-types.ts';

export const lostLinkEn: LostLinkMessages = {
  link: 'Lost your tracking link?',
  title: 'Get your tracking links again',
  intro: 'Enter the email address you gave with your complaint. We send the links of your open complaints to that address.',
  emailLabel: 'Email address',
  emailHint: 'The address you gave when you sent the complaint.',
  submit: 'Send my links',
  sent: 'If we have open complaints for this address, their links are on the way to it. Check your inbox, and your spam folder, in a few minutes.',
  emailInvalid: 'Write an email address such as name@example.com.',
  rateLimited: (s) => `Too many requests for links just now. Wait ${s} seconds and try again.`,
  mailSubject: 'Your Kestrel complaint links',
  mailBody: (links) =>
    `Hello,\n\nsomeone, probably you, asked for the links to your open complaints with Kestrel customer service.\n\n${links.map((l) => `${l.reference}: ${l.subject}\n${l.url}`).join('\n\n')}\n\nThe links are private: please do not share them. If you did not ask for this mail, you can ignore it.\n\nKestrel customer service`,
};
