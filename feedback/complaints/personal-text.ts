/**
 * Finders for personal data that customers and agents write in free text, in the five locales: email
 * addresses written to dodge filters, street addresses, and the name after a greeting. Each returns the
 * places it found; masking.ts decides what to show instead.
 */
export interface Span {
  start: number;
  end: number;
}

function spans(text: string, pattern: RegExp, group = 0): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const at: [number, number] | undefined = group ? m.indices?.[group] : [m.index ?? 0, (m.index ?? 0) + m[0].length];
    if (at && at[1] > at[0]) out.push({ start: at[0], end: at[1] });
  }
  return out;
}

const local = String.raw`[\p{L}\p{N}._%+-]+`;
const label = String.raw`[\p{L}\p{N}-]+`;
const open = String.raw`[(\[{<（【]`;
const close = String.raw`[)\]}>）】]`;
const atWord = String.raw`(?:at|arroba|παπάκι|kissanhäntä|miukumauku|小老鼠)`;
const dotWord = String.raw`(?:dot|punto|τελεία|piste|點)`;
// name(at)example.org, name [at] example [dot] org, name＠example．org, name @ example . org
const bracketedAt = String.raw`\s*(?:${open}\s*(?:${atWord}|@|＠)\s*${close}|＠|\s@|@\s)\s*`;
const anyDot = String.raw`(?:\s*${open}\s*${dotWord}\s*${close}\s*|\s+${dotWord}\s+|\.|．|\s\.\s)`;
// name at example dot org: the words alone only when the dot is a word too.
const wordAt = String.raw`\s+${atWord}\s+`;
const wordDot = String.raw`\s+${dotWord}\s+`;
const obfuscated = new RegExp(
  String.raw`${local}(?:${bracketedAt}${label}(?:${anyDot}${label})*${anyDot}\p{L}{2,}|${wordAt}${label}(?:${wordDot}${label})+)`,
  'giu',
);

export function obfuscatedEmailsIn(text: string): Span[] {
  return spans(text, obfuscated);
}

const houseNumber = String.raw`\d{1,5}(?:\s?[A-Za-z])?(?:[ ,/-]+(?:\d{1,4}º?\s?[A-Za-z]?|[A-Z]\s?\d{1,3}))?`;
const streetWords = String.raw`(?:[\p{Lu}\d][\p{L}'.-]*\s+){0,4}`;
const addressPatterns = [
  // en: 221B Baker Street, 12 Elm Rd., Flat 3
  new RegExp(String.raw`\b\d{1,5}[A-Za-z]?\s+${streetWords}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent|Gardens|Highway|Hwy)\b\.?(?:,?\s*(?:Apt|Apartment|Flat|Suite|Unit)\.?\s*#?\w+)?`, 'gu'),
  // es: Calle de Alcalá 45, 3º B; C/ Mayor, 12; Avda. de la Constitución 3
  new RegExp(String.raw`(?:Calle|C/|Avenida|Avda\.?|Av\.|Paseo|Plaza|Pza\.?|Camino|Carretera|Ronda|Travesía|Pasaje|Glorieta)\s*(?:(?:de|del|la|las|los|el)\s+)*(?:[\p{Lu}][\p{L}'.-]*\s*){1,4},?\s*(?:n[º°o]\.?\s*)?${houseNumber}`, 'gu'),
  // fi: Mannerheimintie 12 B 34, Hämeenkatu 5 as. 7
  new RegExp(String.raw`[\p{Lu}][\p{L}-]*(?:katu|tie|kuja|polku|väylä|kaari|rinne|tori|ranta|kulma|portti|aukio|raitti|puisto|bulevardi|esplanadi)\s+\d{1,4}(?:\s?[A-Za-z])?(?:\s*(?:as\.|asunto)?\s*\d{1,4})?`, 'gu'),
  // el: οδός Ερμού 25, Λεωφόρος Κηφισίας 100, Ερμού 25
  new RegExp(String.raw`(?:(?:οδός|Οδός|οδ\.|Λεωφόρος|Λεωφ\.|Πλατεία)\s+(?:[\p{Lu}][\p{L}.-]*\s+){1,3}|[\p{Lu}][\p{L}]*(?:ου|ού|ας|άς|ης|ής|ων|ών)\s+)\d{1,4}[Α-Ωα-ωA-Za-z]?`, 'gu'),
  // zh-Hant: 台北市大安區忠孝東路四段123巷4弄5號6樓
  new RegExp(String.raw`[\p{Script=Han}]{0,10}(?:路|街|大道)(?:[一二三四五六七八九十\d]+段)?(?:[\d一二三四五六七八九十]+巷)?(?:[\d一二三四五六七八九十]+弄)?[\d一二三四五六七八九十]+號(?:之[\d一二三四五六七八九十]+)?(?:[\d一二三四五六七八九十]+樓)?(?:之[\d一二三四五六七八九十]+)?`, 'gu'),
];

export function addressesIn(text: string): Span[] {
  return addressPatterns.flatMap((p) => spans(text, p));
}

// The name after a greeting, up to four words, ended by punctuation or the end of the line.
const nameWords = String.raw`[\p{L}\p{M}'’.-]+(?:[ \t]+[\p{L}\p{M}'’.-]+){0,3}`;
const nameEnd = String.raw`(?=[ \t]*(?:[,!:;，：！、\n\r]|$))`;
const greetings = [
  new RegExp(String.raw`\b(?:Dear|Hello|Hi|Hey|Good (?:morning|afternoon|evening))[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+)?(${nameWords})${nameEnd}`, 'dgiu'),
  new RegExp(String.raw`(?:Estimad[oa]s?|Querid[oa]s?|Hola|Buenos días|Buenas tardes|Buenas noches)[ \t]+(?:(?:Sr|Sra|Srta|Dr|Dra|D|Dña)\.[ \t]*|(?:señor|señora|señorita|don|doña)[ \t]+)?(${nameWords})${nameEnd}`, 'dgiu'),
  new RegExp(String.raw`(?:Αγαπητ[έήοόείά]+|Γεια σας|Γεια σου|Καλημέρα|Καλησπέρα|Αξιότιμ[εηοόέή]+)[ \t]+(?:(?:κύριε|κυρία|κ\.)[ \t]*)?(${nameWords})${nameEnd}`, 'dgiu'),
  new RegExp(String.raw`(?:Hyvä|Hei|Moi|Arvoisa|Terve|Huomenta)[ \t]+(${nameWords})${nameEnd}`, 'dgiu'),
  new RegExp(String.raw`(?:親愛的|尊敬的|敬愛的)[ \t]*([\p{Script=Han}·]{1,6}|${nameWords})${nameEnd}`, 'dgu'),
  new RegExp(String.raw`([\p{Script=Han}]{1,3})(?=先生|小姐|女士|太太)`, 'dgu'),
];

export function greetedNamesIn(text: string): Span[] {
  return greetings.flatMap((p) => spans(text, p, 1));
}
