import type { Db } from '@core/db/database.ts';
import { SeededRandom } from '@core/demo/random.ts';

type Reason = 'outdated' | 'unclear' | 'not-answered' | 'other';

/** Comments readers leave with a "no", per locale, each with the reason it goes with. */
const comments: Record<string, Array<[Reason, string]>> = {
  en: [['outdated', 'The screens in the app look different now.'], ['unclear', 'Which button is "reset"? There are two.'], ['not-answered', 'My model is not listed here.'], ['other', 'The video does not play.']],
  es: [['outdated', 'La aplicación ya no tiene este menú.'], ['unclear', 'No entiendo el paso 3.'], ['not-answered', 'Mi modelo no aparece.']],
  'zh-Hant': [['outdated', 'App 的畫面已經不一樣了。'], ['unclear', '第三步看不懂。'], ['not-answered', '沒有提到我的型號。']],
  el: [['outdated', 'Η εφαρμογή έχει αλλάξει.'], ['unclear', 'Δεν καταλαβαίνω το βήμα 3.']],
  fi: [['outdated', 'Sovelluksen valikot ovat nyt erilaiset.'], ['unclear', 'En ymmärrä kohtaa 3.'], ['not-answered', 'Malliani ei mainita.']],
};
const reasons: Reason[] = ['outdated', 'unclear', 'not-answered', 'other'];

/**
 * Writes "Was this helpful?" votes on the given public articles over `weeks` weeks ending at `now`.
 * Each article gets its own share of "no" (a few articles clearly fail readers), reasons and some
 * comments; voters are random strings standing in for the daily keyed hashes real votes store (decision 0026).
 */
export function writeArticleVotes(db: Db, articles: ReadonlyArray<{ id: string; locale: string }>, options: { weeks: number; seed: number; now: Date; perArticle?: number }): { votes: number; comments: number } {
  const r = new SeededRandom(options.seed + 104_729);
  const insert = db.prepare('INSERT OR IGNORE INTO article_votes (article_id, voter, at, locale, helpful, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const end = options.now.getTime();
  const span = options.weeks * 7 * 86_400_000;
  const out = { votes: 0, comments: 0 };
  db.transaction(() => {
    for (const article of articles) {
      const noShare = r.chance(0.2) ? 0.45 + r.next() * 0.3 : 0.05 + r.next() * 0.2;
      const reasonWeights = r.chance(0.5) ? [6, 2, 2, 1] : [1, 4, 4, 1];
      for (let i = r.poisson(options.perArticle ?? 25); i > 0; i--) {
        const at = new Date(end - 1 - r.int(0, span - 1)).toISOString();
        const helpful = !r.chance(noShare);
        let reason: Reason | null = null;
        let comment: string | null = null;
        if (!helpful) {
          reason = r.weighted(reasons, reasonWeights);
          const said = (comments[article.locale] ?? comments.en!).filter(([why]) => why === reason);
          if (said.length && r.chance(0.3)) comment = r.pick(said)[1];
          if (reason === 'other' && !comment) comment = (comments[article.locale] ?? comments.en!)[0]![1];
        }
        const voter = `demo-${r.int(0, 2 ** 30).toString(36)}-${r.int(0, 2 ** 30).toString(36)}`;
        if (insert.run(article.id, voter, at, article.locale, helpful ? 1 : 0, reason, comment).changes) {
          out.votes++;
          if (comment) out.comments++;
        }
      }
    }
  })();
  return out;
}
