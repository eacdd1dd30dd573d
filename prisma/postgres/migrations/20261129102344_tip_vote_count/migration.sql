-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "voteCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill (hand-written): the votes each tip already has.
UPDATE "Tip" SET "voteCount" = v."count" FROM (SELECT "tipId", COUNT(*)::int AS "count" FROM "TipVote" GROUP BY "tipId") v WHERE v."tipId" = "Tip"."id";

-- CreateIndex
CREATE INDEX "Tip_voteCount_createdAt_idx" ON "Tip"("voteCount", "createdAt");
