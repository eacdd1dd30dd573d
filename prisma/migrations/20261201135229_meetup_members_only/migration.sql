-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meetup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "timezone" TEXT NOT NULL,
    "place" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "organizerId" INTEGER NOT NULL,
    "networkId" INTEGER,
    "channelId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "reminderOffsets" TEXT,
    "amended" TEXT,
    "membersOnly" BOOLEAN NOT NULL DEFAULT false,
    "seriesId" INTEGER,
    "occurrenceStart" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meetup_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meetup_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meetup_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meetup_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Meetup" ("amended", "capacity", "channelId", "createdAt", "description", "endsAt", "id", "networkId", "occurrenceStart", "onlineUrl", "organizerId", "place", "reminderOffsets", "revision", "sequence", "seriesId", "startsAt", "status", "timezone", "title", "updatedAt") SELECT "amended", "capacity", "channelId", "createdAt", "description", "endsAt", "id", "networkId", "occurrenceStart", "onlineUrl", "organizerId", "place", "reminderOffsets", "revision", "sequence", "seriesId", "startsAt", "status", "timezone", "title", "updatedAt" FROM "Meetup";
DROP TABLE "Meetup";
ALTER TABLE "new_Meetup" RENAME TO "Meetup";
CREATE INDEX "Meetup_startsAt_idx" ON "Meetup"("startsAt");
CREATE INDEX "Meetup_networkId_startsAt_idx" ON "Meetup"("networkId", "startsAt");
CREATE UNIQUE INDEX "Meetup_seriesId_occurrenceStart_key" ON "Meetup"("seriesId", "occurrenceStart");
CREATE TABLE "new_MeetupSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rrule" TEXT NOT NULL,
    "firstDate" TEXT NOT NULL,
    "wallTime" TEXT NOT NULL,
    "durationMinutes" INTEGER,
    "until" DATETIME,
    "timezone" TEXT NOT NULL,
    "announceDaysAhead" INTEGER NOT NULL DEFAULT 7,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "place" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "reminderOffsets" TEXT,
    "membersOnly" BOOLEAN NOT NULL DEFAULT false,
    "organizerId" INTEGER NOT NULL,
    "networkId" INTEGER,
    "channelId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetupSeries_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetupSeries_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetupSeries_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MeetupSeries" ("announceDaysAhead", "capacity", "channelId", "createdAt", "description", "durationMinutes", "firstDate", "id", "networkId", "onlineUrl", "organizerId", "place", "reminderOffsets", "rrule", "status", "timezone", "title", "until", "updatedAt", "wallTime") SELECT "announceDaysAhead", "capacity", "channelId", "createdAt", "description", "durationMinutes", "firstDate", "id", "networkId", "onlineUrl", "organizerId", "place", "reminderOffsets", "rrule", "status", "timezone", "title", "until", "updatedAt", "wallTime" FROM "MeetupSeries";
DROP TABLE "MeetupSeries";
ALTER TABLE "new_MeetupSeries" RENAME TO "MeetupSeries";
CREATE INDEX "MeetupSeries_status_idx" ON "MeetupSeries"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
