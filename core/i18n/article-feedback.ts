import type { Locale } from './locales.ts';

/** The words of the "Was this helpful?" box under every article, in each locale. */
export interface ArticleFeedbackWords {
  question: string;
  yes: string;
  no: string;
  why: string;
  reasons: { outdated: string; unclear: string; 'not-answered': string; other: string };
  comment: string;
  commentHint: string;
  send: string;
  thanks: string;
  problem: string;
}

export const articleFeedbackWords: Record<Locale, ArticleFeedbackWords> = {
  en: {
    question: 'Was this helpful?', yes: 'Yes', no: 'No', why: 'What was wrong?',
    reasons: { outdated: 'It is outdated', unclear: 'It is unclear', 'not-answered': 'It didn’t answer my question', other: 'Something else' },
    comment: 'Tell us more (optional; required for “Something else”)', commentHint: 'Please do not include personal details.', send: 'Send', thanks: 'Thank you for your feedback.',
    problem: 'Your feedback could not be saved:',
  },
  es: {
    question: '¿Te ha resultado útil?', yes: 'Sí', no: 'No', why: '¿Qué falló?',
    reasons: { outdated: 'Está desactualizado', unclear: 'No está claro', 'not-answered': 'No respondió a mi pregunta', other: 'Otra cosa' },
    comment: 'Cuéntanos más (opcional; obligatorio para «Otra cosa»)', commentHint: 'No incluyas datos personales.', send: 'Enviar', thanks: 'Gracias por tu opinión.',
    problem: 'No se pudo guardar tu opinión:',
  },
  'zh-Hant': {
    question: '這篇文章有幫助嗎？', yes: '有', no: '沒有', why: '哪裡有問題？',
    reasons: { outdated: '內容過時', unclear: '說明不清楚', 'not-answered': '沒有回答我的問題', other: '其他' },
    comment: '補充說明（選填；選「其他」時必填）', commentHint: '請勿填寫個人資料。', send: '送出', thanks: '感謝您的意見。',
    problem: '無法儲存您的意見：',
  },
  el: {
    question: 'Σας βοήθησε αυτό;', yes: 'Ναι', no: 'Όχι', why: 'Τι δεν πήγε καλά;',
    reasons: { outdated: 'Είναι παρωχημένο', unclear: 'Δεν είναι σαφές', 'not-answered': 'Δεν απάντησε στην ερώτησή μου', other: 'Κάτι άλλο' },
    comment: 'Πείτε μας περισσότερα (προαιρετικό· υποχρεωτικό για «Κάτι άλλο»)', commentHint: 'Μην γράφετε προσωπικά στοιχεία.', send: 'Αποστολή', thanks: 'Ευχαριστούμε για τα σχόλιά σας.',
    problem: 'Τα σχόλιά σας δεν αποθηκεύτηκαν:',
  },
  fi: {
    question: 'Oliko tästä apua?', yes: 'Kyllä', no: 'Ei', why: 'Mikä oli vialla?',
    reasons: { outdated: 'Tieto on vanhentunut', unclear: 'Teksti on epäselvä', 'not-answered': 'Se ei vastannut kysymykseeni', other: 'Jokin muu' },
    comment: 'Kerro lisää (valinnainen; pakollinen, jos valitsit ”Jokin muu”)', commentHint: 'Älä kirjoita henkilötietoja.', send: 'Lähetä', thanks: 'Kiitos palautteestasi.',
    problem: 'Palautettasi ei voitu tallentaa:',
  },
};
