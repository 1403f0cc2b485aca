import { useTranslation } from "react-i18next";
import { TextAreaField, type FormState } from "~/components/form";

/**
 * The two fields the forum's forms share, built on the shared form pieces so
 * hints, errors and kept input work as everywhere else: a post's text (new
 * topic, reply, edit) and a reason (a member's report, a moderator's action).
 */

/** The models cap a reason at the same length (REASON_MAX, moderation-access.server.ts). */
export const REPORT_REASON_MAX = 500;

interface PostBodyFieldProps {
  label: string;
  state: FormState;
  rows: number;
  /** BODY_MAX from the posting model, passed in so this component pulls in no server module. */
  maxLength: number;
  defaultValue?: string;
}

/** A post's text: Markdown, required, with the hint that says what Markdown does here. */
export function PostBodyField({ label, state, rows, maxLength, defaultValue }: PostBodyFieldProps) {
  const { t } = useTranslation("forum");
  return (
    <TextAreaField
      name="body"
      label={label}
      hint={t("markdownHint")}
      state={state}
      defaultValue={defaultValue}
      rows={rows}
      required
      maxLength={maxLength}
    />
  );
}

interface ReasonFieldProps {
  label: string;
  state: FormState;
  hint?: string;
  rows?: number;
  /** Several report forms share the topic page, so each needs its own id. */
  id?: string;
}

/** Why a post is reported, or why a moderator acted: plain text, short. */
export function ReasonField({ label, state, hint, rows = 3, id }: ReasonFieldProps) {
  return (
    <TextAreaField
      id={id}
      name="reason"
      label={label}
      hint={hint}
      state={state}
      rows={rows}
      maxLength={REPORT_REASON_MAX}
    />
  );
}
