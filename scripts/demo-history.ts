import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminMigrations } from '@admin/admin.ts';
import { config } from '@core/config/config.ts';
import { popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase } from '@core/db/database.ts';
import { feedbackMigrations } from '@feedback/feedback.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import { Routing } from '@feedback/routing/routing.ts';
import { searchAnalyticsMigrations } from '@search/analytics.ts';
import { writeSearchHistory } from '@search/demo-history.ts';

/**
 * npm run demo:history -- --weeks 12 --seed 1: writes a realistic history (complaints with seasonal and
 * product-specific rises, ratings, suggestion sessions, searches and clicks) into DATA_DIR's database, so the insights show
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
console.log(`${complaints.complaints} complaints, ${complaints.ratings} ratings, ${complaints.suggestionSessions} complaint forms with suggestions, ${searches.searches} searches (${searches.clicks} with an opened result) over ${weeks} weeks (seed ${seed}) in ${path.join(cfg.dataDir, 'kb.sqlite')}`);
db.close();
