import { expect, type Page } from "@playwright/test";

/** Sign in as a person would: the app's link, the provider's page, the e-mail, Continue. */
export async function signIn(page: Page, email: string) {
  await page.goto("/");
  const signInLink = page.getByRole("link", { name: "Sign in", exact: true });
  // Already signed in (the provider remembered the browser): sign out first.
  if (!(await signInLink.isVisible())) {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
  }
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in with Google");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}
