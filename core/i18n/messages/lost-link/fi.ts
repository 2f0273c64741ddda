import type { LostLinkMessages } from '../lost-link-types.ts';

export const lostLinkFi: LostLinkMessages = {
  link: 'Kadotitko seurantalinkin?',
  title: 'Tilaa seurantalinkit uudelleen',
  intro: 'Kirjoita sähköpostiosoite, jonka annoit valituksen yhteydessä. Lähetämme avoinna olevien valitustesi linkit tähän osoitteeseen.',
  emailLabel: 'Sähköpostiosoite',
  emailHint: 'Osoite, jonka annoit valitusta lähettäessäsi.',
  submit: 'Lähetä linkit',
  sent: 'Jos tällä osoitteella on avoimia valituksia, niiden linkit ovat matkalla siihen. Katso saapuneet viestit ja roskapostikansio muutaman minuutin kuluttua.',
  emailInvalid: 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.',
  rateLimited: (s) => `Linkkejä pyydettiin juuri liian monta kertaa. Odota ${s} sekuntia ja yritä uudelleen.`,
  mailSubject: 'Kestrel-valitustesi linkit',
  mailBody: (links) =>
    `Hei,\n\nJoku, luultavasti sinä, pyysi Kestrelin asiakaspalveluun tekemiesi avoimien valitusten linkit.\n\n${links.map((l) => `${l.reference}: ${l.subject}\n${l.url}`).join('\n\n')}\n\nLinkit ovat henkilökohtaisia: älä jaa niitä. Jos et pyytänyt tätä viestiä, voit jättää sen huomiotta.\n\nKestrelin asiakaspalvelu`,
};
