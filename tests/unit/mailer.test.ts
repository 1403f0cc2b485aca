import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Without SMTP_URL the mailer writes the message to the log, so a developer
 * can copy an invitation link; and the invitation e-mail itself, in both
 * languages. env.server.ts reads the environment once, so each test loads
 * the modules afresh after setting it.
 */

async function load(smtpUrl: string) {
  vi.stubEnv("SMTP_URL", smtpUrl);
  vi.resetModules();
  const { sendMail } = await import("~/utils/mailer.server");
  const { logger } = await import("~/utils/logger.server");
  const { invitationMail } = await import("~/models/invitation-mail.server");
  return { sendMail, logger, invitationMail };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("sendMail without SMTP_URL", () => {
  it("logs the recipient's domain and the links as mail_logged instead of sending, never the address or text", async () => {
    const { sendMail, logger } = await load("");
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const outcome = await sendMail({ to: "someone@example.org", subject: "Hello", text: "Open http://x/auth/login" });
    expect(outcome).toBe("logged");
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toEqual({
      event: "mail_logged",
      toDomain: "example.org",
      links: ["http://x/auth/login"],
    });
  });
});

describe("the invitation e-mail", () => {
  const input = {
    email: "new@example.org",
    churchName: "Grace <Fellowship> & Co",
    inviterName: "Cristina Villanueva",
    expiresOn: "2026-12-12",
    days: 14,
  };

  it("says it in English, then in Filipino, with the church, inviter, account, link and expiry", async () => {
    const { invitationMail } = await load("");
    const mail = await invitationMail(input);
    expect(mail.to).toBe("new@example.org");
    expect(mail.subject).toBe(
      "Invitation to Grace <Fellowship> & Co on Kapatiran / Imbitasyon sa Grace <Fellowship> & Co sa Kapatiran"
    );
    const english = mail.text.indexOf("Cristina Villanueva invited you to Grace <Fellowship> & Co");
    const filipino = mail.text.indexOf("Inimbitahan ka ni Cristina Villanueva sa Grace <Fellowship> & Co");
    expect(english).toBeGreaterThanOrEqual(0);
    expect(filipino).toBeGreaterThan(english);
    expect(mail.text).toContain("Google account new@example.org");
    expect(mail.text.match(/\/auth\/login/g)).toHaveLength(2);
    expect(mail.text).toContain("This invitation expires in 14 days (2026-12-12).");
    expect(mail.text).toContain("Mag-e-expire ang imbitasyong ito sa loob ng 14 araw (2026-12-12).");
  });

  it("escapes names in the HTML part", async () => {
    const { invitationMail } = await load("");
    const { html } = await invitationMail(input);
    expect(html).toContain("Grace &lt;Fellowship&gt; &amp; Co");
    expect(html).not.toContain("<Fellowship>");
    expect(html).toContain('<div lang="fil">');
  });
});
