import type { LostLinkMessages } from '../lost-link-types.ts';

export const lostLinkEs: LostLinkMessages = {
  link: '¿Has perdido tu enlace de seguimiento?',
  title: 'Recibe de nuevo tus enlaces de seguimiento',
  intro: 'Escribe el correo electrónico que diste con tu queja. Te enviamos a esa dirección los enlaces de tus quejas abiertas.',
  emailLabel: 'Correo electrónico',
  emailHint: 'La dirección que diste al enviar la queja.',
  submit: 'Enviarme los enlaces',
  sent: 'Si tenemos quejas abiertas con esta dirección, sus enlaces van de camino. Revisa tu bandeja de entrada, y la carpeta de correo no deseado, en unos minutos.',
  emailInvalid: 'Escribe una dirección de correo como nombre@ejemplo.com.',
  rateLimited: (s) => `Se han pedido demasiados enlaces hace un momento. Espera ${s} segundos y vuelve a intentarlo.`,
  mailSubject: 'Los enlaces de tus quejas en Kestrel',
  mailBody: (links) =>
    `Hola:\n\nAlguien, probablemente tú, ha pedido los enlaces de tus quejas abiertas con el servicio de atención al cliente de Kestrel.\n\n${links.map((l) => `${l.reference}: ${l.subject}\n${l.url}`).join('\n\n')}\n\nLos enlaces son privados: no los compartas. Si no has pedido este correo, puedes ignorarlo.\n\nAtención al cliente de Kestrel`,
};
