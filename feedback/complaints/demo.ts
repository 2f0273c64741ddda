import type { ComplaintService } from './service.ts';
import type { PublicComplaintInput } from './validation.ts';

/**
 * A few complaints, one per locale, written the way customers write, so a demo shows suggested answers
 * at work from the first click. Only for `npm run start:demo` (NODE_ENV=development), never in production
 * or in the browser tests, and only into an empty complaint table.
 */
export const demoComplaints: ReadonlyArray<Omit<PublicComplaintInput, 'consent'>> = [
  { locale: 'en', product: 'aquawash', subject: 'Water all over the kitchen floor', description: 'Every time I wash, water comes out from under the door of my washing machine. The floor is ruined. I bought it in March.', email: 'emma.wilson@example.com', name: 'Emma Wilson' },
  { locale: 'es', product: 'other', subject: 'Mi pedido no llega', description: 'Hice el pedido hace dos semanas y todavía no ha llegado nada. Nadie me contesta los correos. ¿Dónde está mi lavadora?', email: 'lucia.garcia@example.com', name: 'Lucía García' },
  { locale: 'zh-Hant', product: 'brewmaster', subject: '咖啡變得很淡', description: '我的咖啡機最近煮出來的咖啡都很淡，奶泡也打不起來，已經清洗過了還是一樣。', email: 'chen.meiling@example.com', name: '陳美玲' },
  { locale: 'el', product: 'frostline', subject: 'Το ψυγείο κάνει θόρυβο', description: 'Το ψυγείο μου κάνει δυνατό θόρυβο τη νύχτα και δεν κρυώνει καλά. Τα τρόφιμα χαλάνε.', email: 'maria.papadopoulou@example.com', name: 'Μαρία Παπαδοπούλου' },
  { locale: 'fi', product: 'sweepbot', subject: 'Robotti-imuri ei lataudu', description: 'Robotti-imurini ei enää lataudu telakassa. Valo vilkkuu punaisena eikä se lähde liikkeelle.', email: 'mikko.virtanen@example.com', name: 'Mikko Virtanen' },
];

export function ensureDemoComplaints(complaints: ComplaintService, nodeEnv: string): number {
  if (nodeEnv !== 'development' || complaints.list({ pageSize: 1 }).total > 0) return 0;
  for (const c of demoComplaints) complaints.submit({ ...c, consent: true } as PublicComplaintInput, { channel: 'web' });
  return demoComplaints.length;
}
