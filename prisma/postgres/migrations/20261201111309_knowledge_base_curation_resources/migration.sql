-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "digestModeration" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "private" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "restricted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewAt" TIMESTAMP(3),
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" INTEGER;

-- Hand-written: tips hidden before this migration count as hidden since their last change (for the purge).
UPDATE "Tip" SET "hiddenAt" = "updatedAt" WHERE "status" = 'hidden';

-- CreateTable
CREATE TABLE "TipFlag" (
    "id" SERIAL NOT NULL,
    "tipId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "TipFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'link',
    "year" INTEGER,
    "networkId" INTEGER,
    "channelId" INTEGER,
    "addedById" INTEGER,
    "language" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceTag" (
    "resourceId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "ResourceTag_pkey" PRIMARY KEY ("resourceId","tag")
);

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

-- CreateIndex
CREATE INDEX "Tip_mergedIntoId_idx" ON "Tip"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Tip_status_reviewAt_idx" ON "Tip"("status", "reviewAt");

-- CreateIndex
CREATE INDEX "Tip_status_hiddenAt_idx" ON "Tip"("status", "hiddenAt");

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Tip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipFlag" ADD CONSTRAINT "TipFlag_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipFlag" ADD CONSTRAINT "TipFlag_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceTag" ADD CONSTRAINT "ResourceTag_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
