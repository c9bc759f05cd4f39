-- Names one typo away ("Sawyr" finds Sawyer): a trigram index on the search words (docs/api.md, "Search").
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. PGlite loads it
-- from @electric-sql/pglite/contrib/pg_trgm (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "customer_search_words_word_trgm_idx" ON "customer_search_words" USING gin ("word" gin_trgm_ops);
