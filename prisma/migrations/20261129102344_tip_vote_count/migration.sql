-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tip" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER NOT NULL,
    "channelId" INTEGER,
    "networkId" INTEGER,
    "permalink" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tip_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Tip_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Hand-edited: the vote counts are backfilled in the copy.
INSERT INTO "new_Tip" ("authorId", "channelId", "createdAt", "id", "networkId", "permalink", "searchText", "status", "text", "title", "updatedAt", "voteCount") SELECT "authorId", "channelId", "createdAt", "id", "networkId", "permalink", "searchText", "status", "text", "title", "updatedAt", (SELECT COUNT(*) FROM "TipVote" WHERE "TipVote"."tipId" = "Tip"."id") FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE INDEX "Tip_createdAt_idx" ON "Tip"("createdAt");
CREATE INDEX "Tip_voteCount_createdAt_idx" ON "Tip"("voteCount", "createdAt");
CREATE INDEX "Tip_networkId_createdAt_idx" ON "Tip"("networkId", "createdAt");
CREATE INDEX "Tip_authorId_idx" ON "Tip"("authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: the search index also indexes 2-, 3- and 4-letter prefixes, so that a short
-- prefix query ("ran"*) reads one index entry instead of merging every word that starts so.
DROP TABLE "TipSearch";
CREATE VIRTUAL TABLE "TipSearch" USING fts5(
    "searchText",
    content = 'Tip',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3 4'
);

-- "Tip" was rebuilt: restore the full-text search triggers and re-index.
CREATE TRIGGER "Tip_search_insert" AFTER INSERT ON "Tip" BEGIN
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "Tip_search_delete" AFTER DELETE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "Tip_search_update" AFTER UPDATE ON "Tip" BEGIN
    INSERT INTO "TipSearch" ("TipSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    INSERT INTO "TipSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

INSERT INTO "TipSearch" ("TipSearch") VALUES ('rebuild');
