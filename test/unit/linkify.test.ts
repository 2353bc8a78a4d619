import { describe, expect, it } from "vitest";
import { splitLinks } from "../../web/src/lib/linkify.ts";

const links = (text: string) =>
  splitLinks(text)
    .filter((part) => part.kind === "link")
    .map((part) => part.text);

describe("splitLinks", () => {
  it("turns http and https URLs into links and keeps the text around them", () => {
    expect(splitLinks("see https://example.org/a?b=1#c now")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.org/a?b=1#c", href: "https://example.org/a?b=1#c" },
      { kind: "text", text: " now" },
    ]);
    expect(links("http://a.example and HTTPS://B.example/x")).toEqual(["http://a.example", "HTTPS://B.example/x"]);
  });

  it("gives back the exact text when the parts are joined", () => {
    const text = "Try https://example.org/(x), then (https://example.org/y). Done!\nhttps://z.example.";
    expect(
      splitLinks(text)
        .map((part) => part.text)
        .join(""),
    ).toBe(text);
  });

  it("leaves sentence punctuation and unbalanced closing brackets outside the link", () => {
    expect(links("Read https://example.org/page.")).toEqual(["https://example.org/page"]);
    expect(links("Read https://example.org/page?!")).toEqual(["https://example.org/page"]);
    expect(links("(see https://example.org/page)")).toEqual(["https://example.org/page"]);
    expect(links("https://en.wikipedia.org/wiki/Mentor_(disambiguation), ok")).toEqual(["https://en.wikipedia.org/wiki/Mentor_(disambiguation)"]);
  });

  it("makes nothing else a link", () => {
    for (const text of [
      "example.org",
      "www.example.org",
      "mailto:a@example.org",
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://example.org",
      "a@example.org",
      "https://",
      "xhttps://example.org",
      "<https://",
    ]) {
      expect(links(text), text).toEqual([]);
    }
  });

  it("stops a URL at quotes and angle brackets, so markup-like text cannot smuggle an attribute in", () => {
    expect(links('"https://example.org/a"onclick=x')).toEqual(["https://example.org/a"]);
    expect(links("<https://example.org/b>")).toEqual(["https://example.org/b"]);
  });

  it("keeps a plain text part when there is no link", () => {
    expect(splitLinks("hello")).toEqual([{ kind: "text", text: "hello" }]);
    expect(splitLinks("")).toEqual([]);
  });
});
