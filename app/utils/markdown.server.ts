import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by support staff, made safe to show to everyone. Markdown
 * may carry raw HTML, so what marked produces is passed through sanitize-html
 * with a short allowlist: text structure and links, nothing that runs or
 * styles (no scripts, event handlers, `javascript:` URLs, iframes, styles,
 * forms). Images become their alt text: help pages stay light on slow phones,
 * and the CSP would refuse pictures from elsewhere anyway.
 */

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
  ],
  // rel is set by the transform below, never taken from the author.
  allowedAttributes: {
    a: ["href", "title", "rel"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The page's own title is the one h1.
    h1: "h2",
    a: (tagName, { rel: _rel, ...attribs }) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? "")
        ? { ...attribs, rel: "noopener noreferrer nofollow" }
        : attribs,
    }),
    img: (_tagName, attribs) => ({
      tagName: "span",
      attribs: {},
      text: attribs.alt ?? "",
    }),
  },
  allowedClasses: {},
};

/** Markdown to sanitized HTML, ready for dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, SAFE);
}

/**
 * The words of Markdown, with no markup at all (titles, FAQ questions,
 * excerpts): plain characters for React to escape, never for innerHTML.
 * sanitize-html writes text escaped for HTML, so the few entities it
 * produces are turned back into the characters they stand for (`&amp;` last,
 * so `&amp;lt;` stays the text "&lt;").
 */
export function plainText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
