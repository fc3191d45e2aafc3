// Lesson files become revisions. When a (lesson, language) file differs from what was last imported
// from it, a new revision waits for review. The very first import of a fresh installation is approved
// by the system (and the audit log says so), so that `npm start` shows the curriculum at once.
import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { dialectOf } from "~/db/database.server";
import { parse as parseYaml } from "yaml";
import { checkCurriculum, type LessonSource } from "~/content/check";
import type { ContentProblem } from "~/content/document";
import type { Termbase } from "~/content/terms";
import { recordAudit } from "~/db/audit.server";
import { timestampOf, type Database } from "~/db/schema";
import { isLanguage, languages, type Language } from "~/i18n/languages";
import { publishRevision } from "./published.server";

interface SyncResult {
  firstImport: boolean;
  created: { slug: string; language: Language; revisionId: number }[];
  /** Files that `content check` rejects: never imported (a broken lesson.yaml keeps the lesson's metadata). */
  refused: ContentProblem[];
}

/** An arbitrary, fixed key for PostgreSQL's advisory lock around the import. */
const syncLockKey = 7_341_001;

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The source language named in lesson.yaml, read leniently: a broken file is reported by content check. */
function sourceLanguageOf(metadataText: string | null): Language {
  try {
    const source = (parseYaml(metadataText ?? "") as { source?: unknown } | null)?.source;
    return isLanguage(source) ? source : "ka";
  } catch {
    return "ka";
  }
}

export async function syncLessonFiles(db: Kysely<Database>, sources: LessonSource[], now = new Date(), termbase?: Termbase): Promise<SyncResult> {
  const at = timestampOf(now);
  // The files as `content check` sees them: one that it rejects never becomes a revision, and a broken
  // lesson.yaml never replaces the metadata a published lesson is served with.
  const { problems } = checkCurriculum(sources, { termbase });
  const refused = problems.filter((problem) => problem.file.endsWith(".md") || !/source language file/.test(problem.message));
  const refusedFiles = new Set(refused.map((problem) => problem.file));
  return db.transaction().execute(async (trx) => {
    // Instances starting together on one PostgreSQL import one after the other, never both at once
    // (SQLite transactions begin IMMEDIATE and queue by themselves).
    if (dialectOf(db) === "postgres") await sql`select pg_advisory_xact_lock(${syncLockKey})`.execute(trx);
    const existing = await trx.selectFrom("revisions").select(trx.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    const firstImport = Number(existing.count) === 0;
    const created: SyncResult["created"] = [];

    for (const source of sources) {
      if (source.metadataText === null) continue;
      const metadataRefused = refusedFiles.has(`${source.folder}/lesson.yaml`);
      const lesson = await trx.selectFrom("lessons").select(["slug", "metadata", "source_language"]).where("slug", "=", source.slug).executeTakeFirst();
      if (metadataRefused && !lesson) continue;
      const sourceLanguage = metadataRefused && lesson && isLanguage(lesson.source_language) ? lesson.source_language : sourceLanguageOf(source.metadataText);
      if (metadataRefused) {
        // Keep serving what is published with the metadata it was approved with.
      } else if (!lesson) {
        await trx
          .insertInto("lessons")
          .values({ slug: source.slug, source_language: sourceLanguage, metadata: source.metadataText, created_at: at, updated_at: at })
          .execute();
      }
      // A changed lesson.yaml goes through review like the text: it rides on a source-language revision
      // and becomes the lesson's metadata when that revision is approved (never before).
      let metadataForReview: string | null = null;
      if (!metadataRefused && lesson && lesson.metadata !== source.metadataText) {
        const lastSubmitted = await trx
          .selectFrom("revisions")
          .select("metadata")
          .where("lesson_slug", "=", source.slug)
          .where("language", "=", sourceLanguage)
          .where("origin", "=", "file")
          .where("metadata", "is not", null)
          .orderBy("id", "desc")
          .executeTakeFirst();
        if (lastSubmitted?.metadata !== source.metadataText) metadataForReview = source.metadataText;
      }

      // The source language first, so that a translation imported in the same pass can follow it.
      const order = [sourceLanguage, ...languages.filter((language) => language !== sourceLanguage)];
      for (const language of order) {
        const text = source.languageTexts[language];
        if (text === undefined || refusedFiles.has(`${source.folder}/${language}.md`)) continue;
        const hash = contentHash(text);
        const lastFromFile = await trx
          .selectFrom("revisions")
          .select(["content_hash"])
          .where("lesson_slug", "=", source.slug)
          .where("language", "=", language)
          .where("origin", "=", "file")
          .orderBy("id", "desc")
          .executeTakeFirst();
        const carriesMetadata = language === sourceLanguage && metadataForReview !== null;
        if (lastFromFile?.content_hash === hash && !carriesMetadata) continue;

        const follows =
          language === sourceLanguage
            ? null
            : ((
                await trx
                  .selectFrom("revisions")
                  .select("id")
                  .where("lesson_slug", "=", source.slug)
                  .where("language", "=", sourceLanguage)
                  .where("status", firstImport ? "in" : "=", firstImport ? ["approved", "in_review"] : "approved")
                  .orderBy("id", "desc")
                  .executeTakeFirst()
              )?.id ?? null);

        // A newer revision replaces older ones still waiting: nobody should decide a stale text.
        await trx
          .updateTable("revisions")
          .set({ status: "superseded" })
          .where("lesson_slug", "=", source.slug)
          .where("language", "=", language)
          .where("status", "=", "in_review")
          .execute();

        const revision = await trx
          .insertInto("revisions")
          .values({
            lesson_slug: source.slug,
            language,
            content: text,
            content_hash: hash,
            metadata: carriesMetadata ? metadataForReview : null,
            follows,
            author_id: null,
            origin: "file",
            status: firstImport ? "approved" : "in_review",
            // No comment: the pages say "approved automatically with the first import" in the reader's language.
            comment: null,
            decided_by: null,
            decided_at: firstImport ? at : null,
            created_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        created.push({ slug: source.slug, language, revisionId: revision.id });

        if (firstImport) await publishRevision(trx, { slug: source.slug, language, revisionId: revision.id, at });
        await recordAudit(trx, {
          actorId: null,
          actor: "system",
          action: firstImport ? "revision.import-approved" : "revision.submit",
          subject: `revision:${revision.id}`,
          details: { lesson: source.slug, language, origin: "file", ...(carriesMetadata ? { metadata: "lesson.yaml changed" } : {}) },
          at: now,
        });
      }
    }
    if (firstImport && created.length > 0) {
      await recordAudit(trx, {
        actorId: null,
        actor: "system",
        action: "curriculum.first-import",
        details: { revisions: created.length, note: "A fresh installation's first import is approved by the system." },
        at: now,
      });
    }
    return { firstImport, created, refused };
  });
}
