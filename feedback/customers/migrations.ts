import type { Migration } from '@core/db/database.ts';

/**
 * The customer record: one row per person, whatever the channel, and which customer each complaint
 * belongs to. Complaints keep the contact details they came with (the customer's words at the time);
 * the customer row holds the normalised ones used to recognise them. Existing complaints are linked at
 * start-up by `Customers.linkUnlinked()`, which needs the phone library and so cannot be SQL.
 */
export const customerMigrations: Migration[] = [
  {
    id: 'feedback/customers-001-records',
    sql: `
      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Trimmed and lower-cased.
        email TEXT,
        -- E.164, or NULL when no number given could be read.
        phone TEXT,
        name TEXT,
        -- The name lower-cased, accent-folded and without punctuation: what search and duplicates compare.
        name_folded TEXT NOT NULL DEFAULT '',
        gram_count INTEGER NOT NULL DEFAULT 0,
        -- The language of the customer's latest complaint.
        locale TEXT,
        -- Set when staff merged this record into another; its complaints moved there.
        merged_into INTEGER REFERENCES customers(id)
      );
      CREATE INDEX customers_email ON customers (email) WHERE email IS NOT NULL;
      CREATE INDEX customers_phone ON customers (phone) WHERE phone IS NOT NULL;
      CREATE INDEX customers_name ON customers (name_folded) WHERE merged_into IS NULL AND name_folded <> '';

      -- The trigrams of each customer's folded name: typo-tolerant name search without scanning every row.
      CREATE TABLE customer_name_grams (
        gram TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        PRIMARY KEY (gram, customer_id)
      ) WITHOUT ROWID;
      CREATE INDEX customer_name_grams_customer ON customer_name_grams (customer_id);

      CREATE TABLE customer_complaints (
        complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id)
      );
      CREATE INDEX customer_complaints_customer ON customer_complaints (customer_id);

      -- Staff merges, kept so each can be undone: which complaints moved and which empty fields it filled.
      CREATE TABLE customer_merges (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        from_id INTEGER NOT NULL REFERENCES customers(id),
        into_id INTEGER NOT NULL REFERENCES customers(id),
        complaint_ids TEXT NOT NULL,
        filled TEXT NOT NULL,
        undone_at TEXT,
        undone_by INTEGER REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX customer_merges_into ON customer_merges (into_id);
    `,
  },
  {
    id: 'feedback/customers-002-dismissed-duplicates',
    sql: `
      -- Pairs staff said are not one person: no longer suggested as duplicates (lower id first).
      CREATE TABLE customer_not_duplicates (
        first_id INTEGER NOT NULL REFERENCES customers(id),
        second_id INTEGER NOT NULL REFERENCES customers(id),
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        PRIMARY KEY (first_id, second_id),
        CHECK (first_id < second_id)
      ) WITHOUT ROWID;
    `,
  },
];
