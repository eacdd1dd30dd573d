-- DropIndex
DROP INDEX "ProcessedEvent_createdAt_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedEvent";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "Inbound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME
);

-- CreateTable
CREATE TABLE "Outbound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "purpose" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "messageId" TEXT,
    "error" TEXT,
    "inboundId" INTEGER,
    "notify" TEXT,
    "recipient" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Announcement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetupId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "messageId" TEXT,
    "renderedRevision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Announcement_meetupId_fkey" FOREIGN KEY ("meetupId") REFERENCES "Meetup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Announcement_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Announcement" ("channelId", "createdAt", "id", "meetupId", "messageId", "renderedRevision", "updatedAt") SELECT "channelId", "createdAt", "id", "meetupId", "messageId", "renderedRevision", "updatedAt" FROM "Announcement";
DROP TABLE "Announcement";
ALTER TABLE "new_Announcement" RENAME TO "Announcement";
CREATE INDEX "Announcement_channelId_messageId_idx" ON "Announcement"("channelId", "messageId");
CREATE UNIQUE INDEX "Announcement_meetupId_channelId_key" ON "Announcement"("meetupId", "channelId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Inbound_key_key" ON "Inbound"("key");

-- CreateIndex
CREATE INDEX "Inbound_status_platform_id_idx" ON "Inbound"("status", "platform", "id");

-- CreateIndex
CREATE INDEX "Inbound_createdAt_idx" ON "Inbound"("createdAt");

-- CreateIndex
CREATE INDEX "Inbound_actor_idx" ON "Inbound"("actor");

-- CreateIndex
CREATE UNIQUE INDEX "Outbound_key_key" ON "Outbound"("key");

-- CreateIndex
CREATE INDEX "Outbound_status_platform_nextAttemptAt_idx" ON "Outbound"("status", "platform", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Outbound_createdAt_idx" ON "Outbound"("createdAt");

-- CreateIndex
CREATE INDEX "Outbound_recipient_idx" ON "Outbound"("recipient");
