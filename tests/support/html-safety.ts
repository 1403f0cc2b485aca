/**
 * What must never reach a reader's browser from content others wrote: the
 * check behind tests/integration/help-xss.test.ts and tests/unit/markdown.test.ts.
 */

/**
 * The one script every page carries: our own /ops.js in the head (browser
 * figures and client errors), with the page's nonce. Exactly this element is
 * set aside before checking; any other script is a problem.
 */
const OWN_SCRIPT = /<script defer="" nonce="[A-Za-z0-9+/=]+" src="\/ops\.js"(?: data-[a-z]+="[^"<>]*")*><\/script>/;

/** A page's HTML without our own /ops.js element, for checks that no other script got in. */
export const withoutOwnScript = (html: string) => html.replace(OWN_SCRIPT, "");

/** Beside /ops.js our pages send no script at all (ADR 004), so none may appear anywhere. */
const FORBIDDEN_ANYWHERE = /<\s*\/?\s*(script|iframe|object|embed|applet|base|frame|frameset|svg|math|bgsound|xss)\b/i;
/** Inside the page content: none of these either (the document head has its own stylesheet link). */
const FORBIDDEN_IN_CONTENT = /<\s*\/?\s*(style|link|meta|img|video|audio|source|marquee|input type="image")\b/i;
const HOSTILE_URL = /^(javascript|vbscript|data|livescript):/i;

const character = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd");

/** Attribute values as the browser reads them: numeric and the usual named entities decoded. */
function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => character(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => character(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Everything wrong in a piece of served HTML. Text `<` is always escaped by
 * React and by sanitize-html, so every literal `<` opens a real element: each
 * one's attributes are checked as a browser would read them.
 */
export function problemsIn(page: string, content: string): string[] {
  const html = withoutOwnScript(page);
  const problems: string[] = [];
  if (FORBIDDEN_ANYWHERE.test(html)) problems.push(`forbidden element: ${html.match(FORBIDDEN_ANYWHERE)![0]}`);
  if (FORBIDDEN_IN_CONTENT.test(content))
    problems.push(`forbidden element in content: ${content.match(FORBIDDEN_IN_CONTENT)![0]}`);
  for (const [tag, name, attributes = ""] of html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    for (const [, attribute = "", ...values] of attributes.matchAll(
      /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
    )) {
      const value = decodeEntities(values.find((v) => v !== undefined) ?? "").replace(/[\s\u0000-\u001f]/g, "");
      if (/^on/i.test(attribute)) problems.push(`event handler on <${name}>: ${tag}`);
      if (/^http-equiv$/i.test(attribute)) problems.push(`http-equiv on <${name}>: ${tag}`);
      if (/^(style|formaction|background|dynsrc|lowsrc|srcdoc)$/i.test(attribute))
        problems.push(`${attribute}= on <${name}>: ${tag}`);
      if (HOSTILE_URL.test(value)) problems.push(`hostile URL in ${attribute} of <${name}>: ${tag}`);
    }
  }
  return problems;
}
