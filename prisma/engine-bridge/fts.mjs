// Full-text search objects that Prisma cannot express, hand-written in the migrations
// (prisma/migrations/*_init and prisma/postgres/migrations/*_init).

/**
 * The SQLite FTS5 table and its shadow tables, and "TipSearchWord", the words it indexes with how
 * many tips have each ('' counts the tips): a word being typed is expanded to the indexed words it
 * starts (FTS5 reads the whole index of a long prefix), and words most tips have are left out of
 * ranking (bm25 gives them no weight, yet reads all their index to say so). Declared external so
 * Prisma never drops them.
 */
export const SQLITE_FTS_TABLES = ['TipSearch', 'TipSearch_config', 'TipSearch_data', 'TipSearch_docsize', 'TipSearch_idx', 'TipSearchWord'];

/**
 * The triggers that keep "TipSearch" and "TipSearchWord" in sync with "Tip". SQLite migrations
 * that redefine "Tip" (drop + rename) lose them: the migration generator appends this, then
 * rebuilds the index. Only a change of "searchText" touches the index: votes and status changes
 * leave it alone. "searchText" is words of letters and digits separated by single spaces
 * (src/domain/tips/search-text.ts), so quoting it as a JSON array splits it into its words. Only
 * rows indexed by the current rules ("searchVersion" > 0) are counted in "TipSearchWord"; older
 * ones are, once re-indexed when the database is opened.
 */
export const SQLITE_TIP_SEARCH_TRIGGERS = `CREATE TRIGGER "Tip_search_insert" AFTER INSERT ON "Tip" BEGIN
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
    INSERT INTO "TipSearchWord" ("word", "docs") SELECT DISTINCT value, 1 FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(new."searchText", ' ', '","') || '"]' AS j))) WHERE value <> '' AND new."searchVersion" > 0
        ON CONFLICT ("word") DO UPDATE SET "docs" = "docs" + 1;
    INSERT INTO "TipSearchWord" ("word", "docs") SELECT '', 1 WHERE new."searchVersion" > 0 ON CONFLICT ("word") DO UPDATE SET "docs" = "docs" + 1;
END;

CREATE TRIGGER "Tip_search_delete" AFTER DELETE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    UPDATE "TipSearchWord" SET "docs" = "docs" - 1 WHERE old."searchVersion" > 0 AND ("word" = '' OR "word" IN (SELECT value FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(old."searchText", ' ', '","') || '"]' AS j)))));
END;

CREATE TRIGGER "Tip_search_update" AFTER UPDATE OF "searchText", "searchVersion" ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
    UPDATE "TipSearchWord" SET "docs" = "docs" - 1 WHERE old."searchVersion" > 0 AND ("word" = '' OR "word" IN (SELECT value FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(old."searchText", ' ', '","') || '"]' AS j)))));
    INSERT INTO "TipSearchWord" ("word", "docs") SELECT DISTINCT value, 1 FROM json_each((SELECT CASE WHEN json_valid(j) THEN j ELSE '[]' END FROM (SELECT '["' || replace(new."searchText", ' ', '","') || '"]' AS j))) WHERE value <> '' AND new."searchVersion" > 0
        ON CONFLICT ("word") DO UPDATE SET "docs" = "docs" + 1;
    INSERT INTO "TipSearchWord" ("word", "docs") SELECT '', 1 WHERE new."searchVersion" > 0 ON CONFLICT ("word") DO UPDATE SET "docs" = "docs" + 1;
END;
`;
