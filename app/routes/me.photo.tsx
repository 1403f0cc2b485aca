import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { useFormState } from "~/components/form";
import { PhotoSettings, type PhotoSettingsProps } from "~/components/photo-settings";
import { myPhotoOf, PhotoRefused, readPhotoUpload, removeMyPhoto, saveMyPhoto } from "~/models/photos.server";
import { myMemberRecord } from "~/models/profile.server";
import { dataSaverChoiceOf, dataSaverCookie, dataSaverFor } from "~/utils/data-saver.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { safeRedirectPath } from "~/utils/safe-redirect";

/**
 * Where the photo and data-saver forms on /me post. The page itself shows the
 * same section again, which is what a refused upload comes back to (400 with
 * the reason next to the file field).
 */

export const meta: MetaFunction = () => [{ title: "My photo · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "me"], help: "editing-your-profile" };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = await myMemberRecord(user);
  return Response.json(
    { photo: record ? myPhotoOf(user, record) : null, dataSaver: dataSaverFor(request) },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const intent = form.get("intent");
    if (intent === "data-saver") {
      // A preference of this device, not of an account: no sign-in needed. The
      // switch in the page footer sends the visitor back where they were.
      const choice = dataSaverChoiceOf(form.get("dataSaver"));
      const status = { on: "dataSaverOn", off: "dataSaverOff", auto: "dataSaverAuto" }[choice];
      const back = form.has("redirectTo") ? safeRedirectPath(form.get("redirectTo")) : `/me?photo=${status}#photo`;
      return redirect(back, { headers: { "Set-Cookie": dataSaverCookie(choice) } });
    }
    if (intent === "remove") {
      const user = await requireUser(request);
      await removeMyPhoto(user, meta);
      return redirect("/me?photo=removed#photo");
    }
    throw new Response("Unknown action", { status: 400 });
  }
  const user = await requireUser(request);
  try {
    await saveMyPhoto(user, await readPhotoUpload(request), meta);
  } catch (error) {
    if (!(error instanceof PhotoRefused)) throw error;
    context.logger.info({ event: "photo_refused", problem: error.problem, userId: user.id }, "photo upload refused");
    return Response.json({ errors: { photo: [`me:photos.errors.${error.problem}`] } }, { status: 400, headers: memberPageHeaders() });
  }
  return redirect("/me?photo=saved#photo");
}

export default function MyPhotoPage() {
  const { photo, dataSaver } = useLoaderData<Pick<PhotoSettingsProps, "photo" | "dataSaver">>();
  const state = useFormState();
  const { t } = useTranslation("me");
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <p>
        <a className="link text-sm" href="/me">
          {t("photos.back")}
        </a>
      </p>
      <PhotoSettings photo={photo} dataSaver={dataSaver} state={state} heading="h1" />
    </div>
  );
}
