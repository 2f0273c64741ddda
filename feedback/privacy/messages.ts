import type { Locale } from '@core/i18n/locales.ts';

/** What customers read about their data: the tracking page's section, the mail, the confirmation and data pages. */
export interface PrivacyMessages {
  title: string;
  intro: string;
  downloadJson: string;
  viewPage: string;
  eraseTitle: string;
  eraseText: string;
  eraseButton: string;
  noEmail: string;
  requested: (hours: number) => string;
  rateLimited: (seconds: number) => string;
  mailSubject: string;
  mailBody: (link: string, hours: number) => string;
  confirmTitle: string;
  confirmText: string;
  confirmButton: string;
  linkInvalid: string;
  doneTitle: string;
  doneText: string;
  dataTitle: string;
  dataIntro: (when: string) => string;
  contact: string;
  complaints: string;
  messages: string;
  fromYou: string;
  fromTeam: string;
  rating: string;
  none: string;
}

const en: PrivacyMessages = {
  title: 'Your data',
  intro: 'Download everything we hold about you: all your complaints, messages, ratings and contact details.',
  downloadJson: 'Download your data (JSON)',
  viewPage: 'View your data as a page',
  eraseTitle: 'Erase your personal data',
  eraseText: 'We remove your name, contact details and the personal details in your messages from all your complaints. What remains (product, category and dates) is kept without anything that identifies you, for our statistics. This cannot be undone. To make sure it is you, we send a confirmation link to the email address we have for you.',
  eraseButton: 'Send me the confirmation link',
  noEmail: 'We have no email address for you, so we cannot confirm an erasure by mail. Write to privacy@kestrel-home.example and we will help you.',
  requested: (hours) => `We sent a confirmation link to your email address. It works once, within ${hours} hours.`,
  rateLimited: (seconds) => `Too many requests from your connection. Try again in ${seconds} seconds.`,
  mailSubject: 'Confirm the erasure of your personal data',
  mailBody: (link, hours) => `Hello,\n\nyou asked us to erase your personal data from the Kestrel Help Center. Open this link to confirm (it works once, within ${hours} hours):\n\n${link}\n\nIf you did not ask for this, ignore this mail and nothing will change.\n\nKestrel Home customer service`,
  confirmTitle: 'Confirm the erasure of your personal data',
  confirmText: 'When you confirm, we remove your name, contact details and the personal details in your messages from all your complaints. This cannot be undone, and your tracking links stop working.',
  confirmButton: 'Erase my personal data',
  linkInvalid: 'This confirmation link has expired or has already been used. You can ask for a new one on your complaint’s tracking page.',
  doneTitle: 'Your personal data was erased',
  doneText: 'We removed your personal data from all your complaints. What remains cannot identify you.',
  dataTitle: 'Your data',
  dataIntro: (when) => `Everything the Kestrel Help Center holds about you, as of ${when}.`,
  contact: 'Contact details',
  complaints: 'Complaints',
  messages: 'Messages',
  fromYou: 'You',
  fromTeam: 'Kestrel customer service',
  rating: 'Your rating',
  none: 'None',
};

