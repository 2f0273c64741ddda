/**
 * Where to set TRIAGE_CONFIDENCE: `npm run eval:triage -- DIR [DIR...]`, each DIR holding `<locale>.csv`
 * files (`text,label`) of complaints with their right category. Classifies every text as intake does
 * (keyword rules first, then the classifier trained on the seed examples), reads the confidence through
 * the same function routing uses, and prints accuracy per confidence band and, per threshold, the share of
 * complaints that would wait for a person and the accuracy of those routed at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { adminMigrations } from '@admin/admin.ts';
import { openDatabase } from '@core/db/database.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { readLabelledCsv } from '@feedback/classification/csv.ts';
import { ClassificationService } from '@feedback/classification/service.ts';
import { feedbackMigrations } from '@feedback/feedback.ts';
import { routingConfidence } from '@feedback/triage/confidence.ts';

const dirs = process.argv.slice(2).filter((a) => a !== '--');
if (dirs.length === 0) {
  console.error('usage: npm run eval:triage -- DIR [DIR...]   (each DIR holds <locale>.csv files: text,label)');
  process.exit(2);
}
const db = openDatabase(':memory:', [...adminMigrations, ...feedbackMigrations]);
const classification = new ClassificationService(db);
classification.init();

const seen: Array<{ confidence: number; right: boolean }> = [];
for (const dir of dirs) {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const locale = path.basename(file, '.csv');
    if (!isLocale(locale)) continue;
    for (const e of readLabelledCsv(fs.readFileSync(path.join(dir, file))).examples) {
      const r = classification.classify(e.text, locale);
      seen.push({ confidence: routingConfidence(r), right: r.category === e.label });
    }
  }
}
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
console.log(`${seen.length} complaints`);
console.log('confidence band   count  accuracy');
for (let i = 0; i < 10; i++) {
  const band = seen.filter((s) => Math.min(9, Math.floor(s.confidence * 10)) === i);
  console.log(`${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}          ${String(band.length).padStart(5)}  ${pct(band.filter((s) => s.right).length, band.length)}`);
}
console.log('threshold  to triage  accuracy routed  accuracy held');
for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const held = seen.filter((s) => s.confidence < t);
  const routed = seen.filter((s) => s.confidence >= t);
  console.log(`${t.toFixed(1)}        ${pct(held.length, seen.length).padStart(9)}  ${pct(routed.filter((s) => s.right).length, routed.length).padStart(15)}  ${pct(held.filter((s) => s.right).length, held.length).padStart(13)}`);
}
