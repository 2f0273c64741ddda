import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminMigrations } from '@admin/admin.ts';
import { config } from '@core/config/config.ts';
import { popularityMigrations } from '@core/content/popularity.ts';
import { ContentStore } from '@core/content/store.ts';
import { openDatabase } from '@core/db/database.ts';
import { writeArticleVotes } from '@feedback/articles/demo-history.ts';
import { feedbackMigrations } from '@feedback/feedback.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import { Routing } from '@feedback/routing/routing.ts';
import { complaintsAfterSearch, linkDemoSearches } from '@feedback/search-followups/demo-history.ts';
import { searchAnalyticsMigrations } from '@search/analytics.ts';
import { writeSearchesBefore, writeSearchHistory } from '@search/demo-history.ts';

/**
 * npm run demo:history -- --weeks 12 --seed 1: writes a realistic history (complaints with seasonal and
 * product-specific rises, ratings, suggestion sessions, searches and clicks, searches that ended in a complaint, readers' votes
 * on the public articles of KB_CONTENT_DIR) into DATA_DIR's database, so the insights and the editors' ranking show
 * something on a fresh start. Stop the portal first or run it before `npm run start:demo`.
 */
const { values } = parseArgs({ options: { weeks: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' } } });
const weeks = Number(values.weeks);
const seed = Number(values.seed);
if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw new Error('--weeks: give a whole number of weeks from 1 to 104.');
if (!Number.isInteger(seed)) throw new Error('--seed: give a whole number.');

const cfg = config();
const db = openDatabase(path.join(cfg.dataDir, 'kb.sqlite'), [...popularityMigrations, ...searchAnalyticsMigrations, ...adminMigrations, ...feedbackMigrations]);
const routing = new Routing(db);
routing.seed();
const now = new Date();
const complaints = writeComplaintHistory(db, routing, { weeks, seed, now });
const searches = writeSearchHistory(db, { weeks, seed, now });
const searched = complaintsAfterSearch(db, 8);
const followed = linkDemoSearches(db, searched, writeSearchesBefore(db, searched, seed));
const articles = new ContentStore(cfg.contentDir).loadAll().all().filter((a) => a.meta.audience === 'public' && a.meta.status === 'published');
const votes = writeArticleVotes(db, articles, { weeks, seed, now });
console.log(`${complaints.complaints} complaints, ${complaints.ratings} ratings, ${complaints.suggestionSessions} complaint forms with suggestions, ${searches.searches} searches (${searches.clicks} with an opened result), ${followed} complaints sent after a search, ${votes.votes} votes on ${articles.length} articles (${votes.comments} with a comment) over ${weeks} weeks (seed ${seed}) in ${path.join(cfg.dataDir, 'kb.sqlite')}`);
db.close();
