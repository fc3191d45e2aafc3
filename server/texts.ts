// The few texts the server writes itself, before Remix: the guards' refusals and the 503 of a database
// out of reach, in the language of the path (/hy/…), else Georgian. From the same locale files as the pages.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ErrorTexts {
  badRequest: string;
  tooLong: string;
  tooLarge: string;
  otherSite: string;
  unavailableTitle: string;
  unavailable: string;
}

type GuardTextKey = "badRequest" | "tooLong" | "tooLarge" | "otherSite";

export class ServerTexts {
  private readonly byLanguage: Map<string, ErrorTexts>;

  constructor(localesDirectory: string) {
    this.byLanguage = new Map(
      readdirSync(localesDirectory).map((language) => {
        const common = JSON.parse(readFileSync(path.join(localesDirectory, language, "common.json"), "utf8")) as { error: ErrorTexts };
        return [language, common.error];
      }),
    );
  }

  private forPath(pathname: string): ErrorTexts {
    const prefix = pathname.slice(1, 3);
    return (pathname[3] === "/" && this.byLanguage.get(prefix)) || this.byLanguage.get("ka")!;
  }

  guard(pathname: string, key: GuardTextKey): string {
    return `${this.forPath(pathname)[key]}\n`;
  }

  unavailable(language: string | undefined): string {
    const texts = (language && this.byLanguage.get(language)) || this.byLanguage.get("ka")!;
    return `${texts.unavailableTitle}\n\n${texts.unavailable}\n`;
  }
}
