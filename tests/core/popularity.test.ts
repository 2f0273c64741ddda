import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popularity, popularityMigrations } from '@core/content/popularity.ts';
import { openDatabase } from '@core/db/database.ts';

function setup() {
  const db = openDatabase(':memory:', popularityMigrations);
  const rows = () => db.prepare('SELECT article_id AS id, views, last_viewed_at AS at FROM article_views ORDER BY article_id').all();
  return { db, rows, popularity: new Popularity(db) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('article view counts', () => {
  it('counts views in memory and writes them together, adding to what is stored', () => {
    const { popularity, rows } = setup();
    popularity.recordView('en/a', new Date('2026-12-01T10:00:00Z'));
    popularity.recordView('en/a', new Date('2026-12-01T10:00:05Z'));
    popularity.recordView('en/b', new Date('2026-12-01T10:00:01Z'));
    expect(rows()).toEqual([]);
    expect(popularity.unwritten).toBe(3);
    popularity.flush();
    expect(rows()).toEqual([
      { id: 'en/a', views: 2, at: '2026-12-01T10:00:05.000Z' },
      { id: 'en/b', views: 1, at: '2026-12-01T10:00:01.000Z' },
    ]);
    expect(popularity.unwritten).toBe(0);
    popularity.recordView('en/a', new Date('2026-12-01T11:00:00Z'));
    popularity.flush();
    expect(rows()[0]).toEqual({ id: 'en/a', views: 3, at: '2026-12-01T11:00:00.000Z' });
  });

  it('ranks with the views not written yet', () => {
    const { popularity } = setup();
    for (let i = 0; i < 3; i++) popularity.recordView('en/often');
    popularity.recordView('en/once');
    expect([...popularity.mostViewed(10)]).toEqual([
      ['en/often', 3],
      ['en/once', 1],
    ]);
  });

  it('a failed write fails no read and loses no count: the views wait for the next flush', () => {
    const { db, popularity, rows } = setup();
    db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON article_views BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    popularity.recordView('en/a');
    expect(() => popularity.flush()).not.toThrow();
    expect(() => popularity.mostViewed(10)).not.toThrow();
    popularity.recordView('en/a');
    expect(popularity.unwritten).toBe(2);
    db.exec('DROP TRIGGER full_disk');
    popularity.flush();
    expect(rows()).toMatchObject([{ id: 'en/a', views: 2 }]);
  });

  it('flushes on its interval, and once more when stopped', () => {
    vi.useFakeTimers();
    const { popularity, rows } = setup();
    const stop = popularity.flushEvery(5000);
    popularity.recordView('en/a');
    vi.advanceTimersByTime(4999);
    expect(rows()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rows()).toMatchObject([{ id: 'en/a', views: 1 }]);
    popularity.recordView('en/a');
    stop();
    expect(rows()).toMatchObject([{ id: 'en/a', views: 2 }]);
    popularity.recordView('en/a');
    vi.advanceTimersByTime(60_000);
    expect(rows()).toMatchObject([{ id: 'en/a', views: 2 }]);
  });
});
