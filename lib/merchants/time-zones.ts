/**
 * The IANA time zones a merchant may choose: those this runtime knows
 * (Intl.supportedValuesOf lists canonical zones only; "UTC" is added because
 * it is valid everywhere though some runtimes leave it out). The settings
 * form lists them and the schema accepts nothing else.
 */
export const TIME_ZONES: readonly string[] = [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();

const known = new Set(TIME_ZONES);

export function isSupportedTimeZone(value: string): boolean {
  return known.has(value);
}
