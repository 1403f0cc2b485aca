import { useTranslation } from "react-i18next";
import type { DataSaver } from "~/utils/data-saver.server";
import { Avatar } from "./avatar";
import { FormErrors, type FormState } from "./form";

/**
 * "My photo" and "Data saver", shown on /me and, after a refused upload, on
 * /me/photo (where the forms post). Plain multipart and url-encoded forms: no
 * JavaScript needed to upload.
 */

export interface PhotoSettingsProps {
  /** The member's own photo; null for accounts without a member record (platform staff). */
  photo: { memberId: string; givenName?: string; familyName?: string; hasPhoto?: boolean; photoVersion?: string } | null;
  dataSaver: DataSaver;
  /** What just happened, from the redirect after a POST. */
  status?: "saved" | "removed" | "dataSaverOn" | "dataSaverOff" | "dataSaverAuto" | null;
  state: FormState;
  heading: "h1" | "h2";
}

const ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif";

export function PhotoSettings({ photo, dataSaver, status, state, heading: Heading }: PhotoSettingsProps) {
  const { t } = useTranslation("me");
  const photoErrors = state.errors?.photo;
  const Sub = Heading === "h1" ? "h2" : "h3";
  return (
    <section id="photo" aria-labelledby="photo-title" className="space-y-4">
      <Heading id="photo-title" className={Heading === "h1" ? "text-2xl font-bold" : "text-xl font-semibold"}>
        {t("photos.title")}
      </Heading>
      {status ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`photos.status.${status}`)}
        </p>
      ) : null}
      {photo ? (
        <>
          <div className="flex items-center gap-4">
            <Avatar member={{ id: photo.memberId, ...photo }} size="small" showPhoto={!dataSaver.on} />
            <p className="text-sm text-stone-700">
              {!photo.hasPhoto ? t("photos.none") : dataSaver.on ? t("photos.hiddenByDataSaver") : t("photos.current")}
            </p>
          </div>
          <p>
            {t("photos.privacyNote")}{" "}
            <a className="link" href="/me/privacy">
              {t("photos.privacyLink")}
            </a>
          </p>
          <form method="post" action="/me/photo" encType="multipart/form-data" className="space-y-3">
            <input type="hidden" name="intent" value="upload" />
            <FormErrors state={state} />
            <div className="space-y-1">
              <label htmlFor="field-photo" className="block font-semibold">
                {t("photos.choose")}
              </label>
              <p id="field-photo-hint" className="text-sm text-stone-700">
                {t("photos.hint")}
              </p>
              <input
                id="field-photo"
                name="photo"
                type="file"
                accept={ACCEPT}
                required
                aria-invalid={photoErrors ? true : undefined}
                aria-describedby={photoErrors ? "field-photo-hint field-photo-error" : "field-photo-hint"}
                className="block w-full max-w-full text-sm file:mr-3 file:rounded file:border file:border-teal-800 file:bg-white file:px-3 file:py-2 file:font-semibold file:text-teal-900"
              />
              {photoErrors ? (
                <p id="field-photo-error" className="text-sm font-semibold text-red-800">
                  {photoErrors.map((key) => t(key)).join(" ")}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button">
              {t("photos.upload")}
            </button>
          </form>
          {photo.hasPhoto ? (
            <form method="post" action="/me/photo">
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="rounded border border-red-800 bg-white px-4 py-2 font-semibold text-red-800">
                {t("photos.remove")}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      <form method="post" action="/me/photo" className="space-y-2" aria-labelledby="data-saver-title">
        <Sub id="data-saver-title" className="text-lg font-semibold">
          {t("photos.dataSaver.title")}
        </Sub>
        <input type="hidden" name="intent" value="data-saver" />
        <p id="data-saver-hint" className="text-sm text-stone-700">
          {t("photos.dataSaver.hint")}
        </p>
        {dataSaver.fromBrowser ? <p className="text-sm text-stone-700">{t("common:dataSaver.fromBrowser")}</p> : null}
        <fieldset aria-describedby="data-saver-hint" className="space-y-1">
          <legend className="sr-only">{t("photos.dataSaver.title")}</legend>
          {(["auto", "on", "off"] as const).map((choice) => (
            <div key={choice} className="flex items-start gap-2">
              <input
                id={`data-saver-${choice}`}
                name="dataSaver"
                type="radio"
                value={choice}
                defaultChecked={dataSaver.choice === choice}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor={`data-saver-${choice}`}>{t(`photos.dataSaver.choices.${choice}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("photos.dataSaver.save")}
        </button>
      </form>
    </section>
  );
}