const es: PrivacyMessages = {
  title: 'Tus datos',
  intro: 'Descarga todo lo que guardamos sobre ti: todas tus quejas, mensajes, valoraciones y datos de contacto.',
  downloadJson: 'Descargar tus datos (JSON)',
  viewPage: 'Ver tus datos en una página',
  eraseTitle: 'Borrar tus datos personales',
  eraseText: 'Borramos tu nombre, tus datos de contacto y los datos personales de tus mensajes en todas tus quejas. Lo que queda (producto, categoría y fechas) se conserva sin nada que te identifique, para nuestras estadísticas. No se puede deshacer. Para asegurarnos de que eres tú, enviamos un enlace de confirmación a la dirección de correo que tenemos.',
  eraseButton: 'Enviarme el enlace de confirmación',
  noEmail: 'No tenemos ninguna dirección de correo tuya, así que no podemos confirmar el borrado por correo. Escribe a privacy@kestrel-home.example y te ayudaremos.',
  requested: (hours) => `Te hemos enviado un enlace de confirmación por correo. Funciona una sola vez, durante ${hours} horas.`,
  rateLimited: (seconds) => `Demasiadas solicitudes desde tu conexión. Vuelve a intentarlo dentro de ${seconds} segundos.`,
  mailSubject: 'Confirma el borrado de tus datos personales',
  mailBody: (link, hours) => `Hola:\n\nnos has pedido que borremos tus datos personales del Centro de ayuda de Kestrel. Abre este enlace para confirmarlo (funciona una sola vez, durante ${hours} horas):\n\n${link}\n\nSi no lo has pedido tú, ignora este correo y no cambiará nada.\n\nAtención al cliente de Kestrel Home`,
  confirmTitle: 'Confirma el borrado de tus datos personales',
  confirmText: 'Al confirmar, borramos tu nombre, tus datos de contacto y los datos personales de tus mensajes en todas tus quejas. No se puede deshacer, y tus enlaces de seguimiento dejarán de funcionar.',
  confirmButton: 'Borrar mis datos personales',
  linkInvalid: 'Este enlace de confirmación ha caducado o ya se ha usado. Puedes pedir otro en la página de seguimiento de tu queja.',
  doneTitle: 'Hemos borrado tus datos personales',
  doneText: 'Hemos borrado tus datos personales de todas tus quejas. Lo que queda no permite identificarte.',
  dataTitle: 'Tus datos',
  dataIntro: (when) => `Todo lo que el Centro de ayuda de Kestrel guarda sobre ti, a fecha de ${when}.`,
  contact: 'Datos de contacto',
  complaints: 'Quejas',
  messages: 'Mensajes',
  fromYou: 'Tú',
  fromTeam: 'Atención al cliente de Kestrel',
  rating: 'Tu valoración',
  none: 'Ninguno',
};

const zhHant: PrivacyMessages = {
  title: '您的資料',
  intro: '下載我們保存的所有關於您的資料：您的全部客訴、訊息、評分及聯絡資料。',
  downloadJson: '下載您的資料（JSON）',
  viewPage: '以網頁檢視您的資料',
  eraseTitle: '刪除您的個人資料',
  eraseText: '我們會從您所有的客訴中刪除您的姓名、聯絡資料及訊息中的個人資料。其餘內容（產品、類別及日期）會在無法識別您的情況下保留，作統計之用。此操作無法復原。為確認是您本人，我們會寄送確認連結到我們記錄的電子郵件地址。',
  eraseButton: '寄送確認連結給我',
  noEmail: '我們沒有您的電子郵件地址，因此無法以郵件確認刪除。請寫信至 privacy@kestrel-home.example，我們會協助您。',
  requested: (hours) => `我們已寄送確認連結到您的電子郵件地址。連結只能使用一次，${hours} 小時內有效。`,
  rateLimited: (seconds) => `您的連線送出的請求過多。請於 ${seconds} 秒後再試。`,
  mailSubject: '確認刪除您的個人資料',
  mailBody: (link, hours) => `您好：\n\n您要求我們從 Kestrel 服務中心刪除您的個人資料。請開啟以下連結確認（只能使用一次，${hours} 小時內有效）：\n\n${link}\n\n如果這不是您提出的要求，請忽略此郵件，一切不會改變。\n\nKestrel Home 客戶服務`,
  confirmTitle: '確認刪除您的個人資料',
  confirmText: '確認後，我們會從您所有的客訴中刪除您的姓名、聯絡資料及訊息中的個人資料。此操作無法復原，您的追蹤連結也會失效。',
  confirmButton: '刪除我的個人資料',
  linkInvalid: '此確認連結已過期或已使用。您可以在客訴的追蹤頁面重新申請。',
  doneTitle: '您的個人資料已刪除',
  doneText: '我們已從您所有的客訴中刪除您的個人資料。剩下的內容無法識別您。',
  dataTitle: '您的資料',
  dataIntro: (when) => `截至 ${when}，Kestrel 服務中心保存的所有關於您的資料。`,
  contact: '聯絡資料',
  complaints: '客訴',
  messages: '訊息',
  fromYou: '您',
  fromTeam: 'Kestrel 客戶服務',
  rating: '您的評分',
  none: '無',
};

