-- AlterTable
ALTER TABLE "Announcement" ALTER COLUMN "messageId" DROP NOT NULL;

-- DropTable
DROP TABLE "ProcessedEvent";

-- CreateTable
CREATE TABLE "Inbound" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "Inbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbound" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "purpose" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "messageId" TEXT,
    "error" TEXT,
    "inboundId" INTEGER,
    "notify" TEXT,
    "recipient" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Outbound_pkey" PRIMARY KEY ("id")
);

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
