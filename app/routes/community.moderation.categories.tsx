import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState, type FormState } from "~/components/form";
import { ModerationNav } from "~/components/forum-moderation-nav";
import type { ForumCategory } from "~/db/schema-forum.server";
import {
  addCategoryForm,
  addCategory,
  changeCategory,
  DESCRIPTION_MAX,
  editCategoryForm,
  listAllCategories,
  NAME_MAX,
} from "~/models/forum/categories-admin.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * The forum's categories as staff manage them (`moderate:forum`): add, rename
 * in both languages, say what a category is for, move up or down, archive and
 * bring back. One plain form per change; a refused form comes back marked
 * with its intent and category, so its errors show in the right place.
 */

export const meta: MetaFunction = () => [{ title: "Forum categories · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

type Posted = FormState & { intent?: string; categoryId?: string };
/** A category as the loader's JSON carries it (dates as text). */
type CategoryRow = Omit<ForumCategory, "createdAt" | "archivedAt"> & { createdAt: string; archivedAt: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  return Response.json({ categories: await listAllCategories(staff) }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const categoryId = String(form.get("categoryId") ?? "");
  const notFound = () => new Response("Not Found", { status: 404 });
  if (intent === "add") {
    const result = parseForm(addCategoryForm, form);
    if (!result.ok) return invalid(result, { intent });
    const outcome = await addCategory(staff, result.data, meta);
    if (!outcome.ok) return Response.json({ intent, errors: "errors" in outcome ? outcome.errors : {}, values: formValues(form) }, { status: 400 });
    return redirect("/community/moderation/categories?done=added");
  }
  let outcome;
  if (intent === "save") {
    const result = parseForm(editCategoryForm, form);
    if (!result.ok) return invalid(result, { intent, categoryId });
    const { categoryId: id, ...details } = result.data;
    outcome = await changeCategory(staff, id, { details }, meta);
  } else if (intent === "up" || intent === "down") {
    outcome = await changeCategory(staff, categoryId, { move: intent }, meta);
  } else if (intent === "archive" || intent === "unarchive") {
    outcome = await changeCategory(staff, categoryId, { archived: intent === "archive" }, meta);
  } else {
    return Response.json({ intent, errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }
  if (!outcome.ok) throw notFound();
  return redirect(`/community/moderation/categories?done=${intent === "save" ? "saved" : intent}`);
}

function CategoryFields({ state, prefix, category }: { state: FormState; prefix: string; category?: CategoryRow }) {
  const { t } = useTranslation("forum");
  const checked = (name: "forQuestions" | "staffOnly") =>
    state.values ? state.values[name] === "on" : Boolean(category?.[name]);
  return (
    <>
      <TextField id={`${prefix}-nameEn`} name="nameEn" label={t("moderation.categories.nameEn")} state={state} defaultValue={category?.nameEn} maxLength={NAME_MAX} />
      <TextField id={`${prefix}-nameFil`} name="nameFil" label={t("moderation.categories.nameFil")} state={state} defaultValue={category?.nameFil ?? ""} maxLength={NAME_MAX} optional />
      <TextField id={`${prefix}-descriptionEn`} name="descriptionEn" label={t("moderation.categories.descriptionEn")} state={state} defaultValue={category?.descriptionEn ?? ""} maxLength={DESCRIPTION_MAX} optional />
      <TextField id={`${prefix}-descriptionFil`} name="descriptionFil" label={t("moderation.categories.descriptionFil")} state={state} defaultValue={category?.descriptionFil ?? ""} maxLength={DESCRIPTION_MAX} optional />
      {(["forQuestions", "staffOnly"] as const).map((name) => (
        <div key={name} className="flex items-start gap-2">
          <input id={`${prefix}-${name}`} type="checkbox" name={name} defaultChecked={checked(name)} className="mt-1 h-5 w-5 shrink-0" />
          <label htmlFor={`${prefix}-${name}`}>{t(`moderation.categories.${name}`)}</label>
        </div>
      ))}
    </>
  );
}

export default function ForumCategoriesPage() {
  const { categories } = useLoaderData<{ categories: CategoryRow[] }>();
  const { t } = useTranslation("forum");
  const posted = useFormState() as Posted;
  const done = useSearchParams()[0].get("done");
  const stateFor = (intent: string, categoryId?: string): FormState =>
    posted.intent === intent && (categoryId === undefined || posted.categoryId === categoryId) ? posted : {};
  return (
    <section aria-labelledby="categories-title" className="max-w-3xl space-y-6">
      <ModerationNav current="categories" />
      <h1 id="categories-title" className="text-2xl font-bold">
        {t("moderation.categories.title")}
      </h1>
      {done && ["added", "saved", "up", "down", "archive", "unarchive"].includes(done) ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`moderation.categories.done.${done}`)}
        </p>
      ) : null}
      {posted.intent && !["add", "save"].includes(posted.intent) ? <FormErrors state={posted} /> : null}
      <ol className="space-y-3">
        {categories.map((category) => (
          <li key={category.id} className="space-y-2 rounded border border-stone-300 p-3">
            <p className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-semibold break-words">{category.nameEn}</span>
              <span className="text-sm text-stone-700">/community/c/{category.slug}</span>
              {category.archivedAt ? <span className="text-sm font-semibold">{t("moderation.categories.archived")}</span> : null}
            </p>
            <form method="post" className="flex flex-wrap gap-2">
              <input type="hidden" name="categoryId" value={category.id} />
              {category.archivedAt
                ? [<button key="u" type="submit" name="intent" value="unarchive" className="button">{t("moderation.categories.unarchive")}</button>]
                : (["up", "down", "archive"] as const).map((intent) => (
                    <button key={intent} type="submit" name="intent" value={intent} className="button">
                      {t(`moderation.categories.${intent}`, { name: category.nameEn })}
                    </button>
                  ))}
            </form>
            <details open={posted.intent === "save" && posted.categoryId === category.id}>
              <summary className="cursor-pointer text-teal-900 underline">{t("moderation.categories.edit", { name: category.nameEn })}</summary>
              <form method="post" className="mt-2 space-y-3" noValidate>
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="categoryId" value={category.id} />
                <FormErrors state={stateFor("save", category.id)} />
                <CategoryFields state={stateFor("save", category.id)} prefix={`c-${category.id}`} category={category} />
                <button type="submit" className="button">
                  {t("moderation.categories.save")}
                </button>
              </form>
            </details>
          </li>
        ))}
      </ol>
      <section aria-labelledby="add-title" className="max-w-prose space-y-3">
        <h2 id="add-title" className="text-xl font-semibold">
          {t("moderation.categories.add")}
        </h2>
        <form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="add" />
          <FormErrors state={stateFor("add")} />
          <TextField id="new-slug" name="slug" label={t("moderation.categories.slug")} hint={t("moderation.categories.slugHint")} state={stateFor("add")} maxLength={40} />
          <CategoryFields state={stateFor("add")} prefix="new" />
          <button type="submit" className="button">
            {t("moderation.categories.addSubmit")}
          </button>
        </form>
      </section>
    </section>
  );
}