const el: PrivacyMessages = {
  title: 'Τα δεδομένα σας',
  intro: 'Κατεβάστε όλα όσα έχουμε για εσάς: όλα τα παράπονά σας, τα μηνύματα, τις αξιολογήσεις και τα στοιχεία επικοινωνίας.',
  downloadJson: 'Λήψη των δεδομένων σας (JSON)',
  viewPage: 'Προβολή των δεδομένων σας σε σελίδα',
  eraseTitle: 'Διαγραφή των προσωπικών σας δεδομένων',
  eraseText: 'Αφαιρούμε το όνομά σας, τα στοιχεία επικοινωνίας και τα προσωπικά στοιχεία των μηνυμάτων σας από όλα τα παράπονά σας. Όσα μένουν (προϊόν, κατηγορία και ημερομηνίες) φυλάσσονται χωρίς τίποτα που να σας ταυτοποιεί, για τα στατιστικά μας. Η ενέργεια δεν αναιρείται. Για να βεβαιωθούμε ότι είστε εσείς, στέλνουμε σύνδεσμο επιβεβαίωσης στη διεύθυνση email που έχουμε.',
  eraseButton: 'Στείλτε μου τον σύνδεσμο επιβεβαίωσης',
  noEmail: 'Δεν έχουμε διεύθυνση email σας, οπότε δεν μπορούμε να επιβεβαιώσουμε τη διαγραφή με email. Γράψτε στο privacy@kestrel-home.example και θα σας βοηθήσουμε.',
  requested: (hours) => `Στείλαμε σύνδεσμο επιβεβαίωσης στη διεύθυνση email σας. Λειτουργεί μία φορά, μέσα σε ${hours} ώρες.`,
  rateLimited: (seconds) => `Πάρα πολλά αιτήματα από τη σύνδεσή σας. Δοκιμάστε ξανά σε ${seconds} δευτερόλεπτα.`,
  mailSubject: 'Επιβεβαιώστε τη διαγραφή των προσωπικών σας δεδομένων',
  mailBody: (link, hours) => `Γεια σας,\n\nζητήσατε να διαγράψουμε τα προσωπικά σας δεδομένα από το Κέντρο βοήθειας Kestrel. Ανοίξτε αυτόν τον σύνδεσμο για επιβεβαίωση (λειτουργεί μία φορά, μέσα σε ${hours} ώρες):\n\n${link}\n\nΑν δεν το ζητήσατε εσείς, αγνοήστε αυτό το μήνυμα και δεν θα αλλάξει τίποτα.\n\nΕξυπηρέτηση πελατών Kestrel Home`,
  confirmTitle: 'Επιβεβαιώστε τη διαγραφή των προσωπικών σας δεδομένων',
  confirmText: 'Με την επιβεβαίωση αφαιρούμε το όνομά σας, τα στοιχεία επικοινωνίας και τα προσωπικά στοιχεία των μηνυμάτων σας από όλα τα παράπονά σας. Η ενέργεια δεν αναιρείται και οι σύνδεσμοι παρακολούθησης παύουν να λειτουργούν.',
  confirmButton: 'Διαγραφή των προσωπικών μου δεδομένων',
  linkInvalid: 'Αυτός ο σύνδεσμος επιβεβαίωσης έληξε ή έχει ήδη χρησιμοποιηθεί. Μπορείτε να ζητήσετε νέο από τη σελίδα παρακολούθησης του παραπόνου σας.',
  doneTitle: 'Τα προσωπικά σας δεδομένα διαγράφηκαν',
  doneText: 'Αφαιρέσαμε τα προσωπικά σας δεδομένα από όλα τα παράπονά σας. Όσα μένουν δεν σας ταυτοποιούν.',
  dataTitle: 'Τα δεδομένα σας',
  dataIntro: (when) => `Όλα όσα έχει το Κέντρο βοήθειας Kestrel για εσάς, στις ${when}.`,
  contact: 'Στοιχεία επικοινωνίας',
  complaints: 'Παράπονα',
  messages: 'Μηνύματα',
  fromYou: 'Εσείς',
  fromTeam: 'Εξυπηρέτηση πελατών Kestrel',
  rating: 'Η αξιολόγησή σας',
  none: 'Κανένα',
};

