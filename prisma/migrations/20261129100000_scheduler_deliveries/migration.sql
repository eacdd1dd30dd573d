-- AlterTable
ALTER TABLE "Summary" ADD COLUMN "dueAt" DATETIME;

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetupId" INTEGER NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "messageId" TEXT,
    "postedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderDelivery_meetupId_fkey" FOREIGN KEY ("meetupId") REFERENCES "Meetup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_meetupId_offsetMinutes_target_key" ON "ReminderDelivery"("meetupId", "offsetMinutes", "target");

