import { madeOncePer } from "./format";
import type { Language } from "./languages";

const fileSizeFormatOf = (unit: "kilobyte" | "megabyte") =>
  madeOncePer((language: Language) => new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: unit === "megabyte" ? 1 : 0 }));
const kilobyteFormat = fileSizeFormatOf("kilobyte");
const megabyteFormat = fileSizeFormatOf("megabyte");

function fileSizeFormat(language: Language, megabytes: boolean): Intl.NumberFormat {
  return (megabytes ? megabyteFormat : kilobyteFormat)(language);
}

/** A file size as people read it, in the page's language: "232 KB", "1,4 MB". */
export function formatFileSize(bytes: number, language: Language): string {
  const megabytes = bytes >= 1024 * 1024;
  return fileSizeFormat(language, megabytes).format(megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

/**
 * How formatFileSize writes a size in a language, for a page's script that counts bytes as they arrive
 * (/<lng>/offline): the unit around the number, the decimal sign, and the group sign between thousands
 * ("" where 1000 stands ungrouped). A browser's own Intl may lack our languages' units: Chromium on
 * Debian writes "1.4 MB" on a Georgian page that says "1,4 მეგაბაიტი" everywhere else.
 */
export interface FileSizePatterns {
  kilobytes: string;
  megabytes: string;
  decimal: string;
  group: string;
}

export function fileSizePatterns(language: Language): FileSizePatterns {
  const pattern = (megabytes: boolean) => {
    let text = "";
    let numberWritten = false;
    for (const part of fileSizeFormat(language, megabytes).formatToParts(1.5)) {
      if (part.type === "integer" || part.type === "decimal" || part.type === "fraction") {
        if (!numberWritten) text += "{n}";
        numberWritten = true;
      } else text += part.value;
    }
    return text;
  };
  const decimal = fileSizeFormat(language, true).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  const group = fileSizeFormat(language, false).formatToParts(1000).find((part) => part.type === "group")?.value ?? "";
  return { kilobytes: pattern(false), megabytes: pattern(true), decimal, group };
}
