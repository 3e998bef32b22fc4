-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "unitEs" TEXT;
