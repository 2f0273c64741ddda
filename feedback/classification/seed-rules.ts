import type { Locale } from '@core/i18n/locales.ts';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';
import type { Severity } from '../complaints/model.ts';

/**
 * The keyword rules a fresh portal starts with: few and sharp, because a matching rule decides before
 * the classifier does. Safety words raise the severity to critical; personal-data words go to the privacy
 * officer. Everything else is left to the trained classifier. Admins edit these at /admin/routing/keywords.
 * Keywords go through the search analysis (stems, no accents); a trailing * matches word beginnings.
 */
export const defaultKeywordRules: Array<{ locale: Locale; category: ComplaintCategory; severity?: Severity; keywords: string[] }> = [
  { locale: 'en', category: 'product-defect', severity: 'critical', keywords: ['smoke', 'fire', 'caught fire', 'burning smell', 'electric shock', 'sparks', 'melted'] },
  { locale: 'en', category: 'privacy', severity: 'high', keywords: ['personal data', 'GDPR', 'delete my data', 'data protection', 'data breach'] },
  { locale: 'en', category: 'billing-payment', keywords: ['charged twice', 'double charge', 'double charged', 'wrong invoice'] },
  { locale: 'en', category: 'delivery', keywords: ['not delivered', 'never arrived', 'never delivered'] },
  { locale: 'en', category: 'staff-conduct', keywords: ['rude', 'impolite', 'unprofessional'] },
  { locale: 'en', category: 'warranty-dispute', keywords: ['warranty rejected', 'claim rejected', 'claim denied', 'warranty refused'] },

  { locale: 'es', category: 'product-defect', severity: 'critical', keywords: ['humo', 'fuego', 'incendio', 'olor a quemado', 'descarga eléctrica', 'chispas', 'derretido'] },
  { locale: 'es', category: 'privacy', severity: 'high', keywords: ['datos personales', 'RGPD', 'borrar mis datos', 'protección de datos'] },
  { locale: 'es', category: 'billing-payment', keywords: ['cobro doble', 'cobrado dos veces', 'cobraron dos veces', 'factura incorrecta'] },
  { locale: 'es', category: 'delivery', keywords: ['no ha llegado', 'nunca llegó', 'no fue entregado'] },
  { locale: 'es', category: 'staff-conduct', keywords: ['grosero', 'maleducado', 'poco profesional'] },
  { locale: 'es', category: 'warranty-dispute', keywords: ['garantía rechazada', 'reclamación rechazada', 'garantía denegada'] },

  { locale: 'zh-Hant', category: 'product-defect', severity: 'critical', keywords: ['冒煙', '起火', '著火', '燒焦', '觸電', '火花', '融化'] },
  { locale: 'zh-Hant', category: 'privacy', severity: 'high', keywords: ['個人資料', '個資', '刪除我的資料', '隱私'] },
  { locale: 'zh-Hant', category: 'billing-payment', keywords: ['重複扣款', '扣款兩次', '多扣款'] },
  { locale: 'zh-Hant', category: 'delivery', keywords: ['沒有送達', '還沒送到', '未送達'] },
  { locale: 'zh-Hant', category: 'staff-conduct', keywords: ['態度惡劣', '態度很差', '不禮貌', '不專業'] },
  { locale: 'zh-Hant', category: 'warranty-dispute', keywords: ['拒絕保固', '保固被拒', '理賠被拒'] },

  { locale: 'el', category: 'product-defect', severity: 'critical', keywords: ['καπνός', 'καπνό', 'φωτιά', 'μυρωδιά καμένου', 'ηλεκτροπληξία', 'σπίθες', 'έλιωσε'] },
  { locale: 'el', category: 'privacy', severity: 'high', keywords: ['προσωπικά δεδομένα', 'GDPR', 'διαγραφή των δεδομένων μου', 'προστασία δεδομένων'] },
  { locale: 'el', category: 'billing-payment', keywords: ['διπλή χρέωση', 'χρεώθηκα δύο φορές', 'λάθος τιμολόγιο'] },
  { locale: 'el', category: 'delivery', keywords: ['δεν παραδόθηκε', 'δεν έφτασε ποτέ', 'δεν ήρθε ποτέ'] },
  { locale: 'el', category: 'staff-conduct', keywords: ['αγενής', 'αγένεια', 'αντιεπαγγελματικ*'] },
  { locale: 'el', category: 'warranty-dispute', keywords: ['απόρριψη εγγύησης', 'απέρριψαν την εγγύηση', 'απορρίφθηκε η εγγύηση'] },

  { locale: 'fi', category: 'product-defect', severity: 'critical', keywords: ['savu*', 'tulipalo', 'syttyi palamaan', 'palaneen haju', 'sähköisku', 'kipinöi*', 'sulanut'] },
  { locale: 'fi', category: 'privacy', severity: 'high', keywords: ['henkilötied*', 'henkilötietoj*', 'tietosuoja*', 'GDPR'] },
  { locale: 'fi', category: 'billing-payment', keywords: ['veloitettiin kahdesti', 'kaksoisveloitus', 'väärä lasku'] },
  { locale: 'fi', category: 'delivery', keywords: ['ei saapunut', 'ei ole saapunut', 'ei toimitettu'] },
  { locale: 'fi', category: 'staff-conduct', keywords: ['epäkohtelias', 'töykeä', 'epäammattimai*'] },
  { locale: 'fi', category: 'warranty-dispute', keywords: ['takuu hylättiin', 'hylkäsitte takuu*', 'reklamaatio hylättiin'] },
];
