// Students see only what is theirs: the fixture lesson's teacher instructions carry a hint and a key
// that the student page, the handout and the student book must never show, and the teacher page and
// the plan must. Its printables print as materials.pdf; a lesson without printables has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { extractPdf } from "../pdf/extract";
import { root, startServer, type ServerProcess } from "../support/server-process";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ LESSONS_DIR: path.join(root, "tests/fixtures/lessons/good") });
}, 60_000);
afterAll(() => server?.dispose());

const teacherOnly = ["Teacher's hint", "Key: the first and the third card"];
const studentTask = ["Write one word that you connect with this topic.", "Read the cards with your group and sort each one."];

async function text(path: string) {
  const response = await fetch(server.url + path);
  return { status: response.status, body: await response.text() };
}

async function pdfText(path: string) {
  const response = await fetch(server.url + path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await extractPdf(new Uint8Array(await response.arrayBuffer()));
  return { ...pdf, text: pdf.pages.join("\n").replace(/\s+/g, " ") };
}

describe("the student page and the handout", () => {
  it("show each activity's student task and none of the teacher's instructions", async () => {
    const { status, body } = await text("/en/lessons/sample-lesson");
    expect(status).toBe(200);
    for (const phrase of studentTask) expect(body).toContain(phrase);
    for (const phrase of teacherOnly) expect(body).not.toContain(phrase.replace("'", "&#x27;"));
    for (const phrase of teacherOnly) expect(body).not.toContain(phrase);
  });

  it("the handout PDF carries the student tasks, never the teacher's instructions", async () => {
    const handout = await pdfText("/en/lessons/sample-lesson/handout.pdf");
    for (const phrase of studentTask) expect(handout.text).toContain(phrase);
    for (const phrase of teacherOnly) expect(handout.text).not.toContain(phrase);
  });

  it("the student book carries none of the teacher's instructions either", async () => {
    const book = await pdfText("/en/books/student.pdf");
    expect(book.text).toContain(studentTask[0]);
    for (const phrase of teacherOnly) expect(book.text).not.toContain(phrase);
  });
});

describe("the teacher page and the lesson plan", () => {
  it("show the instructions, the student task, and the printables with a link to materials.pdf and its size", async () => {
    // The size is shown once the PDF is typeset (the page waits at most 1.5 s for it).
    await (await fetch(`${server.url}/en/lessons/sample-lesson/materials.pdf`)).arrayBuffer();
    const { body } = await text("/en/lessons/sample-lesson/teacher");
    expect(body).toContain("Teacher&#x27;s hint");
    expect(body).toContain("Key: the first and the third card");
    for (const phrase of studentTask) expect(body).toContain(phrase);
    expect(body).toContain('id="material-case-cards"');
    expect(body).toContain('<a href="#material-case-cards">case cards</a>');
    expect(body).toMatch(/<a href="\/en\/lessons\/sample-lesson\/materials\.pdf">Printable materials \(PDF, \d+(\.\d)? kB\)<\/a>/);
  });

  it("the plan carries instructions, student tasks, the reading and the discussion questions", async () => {
    const plan = await pdfText("/en/lessons/sample-lesson/plan.pdf");
    for (const phrase of [...teacherOnly, ...studentTask]) expect(plan.text).toContain(phrase);
    expect(plan.text).toContain("Human trafficking is a crime under Georgian law.");
    expect(plan.text).toContain("Why is a victim never to blame?");
  });
});

describe("materials.pdf", () => {
  it("prints the cards with their text and each sheet on a page of its own, in the page's language", async () => {
    const english = await pdfText("/en/lessons/sample-lesson/materials.pdf");
    expect(english.text).toContain("Nino, 19, is offered a job in another city.");
    expect(english.text).toContain("Cut along the dashed lines.");
    expect(english.pages.findIndex((page) => page.includes("Put the card here"))).toBe(english.pageCount - 1);
    const georgian = await pdfText("/ka/lessons/sample-lesson/materials.pdf");
    expect(georgian.text).toContain("ნინოს, 19, სამსახურს სთავაზობენ სხვა ქალაქში.");
  });

  it("answers 404 for a lesson without printables, and the teacher page links none", async () => {
    expect((await fetch(`${server.url}/ka/lessons/second-lesson/materials.pdf`)).status).toBe(404);
    expect((await text("/ka/lessons/second-lesson/teacher")).body).not.toContain("materials.pdf");
  });

  it("is a part of a pack, in the handouts' language, once whatever the copies", async () => {
    const pack = await pdfText("/ka/packs/pack.pdf?lessons=sample-lesson&parts=plan,materials&handouts=en&copies=3");
    expect(pack.text.match(/Nino, 19, is offered a job/g)).toHaveLength(1);
    expect(pack.text).toContain("ქმედება და მიზანი");
    // A lesson without printables adds none, and is no mistake beside one that has them.
    const mixed = await pdfText("/ka/packs/pack.pdf?lessons=second-lesson,sample-lesson&parts=materials&handouts=ka");
    expect(mixed.text.match(/ნინოს, 19, სამსახურს/g)).toHaveLength(1);
  });

  it("a pack of lessons without printables asks for another part, in the page's language", async () => {
    const response = await fetch(`${server.url}/en/packs/pack.pdf?lessons=second-lesson&parts=materials&handouts=ka`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("None of the chosen lessons has printable materials.");
  });
});
