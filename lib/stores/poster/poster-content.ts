/**
 * What a store's QR poster says. The caller translates the texts (next-intl) and
 * picks the program's colours; the renderers only lay them out, so the SVG, the
 * PNG and the PDF of one poster always say the same thing.
 */
export type PosterContent = {
  merchantName: string;
  storeName: string;
  /** `<publicUrl>/join/<storeCode>`: what the QR encodes, also printed under it to be typed. */
  joinUrl: string;
  /** e.g. "Join our loyalty program". */
  headline: string;
  body: string;
  /** Three short steps, numbered by the poster. */
  steps: string[];
  footer: string;
  /** "#rrggbb" */
  backgroundColor: string;
  /** "#rrggbb" */
  foregroundColor: string;
  /** "#rrggbb" */
  accentColor: string;
};
