-- CreateTable
CREATE TABLE "ChannelFollow" (
    "id" SERIAL NOT NULL,
    "channelId" INTEGER NOT NULL,
    "networkId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelFollow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelFollow_networkId_idx" ON "ChannelFollow"("networkId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelFollow_channelId_networkId_key" ON "ChannelFollow"("channelId", "networkId");

-- AddForeignKey
ALTER TABLE "ChannelFollow" ADD CONSTRAINT "ChannelFollow_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelFollow" ADD CONSTRAINT "ChannelFollow_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;
