import type { AttachmentMessages } from '../attachments-types.ts';

export const attachmentsEs: AttachmentMessages = {
  label: 'Fotos o recibos',
  hint: (n, size) => `Hasta ${n} archivos de ${size} como máximo cada uno: fotos (JPEG, PNG, WebP, HEIC) o PDF.`,
  errors: {
    type: (file) => `«${file}» no es una foto (JPEG, PNG, WebP, HEIC) ni un PDF.`,
    size: (file, size) => `«${file}» supera ${size}, el límite por archivo.`,
    count: (file, n) => `«${file}» sobra: puedes adjuntar como máximo ${n} archivos.`,
    empty: (file) => `«${file}» está vacío.`,
    chooseAgain: 'Lo que has escrito se conserva. Vuelve a elegir los archivos antes de enviar.',
  },
  yourFiles: 'Tus archivos',
};
