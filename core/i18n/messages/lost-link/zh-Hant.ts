import type { LostLinkMessages } from '../lost-link-types.ts';

export const lostLinkZhHant: LostLinkMessages = {
  link: '遺失了追蹤連結？',
  title: '重新取得追蹤連結',
  intro: '請輸入您提出客訴時留下的電子郵件地址。我們會把您尚未結案的客訴連結寄到這個地址。',
  emailLabel: '電子郵件地址',
  emailHint: '您提出客訴時留下的地址。',
  submit: '寄送我的連結',
  sent: '如果這個地址有尚未結案的客訴，連結已經寄出。請在幾分鐘後查看收件匣與垃圾郵件資料夾。',
  emailInvalid: '請輸入有效的電子郵件地址，例如 name@example.com。',
  rateLimited: (s) => `剛才索取連結的次數太多。請等待 ${s} 秒後再試一次。`,
  mailSubject: '您在 Kestrel 的客訴連結',
  mailBody: (links) =>
    `您好：\n\n有人（應該是您本人）索取了您在 Kestrel 客服尚未結案的客訴連結。\n\n${links.map((l) => `${l.reference}：${l.subject}\n${l.url}`).join('\n\n')}\n\n這些連結是私人的，請勿分享。如果您沒有索取這封郵件，可以忽略它。\n\nKestrel 客服中心`,
};
