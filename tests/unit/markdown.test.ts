import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { plainText, renderMarkdown } from "~/utils/markdown.server";
import { OWASP_XSS_PAYLOADS } from "../fixtures/owasp-xss-payloads";
import { problemsIn } from "../support/html-safety";

/** The one door help text goes through before anyone sees it (app/utils/markdown.server.ts). */
describe("renderMarkdown", () => {
  it("downgrades headings: the page title is the only h1", () => {
    const html = renderMarkdown("# Big\n\n## Section\n\n### Smaller");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>Big</h2>");
    expect(html).toContain("<h2>Section</h2>");
    expect(html).toContain("<h3>Smaller</h3>");
  });

  it("keeps paragraphs, lists, emphasis and code", () => {
    const html = renderMarkdown("Some **bold** and *soft* text.\n\n- one\n- two\n\n1. first\n\n`code`");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain("<ol>");
    expect(html).toContain("<code>code</code>");
  });

  it("gives outside links rel=noopener noreferrer nofollow, whatever the author wrote", () => {
    const html = renderMarkdown(
      '[Guide](https://example.org/guide) and <a href="https://example.org" rel="opener">raw</a>',
    );
    expect(html).toContain('<a href="https://example.org/guide" rel="noopener noreferrer nofollow">Guide</a>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">raw</a>');
    expect(html).not.toContain('rel="opener"');
  });

  it("leaves links inside the app alone and drops javascript: links", () => {
    expect(renderMarkdown("[Privacy](/me/privacy)")).toContain('<a href="/me/privacy">Privacy</a>');
    const html = renderMarkdown("[Click](javascript:alert(1))");
    expect(html).not.toMatch(/javascript:/i);
  });

  it("turns images into their alt text", () => {
    const html = renderMarkdown("Look: ![The privacy page](https://example.org/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("The privacy page");
    expect(html).not.toContain("example.org/p.png");
  });

  it("allows tables", () => {
    const html = renderMarkdown("| Field | Who sees it |\n| --- | :-: |\n| Phone | Leaders |");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Field</th>");
    expect(html).toMatch(/<td( align="center")?>Leaders<\/td>/);
  });

  it("removes scripts, event handlers and styles from raw HTML", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><p onclick="x()" style="color:red">Hi</p><iframe src="https://x"></iframe>',
    );
    expect(html).not.toMatch(/<script|onclick|style=|<iframe/i);
    expect(html).toContain("Hi");
  });
});

describe("plainText", () => {
  it("keeps only the words, as plain characters for React to escape", () => {
    expect(plainText("# Choosing **who** sees\n\nyour <b>details</b>")).toBe("Choosing who sees your details");
    expect(plainText("Q & A <script>alert(1)</script>")).toBe("Q & A");
    expect(plainText("5 < 6 and \"quotes\" aren't markup")).toBe("5 < 6 and \"quotes\" aren't markup");
    expect(plainText("the text &amp;lt; stays")).toBe("the text &lt; stays");
  });
});

describe("the OWASP XSS filter evasion vectors", () => {
  it("are checked by a check that sees what it should", () => {
    expect(problemsIn('<a href="jav&#x09;ascript:x">x</a>', "")).toHaveLength(1);
    expect(problemsIn('<p onclick="x" style="color:red">', "")).toHaveLength(2);
    expect(problemsIn("<script>", "")).toHaveLength(1);
  });

  it.each(OWASP_XSS_PAYLOADS.map((payload) => [payload]))("%s comes out harmless", (payload) => {
    for (const markdown of [payload, `Before\n\n${payload}\n\nafter`, `- ${payload}`, `> ${payload}`]) {
      const html = renderMarkdown(markdown);
      expect(problemsIn(html, html)).toEqual([]);
      const text = renderToStaticMarkup(createElement("p", null, plainText(markdown)));
      expect(problemsIn(text, text)).toEqual([]);
    }
  });
});
