import { useTranslation } from "react-i18next";
import { FormErrors, type FormState } from "~/components/form";
import { ReasonField } from "./fields";

interface ModerationFormProps<Action extends string> {
  title: string;
  reasonHint: string;
  state: FormState;
  /** The actions the post's or topic's state allows, in the order shown. */
  actions: readonly Action[];
  actionLabel: (action: Action) => string;
  /** What one page adds below the buttons (the topic's "move to"). */
  children?: React.ReactNode;
}

/**
 * A moderator's form on a post or a topic: one reason, which the author is
 * shown, and a submit button per action, each posting its own `intent`.
 */
export function ModerationForm<Action extends string>({
  title,
  reasonHint,
  state,
  actions,
  actionLabel,
  children,
}: ModerationFormProps<Action>) {
  const { t } = useTranslation("forum");
  return (
    <form method="post" className="max-w-prose space-y-4" noValidate>
      <h2 className="text-xl font-semibold">{title}</h2>
      <FormErrors state={state} />
      <ReasonField label={t("moderation.reason.label")} hint={reasonHint} state={state} />
      <div className="flex flex-wrap gap-3">
        {actions.map((action) => (
          <button key={action} type="submit" name="intent" value={action} className="button">
            {actionLabel(action)}
          </button>
        ))}
      </div>
      {children}
    </form>
  );
}
