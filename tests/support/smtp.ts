import { SMTPServer } from "smtp-server";
import { freePort } from "./redis";
import { decodeQuotedPrintable } from "./quoted-printable";

/*
 * A real SMTP server for one test file, and SMTP_URL pointing at it. Import
 * this FIRST in the test file: env.server.ts reads the environment once, when
 * the app's modules load (the Remix build loads later, in startTestServer).
 *
 * Mail to an address at `refused.example` is refused, to test what the app
 * does when its mail server says no.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent, headers and all. */
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes undone, to search in. */
  decoded: string;
}

export const inbox: ReceivedMail[] = [];


const server = new SMTPServer({
  authOptional: true,
  // Plain SMTP on loopback: no STARTTLS with a self-signed certificate to trip over.
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith("@refused.example")) {
      const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
      inbox.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, decoded: decodeQuotedPrintable(raw) });
      callback();
    });
  },
});

const port = await freePort();
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.MAIL_FROM = "Grace Test <invitations@kapatiran.test>";

/**
 * The first message to `address` that arrives within a few seconds; with
 * `about`, the first whose text holds it (an earlier test's mail, sent after
 * its response, may still be on its way).
 */
export async function mailTo(address: string, after = 0, about?: string): Promise<ReceivedMail> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const found = inbox.slice(after).find((mail) => mail.to.includes(address) && (about === undefined || mail.decoded.includes(about)));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No e-mail to ${address}${about === undefined ? "" : ` about "${about}"`} arrived`);
}

export function stopSmtp(): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
