// /verify/<sha256>: is a PDF with this hash the current approved version, an earlier one, or unknown?
import type { Kysely } from "kysely";
import { getDatabase } from "~/db/database.server";
import type { Database } from "~/db/schema";
import { publishedRevisions } from "./published.server";
import { isLanguage, type Language } from "~/i18n/languages";

interface VerifiedChange {
  slug: string;
  language: Language;
  from: number | null;
  to: number | null;
  approvedAt: string | null;
}

export type Verdict =
  | { kind: "unknown" }
  | {
      kind: "current" | "earlier";
      pdfKind: string;
      contains: { slug: string; language: Language; revisionId: number | null }[];
      changes: VerifiedChange[];
    };

export const sha256Pattern = /^[0-9a-f]{64}$/;

export async function verifyPdf(db: Kysely<Database>, sha256: string): Promise<Verdict> {
  const row = await db.selectFrom("pdf_documents").selectAll().where("sha256", "=", sha256).executeTakeFirst();
  if (!row) return { kind: "unknown" };
  const contains = (JSON.parse(row.revision_ids) as { slug: string; language: string; revisionId: number | null }[]).flatMap((entry) =>
    isLanguage(entry.language) ? [{ ...entry, language: entry.language }] : [],
  );
  const published = await publishedRevisions(db);
  const changes: VerifiedChange[] = [];
  for (const entry of contains) {
    const now = published.find((candidate) => candidate.slug === entry.slug && candidate.language === entry.language);
    if (!now) changes.push({ slug: entry.slug, language: entry.language, from: entry.revisionId, to: null, approvedAt: null });
    else if (now.revisionId !== entry.revisionId) {
      changes.push({ slug: entry.slug, language: entry.language, from: entry.revisionId, to: now.revisionId, approvedAt: now.approvedAt });
    }
  }
  return { kind: changes.length === 0 ? "current" : "earlier", pdfKind: row.kind, contains, changes };
}

/** The verdict for /verify/<sha256>, on the process's database. */
export async function verifyIssuedPdf(sha256: string): Promise<Verdict> {
  return verifyPdf(await getDatabase(), sha256);
}
