import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

/** Where the journeys' app writes the emails it sends (no SMTP: lib/mail/create-mailer.ts writes .eml files). */
const MAIL_DIR = path.join("test-results", "e2e-data", "mail");

/** Undoes quoted-printable (soft line breaks, =XX bytes) so a link split over lines reads whole. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The readings of a raw message to search a link in: quoted-printable or base64, depending on its characters. */
function readings(raw: string): string[] {
  const base64Parts = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((match) =>
    Buffer.from(match[1]!.replace(/\s+/g, ""), "base64").toString("utf8"),
  );
  return [decodeQuotedPrintable(raw), ...base64Parts];
}

/**
 * The link under `/<pathSegment>/<token>` in the latest email sent to this
 * address, once the outbox worker has handed it to the mail transport.
 */
export async function linkInEmail(email: string, pathSegment: string): Promise<string> {
  const to = new RegExp(`^To: .*${email.replace(/[.+]/g, "\\$&")}`, "mi");
  const pattern = new RegExp(`https?://[^\\s"<>]+/${pathSegment}/[\\w-]{20,}`);
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((name) => name.endsWith(".eml")) : [];
        const sorted = files
          .map((name) => ({ name, time: fs.statSync(path.join(MAIL_DIR, name)).mtimeMs }))
          .sort((a, b) => a.time - b.time);
        for (const { name } of sorted) {
          const raw = fs.readFileSync(path.join(MAIL_DIR, name), "utf8");
          if (!to.test(raw)) continue;
          for (const text of readings(raw)) link = text.match(pattern)?.[0] ?? link;
        }
        return link;
      },
      { message: `an email to ${email} with a /${pathSegment}/ link in ${MAIL_DIR}`, timeout: 20_000 },
    )
    .toBeTruthy();
  return link!;
}

export type ReceivedMail = { subject: string; text: string; html: string; headers: Record<string, string> };

/**
 * Every email sent to this address so far, oldest first, parsed (subject,
 * both parts, headers by lower-case name); waits until at least `count` exist.
 */
export async function emailsTo(email: string, count = 1): Promise<ReceivedMail[]> {
  const { default: PostalMime } = await import("postal-mime");
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      async () => {
        const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((name) => name.endsWith(".eml")) : [];
        const parsed = await Promise.all(
          files.map(async (name) => ({
            time: fs.statSync(path.join(MAIL_DIR, name)).mtimeMs,
            mail: await PostalMime.parse(fs.readFileSync(path.join(MAIL_DIR, name))),
          })),
        );
        found = parsed
          .filter(({ mail }) => mail.to?.some((to) => to.address?.toLowerCase() === email.toLowerCase()))
          .sort((a, b) => a.time - b.time)
          .map(({ mail }) => ({
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: mail.html ?? "",
            headers: Object.fromEntries(mail.headers.map((header) => [header.key, header.value])),
          }));
        return found.length;
      },
      { message: `${count} email(s) to ${email} in ${MAIL_DIR}`, timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}
