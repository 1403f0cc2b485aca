/**
 * Help text rendered from markdown (already sanitized on the server by
 * app/utils/markdown.server.ts). Tailwind's reset strips headings, lists and
 * link underlines, so they are given back here; links stay underlined, as
 * links inside text must be told apart by more than colour (WCAG 1.4.1).
 */
const PROSE = [
  "space-y-3 break-words text-stone-900",
  "[&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:mt-4 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_h4]:mt-3 [&_h4]:font-semibold",
  "[&_a]:text-teal-800 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-teal-950",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_li]:mt-1",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-800",
  "[&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-3",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse",
  "[&_td]:border [&_td]:border-stone-300 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-stone-300 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left",
  "[&_hr]:my-4 [&_hr]:border-stone-300",
].join(" ");

export function HelpProse({ html, id }: { html: string; id?: string }) {
  return <div id={id} className={PROSE} dangerouslySetInnerHTML={{ __html: html }} />;
}
