/** The version of the email-consent text a customer agrees to; stored with their consent. */
export const CONSENT_TEXT_VERSION = "2026-01";
