import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { currentFault, faultInjectionAllowed, startFault, stopFault } from "~/ops/faults.server";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Fault drill · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "ops"] };
export const headers = memberPageHeaders;

/**
 * The test-only fault switch (ALLOW_FAULT_INJECTION, refused in production):
 * make a share of the requests under a path fail for some minutes, to watch
 * the error-rate alert fire and clear. Without the setting the page does not
 * exist (404) for anyone allowed to see operations.
 */

/** A whole number from 1 to `max`, typed into a text box: blank is "required", anything else wrong is `message`. */
const wholeNumber = (max: number, message: string) =>
  z
    .string({ required_error: "forms:required" })
    .trim()
    .min(1, "forms:required")
    .pipe(z.coerce.number({ invalid_type_error: message }).int(message).min(1, message).max(max, message));

const faultSchema = z.object({
  pathPrefix: z
    .string()
    .trim()
    .min(1, "forms:required")
    .max(200, "forms:tooLong")
    .regex(/^\/[^\s]*$/, "ops:faults.errors.path"),
  percent: wholeNumber(100, "ops:faults.errors.percent"),
  minutes: wholeNumber(60, "ops:faults.errors.minutes"),
});

async function requireFaultSwitch(request: Request) {
  const user = await requirePermission(request, "view:operations");
  if (!faultInjectionAllowed()) throw new Response("Not Found", { status: 404 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireFaultSwitch(request);
  const fault = currentFault();
  return Response.json(
    { fault: fault ? { ...fault, until: fault.until.toISOString() } : null },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireFaultSwitch(request);
  const form = await request.formData();
  if (form.get("intent") === "stop") {
    stopFault();
    context.logger.warn({ event: "fault_injection_stopped" }, "fault injection stopped");
    return redirect("/platform/ops/faults");
  }
  const result = parseForm(faultSchema, form);
  if (!result.ok) return invalid(result);
  const fault = startFault(result.data);
  context.logger.warn(
    { event: "fault_injection_started", pathPrefix: fault.pathPrefix, percent: fault.percent, until: fault.until.toISOString() },
    "fault injection started",
  );
  return redirect("/platform/ops/faults");
}

interface LoaderData {
  fault: { pathPrefix: string; percent: number; until: string } | null;
}

export default function FaultSwitch() {
  const { fault } = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t, i18n } = useTranslation("ops");
  const time = new Intl.DateTimeFormat(i18n.language === "fil" ? "fil-PH" : "en-GB", {
    timeStyle: "medium",
    timeZone: "UTC",
  });
  return (
    <section aria-labelledby="faults-title" className="max-w-prose space-y-6">
      <p>
        <a className="link" href="/platform/ops">
          {t("faults.back")}
        </a>
      </p>
      <h1 id="faults-title" className="text-2xl font-bold">
        {t("faults.title")}
      </h1>
      <p className="text-stone-700">{t("faults.lead")}</p>

      <div role="status" className="rounded border border-stone-300 bg-white p-3" data-fault={fault ? "on" : "off"}>
        {fault ? (
          <>
            <p className="font-semibold">
              {t("faults.active", { percent: fault.percent, path: fault.pathPrefix, until: time.format(new Date(fault.until)) })}
            </p>
            <form method="post" className="mt-2">
              <input type="hidden" name="intent" value="stop" />
              <button type="submit" className="button">
                {t("faults.stop")}
              </button>
            </form>
          </>
        ) : (
          <p>{t("faults.inactive")}</p>
        )}
      </div>

      <form method="post" noValidate className="space-y-4">
        <FormErrors state={state} />
        <input type="hidden" name="intent" value="start" />
        <TextField
          name="pathPrefix"
          label={t("faults.pathPrefix")}
          hint={t("faults.pathPrefixHint")}
          state={state}
          defaultValue="/"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          name="percent"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          label={t("faults.percent")}
          state={state}
          defaultValue="10"
          required
        />
        <TextField
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          label={t("faults.minutes")}
          state={state}
          defaultValue="5"
          required
        />
        <button type="submit" className="button">
          {t("faults.start")}
        </button>
      </form>
    </section>
  );
}
