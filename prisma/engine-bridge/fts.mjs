// Full-text search objects that Prisma cannot express, hand-written in the migrations
// (prisma/migrations/*_init and prisma/postgres/migrations/*_init).

/**
 * The SQLite FTS5 table and its shadow tables, and the list of the words it indexes
 * ("TipSearchWord": a word being typed is expanded to the indexed words it starts, since FTS5
 * reads the whole index of a long prefix): declared external so Prisma never drops them.
 */
export const SQLITE_FTS_TABLES = ['TipSearch', 'TipSearch_config', 'TipSearch_data', 'TipSearch_docsize', 'TipSearch_idx', 'TipSearchWord'];

/**
 * The triggers that keep "TipSearch" in sync with "Tip". SQLite migrations that redefine "Tip"
 * (drop + rename) lose them: the migration generator appends this, then rebuilds the index.
 * Only a change of "searchText" touches the index: votes and status changes leave it alone.
 * "searchText" is words of letters and digits separated by single spaces (src/domain/tips/
 * search-text.ts), so quoting it as a JSON array splits it into its words (any other text, as
 * older rows hold until re-indexed, adds no word).
 */
export const SQLITE_TIP_SEARCH_TRIGGERS = `CREATE TRIGGER "Tip_search_insert" AFTER INSERT ON "Tip" BEGIN
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
    INSERT OR IGNORE INTO "TipSearchWord" ("word") SELECT value FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(new."searchText", ' ', '","') || '"]' AS j))) WHERE value <> '';
END;

CREATE TRIGGER "Tip_search_delete" AFTER DELETE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "Tip_search_update" AFTER UPDATE OF "searchText" ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
    INSERT OR IGNORE INTO "TipSearchWord" ("word") SELECT value FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(new."searchText", ' ', '","') || '"]' AS j))) WHERE value <> '';
END;
`;
