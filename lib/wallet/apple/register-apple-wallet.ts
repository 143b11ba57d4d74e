import "server-only";
import { registerWalletProvider } from "@/lib/wallet/wallet-service";
import { appleCertificates, appleSettings } from "./apple-certificates";
import { ApnsPusher } from "./apns";
import { appleWalletProvider } from "./apple-wallet-provider";

/**
 * Registers the Apple provider with the wallet service when Apple Wallet is
 * configured (the outbox worker calls this before it starts). Throws
 * AppleCertificateError when the certificates are wrong.
 */
export function registerAppleWallet(): boolean {
  const certificates = appleCertificates();
  const settings = appleSettings();
  if (!certificates || !settings) return false;
  registerWalletProvider(appleWalletProvider(new ApnsPusher({ certificates, host: settings.apnsHost, caPath: settings.apnsCaPath })));
  return true;
}
