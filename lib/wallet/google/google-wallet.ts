import "server-only";
import { auth, walletobjects_v1 } from "@googleapis/walletobjects";
import { getConfig } from "@/lib/config";
import { sharedSlots } from "@/lib/rate-limit/shared-slots";
import { readGoogleCredentials, type GoogleCredentials, type GoogleCredentialsState } from "./google-credentials";

/** Google allows 20 requests per second per issuer; staying under 15 leaves room for retries and network jitter. */
export const GOOGLE_REQUESTS_PER_SECOND = 15;

export type GoogleWallet = {
  credentials: GoogleCredentials;
  api: walletobjects_v1.Walletobjects;
  /** The app's public origin: the save link's `origins`, the logo's address. */
  publicUrl: string;
  /**
   * Runs one request to Google when the issuer's rate allows it: callers queue, first come first served,
   * across every app instance (the slots are kept in the database).
   */
  throttled<T>(request: () => Promise<T>): Promise<T>;
};

/**
 * The walletobjects client for the configured issuer. Requests authenticate with
 * a self-signed JWT (google-auth-library's JWT access with the wallet scope), so
 * no token endpoint is called and a test's fake server sees the same requests
 * as Google would. gaxios' own retries are off: the outbox retries with backoff,
 * and every request passes the limiter once.
 */
export function createGoogleWallet(
  credentials: GoogleCredentials,
  options: { publicUrl: string; requestsPerSecond?: number },
): GoogleWallet {
  const client = new auth.JWT({
    email: credentials.serviceAccountEmail,
    key: credentials.privateKeyPem,
    keyId: credentials.privateKeyId,
    scopes: ["https://www.googleapis.com/auth/wallet_object.issuer"],
  });
  client.useJWTAccessWithScope = true;
  const api = new walletobjects_v1.Walletobjects({ auth: client, rootUrl: credentials.apiRoot, retry: false });
  // One request per slot, slots evenly spaced (a little more than 1/rate apart): no window of one second, wherever
  // it starts, holds more than the rate, however many instances send.
  const spacingMs = Math.ceil(1000 / (options.requestsPerSecond ?? GOOGLE_REQUESTS_PER_SECOND)) + 1;
  const slots = sharedSlots(`slots:google-wallet:${credentials.issuerId}`, spacingMs);
  return {
    credentials,
    api,
    publicUrl: options.publicUrl,
    async throttled(request) {
      await slots.take();
      return request();
    },
  };
}

const globalForGoogle = globalThis as { __loyaltyGoogleWallet?: GoogleWallet | null; __loyaltyGoogleState?: GoogleCredentialsState };

/** Whether Google Wallet is off, misconfigured (with each problem) or ready, from the environment. */
export function googleWalletState(): GoogleCredentialsState {
  globalForGoogle.__loyaltyGoogleState ??= readGoogleCredentials(getConfig().google);
  return globalForGoogle.__loyaltyGoogleState;
}

/** The configured Google Wallet, or null when it is off or its settings are wrong (one per process). */
export function googleWallet(): GoogleWallet | null {
  if (globalForGoogle.__loyaltyGoogleWallet === undefined) {
    const state = googleWalletState();
    globalForGoogle.__loyaltyGoogleWallet =
      state.state === "ready" ? createGoogleWallet(state.credentials, { publicUrl: getConfig().publicUrl }) : null;
  }
  return globalForGoogle.__loyaltyGoogleWallet;
}

/** Tests: use this wallet (a fake server's root, a test key pair, a chosen rate) instead of the environment's. */
export function useGoogleWalletForTests(wallet: GoogleWallet | null): void {
  globalForGoogle.__loyaltyGoogleWallet = wallet;
  globalForGoogle.__loyaltyGoogleState = wallet ? { state: "ready", credentials: wallet.credentials } : { state: "off" };
}

/** An answer from Google that is not a success: its HTTP status (0 when no answer came) and Google's message. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly googleMessage: string,
    readonly operation: string,
  ) {
    super(`Google Wallet ${operation}: ${status === 0 ? "no answer" : `HTTP ${status}`}: ${googleMessage}`.slice(0, 1_000));
    this.name = "GoogleApiError";
  }

  /** No answer, 429 and 5xx are worth retrying later; any other refusal would be refused again (the outbox marks it dead at once). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The status and message of a failed walletobjects call (gaxios puts Google's JSON error in response.data). */
export function toGoogleApiError(error: unknown, operation: string): GoogleApiError {
  if (error instanceof GoogleApiError) return error;
  const response = (error as { response?: { status?: number; data?: unknown } } | null)?.response;
  const status = typeof response?.status === "number" ? response.status : 0;
  const data = response?.data as { error?: { message?: unknown } | string } | string | undefined;
  const message =
    typeof data === "object" && data && typeof data.error === "object" && typeof data.error.message === "string"
      ? data.error.message
      : typeof data === "object" && data && typeof data.error === "string"
        ? data.error
        : error instanceof Error
          ? error.message
          : String(error);
  return new GoogleApiError(status, message, operation);
}

/** Runs one throttled call and turns a failure into a GoogleApiError. */
export async function callGoogle<T>(wallet: GoogleWallet, operation: string, request: () => Promise<{ data: T }>): Promise<T> {
  try {
    const response = await wallet.throttled(request);
    return response.data;
  } catch (error) {
    throw toGoogleApiError(error, operation);
  }
}
