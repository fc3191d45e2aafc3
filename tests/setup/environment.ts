// Each test worker gets its own SQLite database and PDF cache, so that no test writes into data/ and
// workers never share state. Tests that need a particular database make their own (tests/db).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const directory = mkdtempSync(path.join(tmpdir(), "portal-test-"));
process.env.DATABASE_URL = path.join(directory, "portal.db");
process.env.PDF_CACHE_DIR = path.join(directory, "pdf-cache");
