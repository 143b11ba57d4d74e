import "server-only";
import apn from "@parse/node-apn";
import fs from "node:fs";
import type { AppleCertificates } from "./apple-certificates";

export type PushOutcome = { token: string; ok: true } | { token: string; ok: false; status: number | null; reason: string };

export type ApnsOptions = {
  certificates: Pick<AppleCertificates, "passTypeId" | "signerCertPem" | "signerKeyPem" | "signerKeyPassphrase">;
  /** Base URL of the push service; Apple's production one by default. */
  host?: string;
  /** A PEM certificate to trust, for a local test server. */
  caPath?: string;
};

/** APNs answers that mean the token is gone for good: the registration must be removed. */
export function isUnregistered(outcome: PushOutcome): boolean {
  return !outcome.ok && (outcome.status === 410 || outcome.reason === "Unregistered" || outcome.reason === "BadDeviceToken");
}

/**
 * Pushes "this pass changed" to devices through @parse/node-apn: certificate
 * authentication with the pass type certificate, topic = pass type id, an
 * empty payload (Wallet then asks the web service what changed). One HTTP/2
 * connection per process, reused.
 */
export class ApnsPusher {
  private readonly provider: apn.Provider;
  private readonly topic: string;

  constructor(options: ApnsOptions) {
    const url = new URL(options.host ?? "https://api.push.apple.com");
    this.topic = options.certificates.passTypeId;
    this.provider = new apn.Provider({
      cert: options.certificates.signerCertPem,
      key: options.certificates.signerKeyPem,
      passphrase: options.certificates.signerKeyPassphrase,
      // node-apn connects to https://<address>, and its `port` option (443 unless given) wins over a port in the address.
      address: url.hostname,
      port: Number(url.port || 443),
      production: url.hostname === "api.push.apple.com",
      ...(options.caPath ? { ca: [fs.readFileSync(options.caPath)] } : {}),
    });
  }

  async push(tokens: string[]): Promise<PushOutcome[]> {
    if (tokens.length === 0) return [];
    const note = new apn.Notification();
    note.topic = this.topic;
    note.rawPayload = {};
    const result = await this.provider.send(note, tokens);
    const outcomes: PushOutcome[] = result.sent.map((sent) => ({ token: sent.device, ok: true as const }));
    for (const failure of result.failed) {
      const response = failure.response as { reason?: string } | undefined;
      outcomes.push({
        token: failure.device,
        ok: false,
        status: failure.status ? Number(failure.status) : null,
        reason: response?.reason ?? (failure.error instanceof Error ? failure.error.message : "no answer"),
      });
    }
    return outcomes;
  }

  shutdown(): void {
    this.provider.shutdown();
  }
}
