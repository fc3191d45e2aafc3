// The record of issued PDFs (/verify) stays bounded: the oldest records go first.
import { describe, expect, it } from "vitest";
import { pruneIssuedPdfs } from "~/publication/pdfs.server";
import { openTestDatabase, testedDialects } from "../db/databases";

describe.each(testedDialects())("the record of issued PDFs (%s)", (dialect) => {
  it("keeps at most the configured number, forgetting the oldest first", async () => {
    const database = await openTestDatabase(dialect);
    try {
      const { db } = database;
      for (let index = 0; index < 12; index += 1) {
        await db
          .insertInto("pdf_documents")
          .values({ sha256: index.toString(16).padStart(64, "0"), cache_key: `k${index}`, kind: "pack", language: "ka", revision_ids: "[]", created_at: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString() })
          .execute();
      }
      expect(await pruneIssuedPdfs(db, 10)).toBe(2);
      const left = (await db.selectFrom("pdf_documents").select("cache_key").orderBy("created_at").execute()).map((row) => row.cache_key);
      expect(left).toEqual(["k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11"]);
      expect(await pruneIssuedPdfs(db, 10)).toBe(0);
    } finally {
      await database.dispose();
    }
  });
});
