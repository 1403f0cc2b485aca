import { useTranslation } from "react-i18next";
import { valueOf, type FormState } from "./form";

/**
 * Pieces shared by the requester's and the staff's ticket pages: the
 * conversation, a date as the church reads it, and the message box.
 */

export interface ThreadMessageView {
  id: string;
  fromStaff: boolean;
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** How ticket times read: in the church's time zone, in the reader's language. */
export function useTicketTime(timezone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(`${i18n.language}-PH`, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timezone,
  });
  return (iso) => format.format(new Date(iso));
}

/** A moment as a <time> element. */
export function TicketTime({ iso, timezone }: { iso: string; timezone: string }) {
  const when = useTicketTime(timezone);
  return <time dateTime={iso}>{when(iso)}</time>;
}

/**
 * The thread, oldest first. Staff replies are marked "Kapatiran support" for
 * everyone; staff see the colleague's name beside it.
 */
export function TicketThread({
  messages,
  timezone,
  headingId,
}: {
  messages: ThreadMessageView[];
  timezone: string;
  headingId: string;
}) {
  const { t } = useTranslation("support");
  return (
    <ol aria-labelledby={headingId} className="space-y-3">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`rounded border p-3 ${
            message.fromStaff ? "border-teal-800 bg-teal-50" : "border-stone-300 bg-white"
          }`}
        >
          <p className="flex flex-wrap gap-x-2 text-sm text-stone-800">
            <span className="font-semibold">
              {message.fromStaff
                ? message.authorName
                  ? `${t("ticket.support")} (${message.authorName})`
                  : t("ticket.support")
                : message.authorName ?? t("ticket.formerUser")}
            </span>
            <TicketTime iso={message.createdAt} timezone={timezone} />
          </p>
          {/* Plain text as written: line breaks kept, nothing interpreted as markup. */}
          <p className="mt-2 break-words whitespace-pre-wrap">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

interface MessageFieldProps {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  maxLength: number;
  rows?: number;
}

/** A labelled textarea that keeps what was typed and shows its errors, like TextField. */
export function MessageField({ name, label, state, hint, maxLength, rows = 6 }: MessageFieldProps) {
  const { t } = useTranslation("forms");
  const fieldId = `field-${name}`;
  const errors = state.errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, errors ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        required
        maxLength={maxLength}
        defaultValue={valueOf(state, name)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="w-full rounded border border-stone-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      {errors ? (
        <p id={`${fieldId}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A status line shown once the page has done what was asked. */
export function DoneMessage({ text }: { text: string }) {
  return (
    <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
      {text}
    </p>
  );
}
