import { formValues } from "~/utils/forms";
import { BODY_MAX } from "~/utils/help-content";
import { renderMarkdown } from "~/utils/markdown.server";
import { normalizeBody } from "~/models/help-editing-forms.server";

/**
 * The editor's "Preview" button: the form comes back as typed, with the
 * Markdown rendered exactly as the public page will render it (sanitized by
 * renderMarkdown). Nothing is saved, nothing is checked but the length.
 */
export function previewOf(form: FormData, extra: Record<string, unknown> = {}) {
  const values = formValues(form);
  const body = normalizeBody(typeof values.body === "string" ? values.body : "");
  const title = typeof values.title === "string" ? values.title.trim() : "";
  if (body.length > BODY_MAX) {
    return Response.json({ ...extra, errors: { body: ["staffHelp:errors.bodyTooLong"] }, values }, { status: 400 });
  }
  return Response.json({ ...extra, preview: { title, html: renderMarkdown(body) }, values });
}
