/** Strings of the complaint form, the tracking page and the customer mails. */
export interface ComplaintMessages {
  /** The header/footer link. */
  link: string;
  newTitle: string;
  intro: string;
  privacy: string;
  required: string;
  optional: string;
  whatHappened: string;
  yourDetails: string;
  fields: {
    product: string;
    productHint: string;
    productChoose: string;
    productOther: string;
    subject: string;
    subjectHint: string;
    description: string;
    descriptionHint: (max: number) => string;
    orderNumber: string;
    orderNumberHint: string;
    email: string;
    emailHint: string;
    name: string;
    phone: string;
    phoneHint: string;
    consent: string;
    honeypot: string;
  };
  submit: string;
  findAnswers: string;
  suggestions: {
    title: string;
    intro: string;
    none: string;
    newTab: string;
    /** Marks a suggested article offered in English because the customer's language has too few. */
    inEnglish: string;
  };
  errors: {
    summary: (n: number) => string;
    required: string;
    tooShort: (min: number) => string;
    tooLong: (max: number) => string;
    email: string;
    phone: string;
    orderNumber: string;
    product: string;
    consent: string;
    honeypot: string;
    rateLimited: (seconds: number) => string;
    tooLarge: (kilobytes: number) => string;
    conflict: string;
    failed: string;
  };
  received: {
    title: string;
    text: (reference: string) => string;
    keepLink: string;
    mailNote: string;
  };
  track: {
    title: (reference: string) => string;
    reference: string;
    status: string;
    statuses: {
      new: string;
      triaged: string;
      'in-progress': string;
      'waiting-for-customer': string;
      resolved: string;
      closed: string;
    };
    submitted: string;
    product: string;
    subject: string;
    conversation: string;
    fromYou: string;
    fromTeam: string;
    statusChanged: (status: string) => string;
    replyTitle: string;
    replyLabel: string;
    replyHint: (max: number) => string;
    replySend: string;
    replyThanks: string;
    reopenNote: string;
    privateNote: string;
    linkLabel: string;
    copyLink: string;
    linkCopied: string;
    /** Followed by the date and time the next reply is due. */
    replyDue: string;
    notFoundTitle: string;
    notFoundText: string;
  };
  mail: {
    confirmationSubject: (reference: string) => string;
    confirmationBody: (reference: string, link: string, subject: string) => string;
    replySubject: (reference: string) => string;
    replyBody: (reference: string, link: string, message: string) => string;
  };
  /** Rating a resolved complaint: the tracking page's form and the mail that says it is resolved. */
  satisfaction: {
    title: string;
    intro: string;
    /** The fieldset's legend of the 1–5 radio buttons. */
    ratingLegend: string;
    ratingHint: (min: number, max: number) => string;
    /** Labels of the radio buttons 1 to 5, in that order. */
    ratingLabels: readonly [string, string, string, string, string];
    commentLabel: string;
    commentHint: (max: number) => string;
    submit: string;
    thanks: string;
    yourRating: (rating: number, max: number) => string;
    yourComment: string;
    errors: {
      rating: (min: number, max: number) => string;
      commentTooLong: (max: number) => string;
      notResolved: string;
      alreadyRated: string;
      rateLimited: (seconds: number) => string;
    };
    mail: {
      subject: (reference: string) => string;
      /** `message` is the staff reply that resolved it, when there was one. */
      body: (reference: string, link: string, message: string | null) => string;
    };
  };
}
