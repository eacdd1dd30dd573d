-- CreateTable
CREATE TABLE "TagAlias" (
    "from" TEXT NOT NULL PRIMARY KEY,
    "into" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tip" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "searchVersion" INTEGER NOT NULL DEFAULT 0,
    "language" TEXT,
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
-- Hand-edited: a tip's language is its channel's locale (null without a channel: stemmed in both).
-- searchVersion stays 0: opening the database re-indexes these tips with the stemmer (search-index.ts).
INSERT INTO "new_Tip" ("authorId", "channelId", "createdAt", "id", "networkId", "permalink", "searchText", "status", "text", "title", "updatedAt", "voteCount", "language") SELECT "authorId", "channelId", "createdAt", "id", "networkId", "permalink", "searchText", "status", "text", "title", "updatedAt", "voteCount", (SELECT "locale" FROM "Channel" WHERE "Channel"."id" = "Tip"."channelId" AND "locale" IN ('fr', 'en')) FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE INDEX "Tip_createdAt_idx" ON "Tip"("createdAt");
CREATE INDEX "Tip_voteCount_createdAt_idx" ON "Tip"("voteCount", "createdAt");
CREATE INDEX "Tip_networkId_createdAt_idx" ON "Tip"("networkId", "createdAt");
CREATE INDEX "Tip_authorId_idx" ON "Tip"("authorId");
CREATE TABLE "new_TipTag" (
    "tipId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    PRIMARY KEY ("tipId", "tag"),
    CONSTRAINT "TipTag_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Hand-edited: the written form of existing tags is lost; their folded form is the best label known.
INSERT INTO "new_TipTag" ("tag", "tipId", "label") SELECT "tag", "tipId", "tag" FROM "TipTag";
DROP TABLE "TipTag";
ALTER TABLE "new_TipTag" RENAME TO "TipTag";
CREATE INDEX "TipTag_tag_idx" ON "TipTag"("tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TagAlias_into_idx" ON "TagAlias"("into");

-- Hand-written: the words the search index holds and how many tips have each ('' counts the
-- tips), so that a word being typed is expanded to the indexed words it starts (FTS5 would read
-- the whole index of a prefix longer than its prefix indexes), and words most tips have are left
-- out of ranking. Kept by the triggers below; opening the database re-indexes every tip
-- (searchVersion 0), which counts them.
CREATE TABLE "TipSearchWord" ("word" TEXT NOT NULL PRIMARY KEY, "docs" INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;

-- "Tip" was rebuilt: restore the full-text search triggers and re-index.
-- Hand-edited: the index follows "searchText" only; a vote or a status change leaves it as it is.
CREATE TRIGGER "Tip_search_insert" AFTER INSERT ON "Tip" BEGIN
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

INSERT INTO "TipSearch" ("TipSearch") VALUES ('rebuild');
