-- AlterTable
ALTER TABLE "Tip" ADD COLUMN     "language" TEXT,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "searchVersion" INTEGER NOT NULL DEFAULT 0;

-- Backfill (hand-written): a tip's language is its channel's locale (null without a channel:
-- stemmed in both). searchVersion stays 0: opening the database re-indexes these tips with the
-- stemmer (src/domain/tips/search-index.ts).
UPDATE "Tip" SET "language" = c."locale" FROM "Channel" c WHERE c."id" = "Tip"."channelId" AND c."locale" IN ('fr', 'en');

-- AlterTable (hand-edited: filled before NOT NULL). The written form of existing tags is lost;
-- their folded form is the best label known.
ALTER TABLE "TipTag" ADD COLUMN     "label" TEXT;
UPDATE "TipTag" SET "label" = "tag";
ALTER TABLE "TipTag" ALTER COLUMN "label" SET NOT NULL;

-- CreateTable
CREATE TABLE "TagAlias" (
    "from" TEXT NOT NULL,
    "into" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagAlias_pkey" PRIMARY KEY ("from")
);

-- CreateIndex
CREATE INDEX "TagAlias_into_idx" ON "TagAlias"("into");

-- Full-text search (hand-written): "searchVector" is the stored tsvector of "searchText", kept by
-- a trigger when "searchText" changes (Prisma cannot express generated columns; the trigger keeps
-- the column plain, as the schema declares it). "searchText" is already folded and stemmed in code
-- (src/domain/tips/search-text.ts), so the 'simple' configuration only splits it.
CREATE FUNCTION "Tip_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchVector" := to_tsvector('simple', NEW."searchText");
    RETURN NEW;
END
$$;

CREATE TRIGGER "Tip_search_vector" BEFORE INSERT OR UPDATE OF "searchText" ON "Tip"
    FOR EACH ROW EXECUTE FUNCTION "Tip_search_vector"();

UPDATE "Tip" SET "searchVector" = to_tsvector('simple', "searchText");

-- The expression index it replaces: every query recomputed to_tsvector on each matching row.
DROP INDEX "Tip_searchText_fts_idx";

-- CreateIndex (hand-edited: fastupdate off). Tips are written at the pace of people; with a
-- pending list, every search would also scan the entries not yet merged into the index.
CREATE INDEX "Tip_searchVector_idx" ON "Tip" USING GIN ("searchVector") WITH (fastupdate = off);
