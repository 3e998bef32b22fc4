-- AlterTable: the existing date notes are Contraste's English notes; they keep their text as dateNoteEn.
ALTER TABLE "Event" RENAME COLUMN "dateNote" TO "dateNoteEn";
ALTER TABLE "Event" ADD COLUMN     "appliesToAll" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dateNoteEs" TEXT;

-- CreateTable
CREATE TABLE "EventIndicator" (
    "eventId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "EventIndicator_pkey" PRIMARY KEY ("eventId","indicatorId")
);

-- CreateIndex
CREATE INDEX "EventIndicator_indicatorId_idx" ON "EventIndicator"("indicatorId");

-- AddForeignKey
ALTER TABLE "EventIndicator" ADD CONSTRAINT "EventIndicator_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventIndicator" ADD CONSTRAINT "EventIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
