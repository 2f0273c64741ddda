import type { AttachmentMessages } from '../attachments-types.ts';

export const attachmentsFi: AttachmentMessages = {
  label: 'Valokuvat tai kuitit',
  hint: (n, size) => `Enintään ${n} tiedostoa, kukin enintään ${size}: valokuvia (JPEG, PNG, WebP, HEIC) tai PDF-tiedostoja.`,
  errors: {
    type: (file) => `”${file}” ei ole valokuva (JPEG, PNG, WebP, HEIC) eikä PDF.`,
    size: (file, size) => `”${file}” on suurempi kuin tiedostokohtainen raja ${size}.`,
    count: (file, n) => `”${file}” on liikaa: voit liittää enintään ${n} tiedostoa.`,
    empty: (file) => `”${file}” on tyhjä.`,
    chooseAgain: 'Kirjoittamasi teksti on tallessa. Valitse tiedostot uudelleen ennen lähettämistä.',
  },
  yourFiles: 'Tiedostosi',
};
