import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState, type FormState } from "~/components/form";
import { PlatformMaintenanceNav } from "~/components/platform-maintenance-nav";
import { readOnlyStateNow, setReadOnly, type ReadOnlyState } from "~/maintenance/read-only.server";
import { windowParts, zoneName } from "~/maintenance/window-text";
import { cancelWindow, scheduleSchema, scheduleWindow, upcomingWindows, type WindowView } from "~/maintenance/windows.server";
import { nextDateAt, windowHours } from "~/maintenance/zoned-time";
import { env } from "~/utils/env.server";
import { fields, formValues, invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Maintenance · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "maintenance"] };
export const headers = memberPageHeaders;

/**
 * Maintenance for platform administrators: the read-only switch (also
 * `npm run maintenance -- read-only on|off`) and the scheduled windows every
 * page announces. This page's own posts pass the read-only gate
 * (server/read-only.ts), or read-only mode could not be switched off here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:maintenance");
  const done = new URL(request.url).searchParams.get("done");
  const [readOnly, windows] = await Promise.all([readOnlyStateNow(), upcomingWindows()]);
  const hours = windowHours(env.MAINTENANCE_WINDOW);
  return Response.json(
    {
      readOnly,
      windows,
      timeZone: env.MAINTENANCE_TIME_ZONE,
      // The form offers the next usual window (tonight's, or tomorrow's once it has begun).
      defaults: { date: nextDateAt(hours.start, env.MAINTENANCE_TIME_ZONE), ...hours },
      done: ["on", "off", "scheduled", "cancelled"].includes(done ?? "") ? done : null,
    },
    { headers: memberPageHeaders() },
  );
}

const switchSchema = z.object({ reason: fields.optionalText(200) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:maintenance");
  const form = await request.formData();
  const intent = form.get("intent");
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };

  if (intent === "read-only-on" || intent === "read-only-off") {
    const result = parseForm(switchSchema, form);
    if (!result.ok) return invalid(result);
    const enabled = intent === "read-only-on";
    await setReadOnly({ enabled, reason: result.data.reason, changedBy: user.email, actorUserId: user.id }, meta);
    context.logger.info({ event: enabled ? "read_only_on" : "read_only_off", userId: user.id }, "read-only mode switched");
    return redirect(`/platform/maintenance?done=${enabled ? "on" : "off"}`);
  }
  if (intent === "schedule") {
    const result = parseForm(scheduleSchema, form);
    if (!result.ok) return invalid(result);
    const outcome = await scheduleWindow({ id: user.id, email: user.email }, result.data, meta);
    if (!outcome.ok) return Response.json({ errors: outcome.errors, values: formValues(form) }, { status: 400 });
    context.logger.info({ event: "maintenance_window_scheduled", windowId: outcome.window.id }, "maintenance window scheduled");
    return redirect("/platform/maintenance?done=scheduled");
  }
  if (intent === "cancel") {
    const id = z.string().uuid().safeParse(form.get("id"));
    if (!id.success || !(await cancelWindow({ id: user.id }, id.data, meta))) return refused("maintenance:errors.gone", { intent: "cancel" }, 404);
    context.logger.info({ event: "maintenance_window_cancelled", windowId: id.data }, "maintenance window cancelled");
    return redirect("/platform/maintenance?done=cancelled");
  }
  return refused("forms:choose");
}

interface LoaderData {
  readOnly: ReadOnlyState;
  windows: WindowView[];
  timeZone: string;
  defaults: { date: string; start: string; end: string };
  done: "on" | "off" | "scheduled" | "cancelled" | null;
}

const DONE = { on: "readOnly.switchedOn", off: "readOnly.switchedOff", scheduled: "windows.scheduled", cancelled: "windows.cancelled" } as const;

export default function PlatformMaintenance() {
  const { done } = useLoaderData<LoaderData>();
  const { t } = useTranslation("maintenance");
  const state = useFormState();
  const intent = state.values?.intent;
  const none: FormState = {};
  return (
    <section aria-labelledby="maintenance-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="maintenance-title" className="text-2xl font-bold">
          {t("maintenancePage.title")}
        </h1>
        <p className="text-stone-700">{t("maintenancePage.lead")}</p>
        <PlatformMaintenanceNav current="maintenance" />
      </div>
      {done ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`maintenancePage.${DONE[done]}`)}
        </p>
      ) : null}
      <ReadOnlySwitch state={intent === "read-only-on" || intent === "read-only-off" ? state : none} />
      <UpcomingWindows state={intent === "cancel" ? state : none} />
      <ScheduleForm state={intent === "schedule" ? state : none} />
    </section>
  );
}

function useMoment() {
  const { i18n } = useTranslation();
  return new Intl.DateTimeFormat(i18n.language === "fil" ? "fil-PH" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: useLoaderData<LoaderData>().timeZone,
  });
}

function ReadOnlySwitch({ state }: { state: FormState }) {
  const { readOnly } = useLoaderData<LoaderData>();
  const { t } = useTranslation("maintenance");
  const moment = useMoment();
  return (
    <section aria-labelledby="read-only-title" className="max-w-prose space-y-3">
      <h2 id="read-only-title" className="text-lg font-semibold">
        {t("maintenancePage.readOnly.title")}
      </h2>
      <p data-read-only={readOnly.enabled ? "on" : "off"} className={readOnly.enabled ? "font-semibold text-amber-950" : undefined}>
        {readOnly.enabled
          ? t("maintenancePage.readOnly.on", {
              at: readOnly.changedAt ? moment.format(new Date(readOnly.changedAt)) : "–",
              by: readOnly.changedBy ?? "–",
            })
          : t("maintenancePage.readOnly.off")}
      </p>
      <form method="post" noValidate className="space-y-3">
        <FormErrors state={state} />
        {readOnly.enabled ? (
          <button type="submit" name="intent" value="read-only-off" className="button">
            {t("maintenancePage.readOnly.turnOff")}
          </button>
        ) : (
          <>
            <TextField
              name="reason"
              label={t("maintenancePage.readOnly.reason")}
              hint={t("maintenancePage.readOnly.reasonHint")}
              state={state}
              maxLength={200}
              optional
            />
            <button type="submit" name="intent" value="read-only-on" className="button">
              {t("maintenancePage.readOnly.turnOn")}
            </button>
          </>
        )}
      </form>
      <p className="text-sm text-stone-700">
        <code className="wrap-anywhere">{t("maintenancePage.readOnly.command")}</code>
      </p>
    </section>
  );
}

function UpcomingWindows({ state }: { state: FormState }) {
  const { windows, timeZone } = useLoaderData<LoaderData>();
  const { t, i18n } = useTranslation("maintenance");
  const zone = zoneName(timeZone, t("philippineTime"));
  return (
    <section aria-labelledby="windows-title" className="space-y-3">
      <h2 id="windows-title" className="text-lg font-semibold">
        {t("maintenancePage.windows.title")}
      </h2>
      <FormErrors state={state} />
      {windows.length === 0 ? (
        <p>{t("maintenancePage.windows.none")}</p>
      ) : (
        <ul className="space-y-3">
          {windows.map((window) => {
            const parts = windowParts({ ...window, timeZone }, i18n.language);
            const note = i18n.language === "fil" && window.noteFil ? window.noteFil : window.noteEn;
            return (
              <li key={window.id} data-window={window.id} className="space-y-2 rounded border border-stone-300 bg-white p-3">
                <p className="font-semibold">
                  <time dateTime={window.startsAt}>
                    {parts.date}, {parts.start}–{parts.end}
                  </time>{" "}
                  ({zone})
                </p>
                {note ? <p className="wrap-anywhere">{note}</p> : null}
                <p className="text-sm text-stone-700 wrap-anywhere">
                  {t("maintenancePage.windows.by")}: {window.createdBy ?? "–"}
                </p>
                <form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="id" value={window.id} />
                  <button type="submit" className="link">
                    {t("maintenancePage.windows.cancel")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ScheduleForm({ state }: { state: FormState }) {
  const { defaults, timeZone } = useLoaderData<LoaderData>();
  const { t } = useTranslation("maintenance");
  return (
    <section aria-labelledby="schedule-title" className="max-w-prose space-y-3">
      <h2 id="schedule-title" className="text-lg font-semibold">
        {t("maintenancePage.schedule.title")}
      </h2>
      <p className="text-stone-700">{t("maintenancePage.schedule.lead", { zone: zoneName(timeZone, t("philippineTime")) })}</p>
      <form method="post" noValidate className="space-y-4">
        <input type="hidden" name="intent" value="schedule" />
        <FormErrors state={state} />
        <TextField
          name="date"
          type="date"
          label={t("maintenancePage.schedule.date")}
          hint={t("maintenancePage.schedule.dateHint")}
          state={state}
          defaultValue={defaults.date}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="start"
            type="time"
            label={t("maintenancePage.schedule.start")}
            state={state}
            defaultValue={defaults.start}
            required
          />
          <TextField
            name="end"
            type="time"
            label={t("maintenancePage.schedule.end")}
            hint={t("maintenancePage.schedule.timeHint")}
            state={state}
            defaultValue={defaults.end}
            required
          />
        </div>
        <TextField name="noteEn" label={t("maintenancePage.schedule.noteEn")} state={state} maxLength={500} optional />
        <TextField name="noteFil" label={t("maintenancePage.schedule.noteFil")} state={state} maxLength={500} optional />
        <button type="submit" className="button">
          {t("maintenancePage.schedule.submit")}
        </button>
      </form>
    </section>
  );
}
