-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "calendarToken" TEXT,
    "reminderDMs" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Hand-written: every existing member is a person of their own, with the same id (their reminder choice moves with them).
INSERT INTO "Person" ("id", "createdAt", "reminderDMs") SELECT "id", "createdAt", "reminderDMs" FROM "Member";

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "codeHash" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkCode_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkAttempt_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Member_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Hand-edited: each row is its member's person's.
INSERT INTO "new_Member" ("createdAt", "displayName", "externalId", "id", "platform", "workspace", "personId") SELECT "createdAt", "displayName", "externalId", "id", "platform", "workspace", "id" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_personId_idx" ON "Member"("personId");
CREATE UNIQUE INDEX "Member_platform_workspace_externalId_key" ON "Member"("platform", "workspace", "externalId");
CREATE TABLE "new_Role" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "networkId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Role_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Role_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Role_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Hand-edited: each row is its member's person's.
INSERT INTO "new_Role" ("createdAt", "id", "memberId", "networkId", "role", "personId") SELECT "createdAt", "id", "memberId", "networkId", "role", "memberId" FROM "Role";
DROP TABLE "Role";
ALTER TABLE "new_Role" RENAME TO "Role";
CREATE INDEX "Role_networkId_idx" ON "Role"("networkId");
CREATE INDEX "Role_memberId_idx" ON "Role"("memberId");
CREATE UNIQUE INDEX "Role_personId_networkId_role_key" ON "Role"("personId", "networkId", "role");
CREATE TABLE "new_Rsvp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetupId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "waitlisted" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rsvp_meetupId_fkey" FOREIGN KEY ("meetupId") REFERENCES "Meetup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rsvp_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rsvp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Hand-edited: each row is its member's person's.
INSERT INTO "new_Rsvp" ("createdAt", "id", "meetupId", "memberId", "source", "status", "updatedAt", "waitlisted", "personId") SELECT "createdAt", "id", "meetupId", "memberId", "source", "status", "updatedAt", "waitlisted", "memberId" FROM "Rsvp";
DROP TABLE "Rsvp";
ALTER TABLE "new_Rsvp" RENAME TO "Rsvp";
CREATE INDEX "Rsvp_meetupId_status_waitlisted_updatedAt_idx" ON "Rsvp"("meetupId", "status", "waitlisted", "updatedAt");
CREATE INDEX "Rsvp_memberId_idx" ON "Rsvp"("memberId");
CREATE INDEX "Rsvp_personId_idx" ON "Rsvp"("personId");
CREATE UNIQUE INDEX "Rsvp_meetupId_personId_key" ON "Rsvp"("meetupId", "personId");
CREATE TABLE "new_TipVote" (
    "tipId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tipId", "personId"),
    CONSTRAINT "TipVote_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TipVote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TipVote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Hand-edited: each row is its member's person's.
INSERT INTO "new_TipVote" ("createdAt", "memberId", "tipId", "personId") SELECT "createdAt", "memberId", "tipId", "memberId" FROM "TipVote";
DROP TABLE "TipVote";
ALTER TABLE "new_TipVote" RENAME TO "TipVote";
CREATE INDEX "TipVote_memberId_idx" ON "TipVote"("memberId");
CREATE INDEX "TipVote_personId_idx" ON "TipVote"("personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
