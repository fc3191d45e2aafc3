import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { topics } from "~/content/topics";
import { languages } from "~/i18n/languages";
import { namespaces } from "~/i18n/namespaces";

const localesDirectory = path.resolve(import.meta.dirname, "../../locales");

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function load(language: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(localesDirectory, language, `${namespace}.json`), "utf8"));
}

describe("UI strings", () => {
  it("every language has exactly the namespaces we load", () => {
    for (const language of languages) {
      const files = readdirSync(path.join(localesDirectory, language)).sort();
      expect(files, language).toEqual(namespaces.map((namespace) => `${namespace}.json`).sort());
    }
  });

  for (const namespace of namespaces) {
    it(`${namespace}: no key is missing or extra in any language`, () => {
      const reference = keysOf(load("en", namespace)).sort();
      for (const language of languages) {
        expect(keysOf(load(language, namespace)).sort(), `${language}/${namespace}.json`).toEqual(reference);
      }
    });
  }

  it("every value is a non-empty string", () => {
    for (const language of languages) {
      for (const namespace of namespaces) {
        const flat = (value: unknown, key: string): [string, unknown][] =>
          typeof value === "object" && value !== null ? Object.entries(value).flatMap(([k, v]) => flat(v, `${key}.${k}`)) : [[key, value]];
        for (const [key, value] of flat(load(language, namespace), `${language}/${namespace}`)) {
          expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
        }
      }
    }
  });

  it("plural keys come in the forms each language's plural rules use", () => {
    for (const language of languages) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const namespace of namespaces) {
        const keys = keysOf(load(language, namespace));
        const stems = new Set(keys.filter((key) => /_(zero|one|two|few|many|other)$/.test(key)).map((key) => key.replace(/_[a-z]+$/, "")));
        for (const stem of stems) {
          for (const category of categories) expect(keys, `${language}/${namespace}: ${stem}_${category}`).toContain(`${stem}_${category}`);
        }
      }
    }
  });

  it("every topic has a label in every language", () => {
    for (const language of languages) {
      expect(Object.keys(load(language, "topics")).sort(), language).toEqual([...topics].sort());
    }
  });
});
