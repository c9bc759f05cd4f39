-- Names one typo away, read from two btree ranges instead of a trigram index (docs/scaling.md, "Search
-- at a million customers"): words starting with the query's first letters (customer_search_words_word_idx)
-- and words ending with its last ones (this reverse index). Both are index-only scans; the GIN trigram
-- index read a heap row per candidate (18 ms a search at a million customers) and cost every new word
-- a GIN insert. fuzzystrmatch (trusted, PostgreSQL 13+; PGlite loads it from its contrib, db/client.ts)
-- gives levenshtein_less_equal, the filter on each range. pg_trgm stays: `%` checks a query's other words.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
DROP INDEX "customer_search_words_word_trgm_idx";--> statement-breakpoint
CREATE INDEX "customer_search_words_reverse_idx" ON "customer_search_words" USING btree ("org_id",reverse("word") text_pattern_ops,"word","customer_id");
