-- DropIndex
DROP INDEX "Role_memberId_networkId_role_key";

-- DropIndex
DROP INDEX "Rsvp_meetupId_memberId_key";


-- Hand-written: every existing member is a person of their own, with the same id (their reminder choice moves with them); the
-- columns are added empty, filled, then required.
-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "calendarToken" TEXT,
    "reminderDMs" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);
INSERT INTO "Person" ("id", "createdAt", "reminderDMs") SELECT "id", "createdAt", "reminderDMs" FROM "Member";
SELECT setval(pg_get_serial_sequence('"Person"', 'id'), GREATEST((SELECT MAX("id") FROM "Person"), 1), (SELECT COUNT(*) > 0 FROM "Person"));
ALTER TABLE "Member" DROP COLUMN "reminderDMs";
ALTER TABLE "Member" ADD COLUMN "personId" INTEGER;
UPDATE "Member" SET "personId" = "id";
ALTER TABLE "Member" ALTER COLUMN "personId" SET NOT NULL;
ALTER TABLE "Role" ADD COLUMN "personId" INTEGER;
UPDATE "Role" SET "personId" = "memberId";
ALTER TABLE "Role" ALTER COLUMN "personId" SET NOT NULL;
ALTER TABLE "Rsvp" ADD COLUMN "personId" INTEGER;
UPDATE "Rsvp" SET "personId" = "memberId";
ALTER TABLE "Rsvp" ALTER COLUMN "personId" SET NOT NULL;
ALTER TABLE "TipVote" ADD COLUMN "personId" INTEGER;
UPDATE "TipVote" SET "personId" = "memberId";
ALTER TABLE "TipVote" ALTER COLUMN "personId" SET NOT NULL;
ALTER TABLE "TipVote" DROP CONSTRAINT "TipVote_pkey", ADD CONSTRAINT "TipVote_pkey" PRIMARY KEY ("tipId", "personId");

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" SERIAL NOT NULL,
    "codeHash" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_calendarToken_key" ON "Person"("calendarToken");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCode_codeHash_key" ON "LinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "LinkCode_memberId_createdAt_idx" ON "LinkCode"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "LinkCode_expiresAt_idx" ON "LinkCode"("expiresAt");

-- CreateIndex
CREATE INDEX "LinkAttempt_memberId_createdAt_idx" ON "LinkAttempt"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Member_personId_idx" ON "Member"("personId");

-- CreateIndex
CREATE INDEX "Role_memberId_idx" ON "Role"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Role_personId_networkId_role_key" ON "Role"("personId", "networkId", "role");

-- CreateIndex
CREATE INDEX "Rsvp_personId_idx" ON "Rsvp"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_meetupId_personId_key" ON "Rsvp"("meetupId", "personId");

-- CreateIndex
CREATE INDEX "TipVote_personId_idx" ON "TipVote"("personId");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkAttempt" ADD CONSTRAINT "LinkAttempt_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipVote" ADD CONSTRAINT "TipVote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
