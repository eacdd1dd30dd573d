-- AlterTable
ALTER TABLE "Meetup" ADD COLUMN     "amended" TEXT;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "reminderDMs" BOOLEAN NOT NULL DEFAULT true;
