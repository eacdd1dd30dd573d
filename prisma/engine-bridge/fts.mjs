// Full-text search objects that Prisma cannot express, hand-written in the migrations
// (prisma/migrations/*_init and prisma/postgres/migrations/*_init).

/** The SQLite FTS5 table and its shadow tables: declared external so Prisma never drops them. */
export const SQLITE_FTS_TABLES = ['TipSearch', 'TipSearch_config', 'TipSearch_data', 'TipSearch_docsize', 'TipSearch_idx'];

/**
 * The triggers that keep "TipSearch" in sync with "Tip". SQLite migrations that redefine "Tip"
 * (drop + rename) lose them: the migration generator appends this, then rebuilds the index.
 */
export const SQLITE_TIP_SEARCH_TRIGGERS = `CREATE TRIGGER "Tip_search_insert" AFTER INSERT ON "Tip" BEGIN
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "Tip_search_delete" AFTER DELETE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "Tip_search_update" AFTER UPDATE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;
`;
