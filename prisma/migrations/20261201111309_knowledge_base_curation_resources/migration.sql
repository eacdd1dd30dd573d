-- CreateTable
CREATE TABLE "TipFlag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tipId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "TipFlag_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TipFlag_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'link',
    "year" INTEGER,
    "networkId" INTEGER,
    "channelId" INTEGER,
    "addedById" INTEGER,
    "language" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Resource_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Resource_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Resource_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResourceTag" (
    "resourceId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    PRIMARY KEY ("resourceId", "tag"),
    CONSTRAINT "ResourceTag_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Channel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "networkId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "digestFrequency" TEXT NOT NULL DEFAULT 'weekly',
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "digestSkipEmpty" BOOLEAN NOT NULL DEFAULT false,
    "isHub" BOOLEAN NOT NULL DEFAULT false,
    "digestModeration" BOOLEAN NOT NULL DEFAULT false,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Channel_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Channel" ("createdAt", "digestFrequency", "digestSkipEmpty", "digestTime", "digestWeekday", "externalId", "id", "isHub", "locale", "name", "networkId", "platform", "timezone", "workspace") SELECT "createdAt", "digestFrequency", "digestSkipEmpty", "digestTime", "digestWeekday", "externalId", "id", "isHub", "locale", "name", "networkId", "platform", "timezone", "workspace" FROM "Channel";
DROP TABLE "Channel";
ALTER TABLE "new_Channel" RENAME TO "Channel";
CREATE INDEX "Channel_networkId_idx" ON "Channel"("networkId");
CREATE UNIQUE INDEX "Channel_platform_workspace_externalId_key" ON "Channel"("platform", "workspace", "externalId");
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
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" DATETIME,
    "mergedIntoId" INTEGER,
    "verifiedAt" DATETIME,
    "verifiedById" INTEGER,
    "reviewAt" DATETIME,
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tip_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Tip_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Tip" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Hand-edited: tips hidden before this migration count as hidden since their last change (for the purge).
INSERT INTO "new_Tip" ("authorId", "channelId", "createdAt", "id", "language", "networkId", "permalink", "searchText", "searchVersion", "status", "text", "title", "updatedAt", "voteCount", "hiddenAt") SELECT "authorId", "channelId", "createdAt", "id", "language", "networkId", "permalink", "searchText", "searchVersion", "status", "text", "title", "updatedAt", "voteCount", CASE WHEN "status" = 'hidden' THEN "updatedAt" END FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE INDEX "Tip_createdAt_idx" ON "Tip"("createdAt");
CREATE INDEX "Tip_voteCount_createdAt_idx" ON "Tip"("voteCount", "createdAt");
CREATE INDEX "Tip_networkId_createdAt_idx" ON "Tip"("networkId", "createdAt");
CREATE INDEX "Tip_authorId_idx" ON "Tip"("authorId");
CREATE INDEX "Tip_mergedIntoId_idx" ON "Tip"("mergedIntoId");
CREATE INDEX "Tip_status_reviewAt_idx" ON "Tip"("status", "reviewAt");
CREATE INDEX "Tip_status_hiddenAt_idx" ON "Tip"("status", "hiddenAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TipFlag_tipId_resolvedAt_idx" ON "TipFlag"("tipId", "resolvedAt");

-- CreateIndex
CREATE INDEX "TipFlag_resolvedAt_idx" ON "TipFlag"("resolvedAt");

-- CreateIndex
CREATE INDEX "TipFlag_memberId_idx" ON "TipFlag"("memberId");

-- CreateIndex
CREATE INDEX "Resource_createdAt_idx" ON "Resource"("createdAt");

-- CreateIndex
CREATE INDEX "Resource_networkId_createdAt_idx" ON "Resource"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "ResourceTag_tag_idx" ON "ResourceTag"("tag");

-- "Tip" was rebuilt: restore the full-text search triggers and re-index.
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
