import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`signing in with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, locale: "en-US" });

    test("a member signs in, lands on the directory, and signs out for good", async ({ page, context }) => {
      await signIn(page, "member@grace.example");
      await expect(page).toHaveURL(/\/directory$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grace Fellowship (demo) directory");
      await expect(page.getByRole("listitem").first()).toBeVisible();

      const session = (await context.cookies()).find((c) => c.name === "kapatiran_session");
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");

      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

      // The old cookie, replayed, opens nothing.
      await context.addCookies([{ ...session!, expires: -1 }]);
      const response = await page.goto("/me");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in with Google");
      expect(response?.url()).toContain("/oidc/");
    });
  });
}

test("sign-in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/me");
  await page.getByLabel("Email").fill("leader@grace.example");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("Jericho Ramos")).toBeVisible();
  await expect(page.getByText("Group leader")).toBeVisible();
});

test("an uninvited Google account gets no session and a clear page", async ({ page, context }) => {
  await signIn(page, "stranger@example.com");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask your church administrator");
  expect((await context.cookies()).some((c) => c.name === "kapatiran_session")).toBe(false);
});

test("sign out everywhere ends the sessions on other devices", async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  for (const page of [onPhone, onLaptop]) {
    await signIn(page, "admin@grace.example");
    await expect(page).toHaveURL(/\/directory$/);
  }
  await onPhone.goto("/me");
  await onPhone.getByRole("button", { name: "Sign out everywhere" }).click();
  // The laptop's session is gone: /me sends it to sign in again. (Like Cognito's
  // hosted UI, the provider may still remember the browser and sign it straight back in.)
  const laptopMe = await onLaptop.request.get("/me", { maxRedirects: 0 });
  expect(laptopMe.status()).toBe(302);
  expect(laptopMe.headers().location).toBe("/auth/login?redirectTo=%2Fme");
  await phone.close();
  await laptop.close();
});

test("signed-in pages meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, "member@grace.example");
  for (const path of ["/directory", "/me", "/directory?lng=fil", "/me?lng=fil"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});
