-- AlterTable
ALTER TABLE "Meetup" ADD COLUMN     "membersOnly" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "MeetupSeries" ADD COLUMN     "membersOnly" BOOLEAN NOT NULL DEFAULT false;