const fi: PrivacyMessages = {
  title: 'Tietosi',
  intro: 'Lataa kaikki, mitä meillä on sinusta: kaikki valituksesi, viestisi, arviosi ja yhteystietosi.',
  downloadJson: 'Lataa tietosi (JSON)',
  viewPage: 'Näytä tietosi sivuna',
  eraseTitle: 'Poista henkilötietosi',
  eraseText: 'Poistamme nimesi, yhteystietosi ja viestiesi henkilötiedot kaikista valituksistasi. Jäljelle jäävä (tuote, luokka ja päivämäärät) säilytetään tilastoja varten ilman mitään, mistä sinut voisi tunnistaa. Poistoa ei voi perua. Varmistaaksemme, että kyse on sinusta, lähetämme vahvistuslinkin sähköpostiosoitteeseen, joka meillä on.',
  eraseButton: 'Lähetä minulle vahvistuslinkki',
  noEmail: 'Meillä ei ole sähköpostiosoitettasi, joten emme voi vahvistaa poistoa sähköpostilla. Kirjoita osoitteeseen privacy@kestrel-home.example, niin autamme.',
  requested: (hours) => `Lähetimme vahvistuslinkin sähköpostiisi. Se toimii kerran, ${hours} tunnin ajan.`,
  rateLimited: (seconds) => `Yhteydestäsi tuli liikaa pyyntöjä. Yritä uudelleen ${seconds} sekunnin kuluttua.`,
  mailSubject: 'Vahvista henkilötietojesi poisto',
  mailBody: (link, hours) => `Hei,\n\npyysit meitä poistamaan henkilötietosi Kestrelin asiakastuesta. Vahvista avaamalla tämä linkki (se toimii kerran, ${hours} tunnin ajan):\n\n${link}\n\nJos et pyytänyt tätä, voit jättää viestin huomiotta, eikä mikään muutu.\n\nKestrel Homen asiakaspalvelu`,
  confirmTitle: 'Vahvista henkilötietojesi poisto',
  confirmText: 'Kun vahvistat, poistamme nimesi, yhteystietosi ja viestiesi henkilötiedot kaikista valituksistasi. Poistoa ei voi perua, ja seurantalinkkisi lakkaavat toimimasta.',
  confirmButton: 'Poista henkilötietoni',
  linkInvalid: 'Tämä vahvistuslinkki on vanhentunut tai jo käytetty. Voit pyytää uuden valituksesi seurantasivulta.',
  doneTitle: 'Henkilötietosi on poistettu',
  doneText: 'Poistimme henkilötietosi kaikista valituksistasi. Jäljelle jäävästä sinua ei voi tunnistaa.',
  dataTitle: 'Tietosi',
  dataIntro: (when) => `Kaikki, mitä Kestrelin asiakastuella on sinusta, ${when}.`,
  contact: 'Yhteystiedot',
  complaints: 'Valitukset',
  messages: 'Viestit',
  fromYou: 'Sinä',
  fromTeam: 'Kestrelin asiakaspalvelu',
  rating: 'Arviosi',
  none: 'Ei mitään',
};

const all: Record<Locale, PrivacyMessages> = { en, es, 'zh-Hant': zhHant, el, fi };

export function privacyMessages(locale: Locale): PrivacyMessages {
  return all[locale] ?? en;
}
