-- AlterTable
ALTER TABLE "Meetup" ADD COLUMN     "occurrenceStart" TIMESTAMP(3),
ADD COLUMN     "seriesId" INTEGER;

-- CreateTable
CREATE TABLE "MeetupSeries" (
    "id" SERIAL NOT NULL,
    "rrule" TEXT NOT NULL,
    "firstDate" TEXT NOT NULL,
    "wallTime" TEXT NOT NULL,
    "durationMinutes" INTEGER,
    "until" TIMESTAMP(3),
    "timezone" TEXT NOT NULL,
    "announceDaysAhead" INTEGER NOT NULL DEFAULT 7,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "place" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "reminderOffsets" TEXT,
    "organizerId" INTEGER NOT NULL,
    "networkId" INTEGER,
    "channelId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetupSeries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetupSeries_status_idx" ON "MeetupSeries"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Meetup_seriesId_occurrenceStart_key" ON "Meetup"("seriesId", "occurrenceStart");

-- AddForeignKey
ALTER TABLE "Meetup" ADD CONSTRAINT "Meetup_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetupSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupSeries" ADD CONSTRAINT "MeetupSeries_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupSeries" ADD CONSTRAINT "MeetupSeries_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetupSeries" ADD CONSTRAINT "MeetupSeries_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;
