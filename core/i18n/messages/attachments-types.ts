/** The complaint form's file field, its refusals, and the files listed on the tracking page. */
export interface AttachmentMessages {
  label: string;
  hint: (maxFiles: number, maxSize: string) => string;
  errors: {
    type: (file: string) => string;
    size: (file: string, maxSize: string) => string;
    count: (file: string, maxFiles: number) => string;
    empty: (file: string) => string;
    /** After any refusal: browsers cannot keep chosen files across a page load. */
    chooseAgain: string;
  };
  /** Heading of the files on the tracking page. */
  yourFiles: string;
}
