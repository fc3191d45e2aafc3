import { describe, expect, it } from "vitest";
import { kitFileOf, kitLinks, relativePath } from "~/offline/kit-paths";

describe("the classroom kit's files and links", () => {
  it("gives every page and PDF of the kit's language a file, and nothing else", () => {
    expect(kitFileOf("ka", "/ka/")).toBe("index.html");
    expect(kitFileOf("ka", "/ka")).toBe("index.html");
    expect(kitFileOf("ka", "/ka/lessons")).toBe("lessons/index.html");
    expect(kitFileOf("ka", "/ka/lessons/safe-online")).toBe("lessons/safe-online/index.html");
    expect(kitFileOf("ka", "/ka/lessons/safe-online/teacher")).toBe("lessons/safe-online/teacher/index.html");
    expect(kitFileOf("ka", "/ka/lessons/safe-online/plan.pdf")).toBe("lessons/safe-online/plan.pdf");
    expect(kitFileOf("ka", "/ka/books/teacher.pdf")).toBe("books/teacher.pdf");
    expect(kitFileOf("ka", "/ka/help")).toBe("help/index.html");
    for (const outside of ["/hy/lessons", "/ka/packs", "/ka/verify", "/ka/offline", "/ka/login", "/kaz/", "/ka/lessons/x/y"]) expect(kitFileOf("ka", outside), outside).toBeNull();
  });

  it("links files relatively, from any folder to any other", () => {
    expect(relativePath("index.html", "lessons/a/index.html")).toBe("lessons/a/index.html");
    expect(relativePath("lessons/a/index.html", "help/index.html")).toBe("../../help/index.html");
    expect(relativePath("lessons/a/teacher/index.html", "lessons/a/plan.pdf")).toBe("../plan.pdf");
    expect(relativePath("lessons/a/index.html", "lessons/a/teacher/index.html")).toBe("teacher/index.html");
    expect(relativePath("lessons/index.html", "assets/app.css")).toBe("../assets/app.css");
  });

  it("rewrites the portal's addresses in a page: its own to relative files, the rest to the portal online or nowhere", () => {
    const html =
      '<a href="/ka/lessons/safe-online#quiz">x</a><a href="/ka/help">h</a><a href="/ka/packs">p</a><a href="/en/">e</a>' +
      '<a href="/ka/lessons?topic=law">t</a><a href="#reading">r</a><a href="tel:112">112</a><a href="https://www.google.com/">g</a><form action="index.html#quiz"></form><a href="//evil.example/">e</a>';
    const online = kitLinks(html, { language: "ka", file: "lessons/a/teacher/index.html", origin: "https://lessons.example.ge" });
    expect(online).toContain('href="../../safe-online/index.html#quiz"');
    expect(online).toContain('href="../../../help/index.html"');
    expect(online).toContain('href="https://lessons.example.ge/ka/packs"');
    expect(online).toContain('href="https://lessons.example.ge/en/"');
    expect(online).toContain('href="https://lessons.example.ge/ka/lessons?topic=law"');
    for (const kept of ['href="#reading"', 'href="tel:112"', 'href="https://www.google.com/"', 'action="index.html#quiz"', 'href="//evil.example/"']) expect(online).toContain(kept);
    const withoutOrigin = kitLinks(html, { language: "ka", file: "index.html", origin: null });
    expect(withoutOrigin).toContain('<a href="#">p</a>');
    expect(withoutOrigin).not.toMatch(/href="\/(?!\/)/);
  });
});
