/** WCAG relative luminance of a #rrggbb color (null when the text is not one). */
function luminance(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colors (1 to 21), or null when one is not a #rrggbb color. */
export function contrastRatio(first: string, second: string): number | null {
  const a = luminance(first);
  const b = luminance(second);
  if (a === null || b === null) return null;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Google Wallet picks dark or light text for the card's background itself: the same choice here. */
export function readableTextOn(background: string): "#ffffff" | "#1f1f1f" {
  const white = contrastRatio(background, "#ffffff") ?? 21;
  const dark = contrastRatio(background, "#1f1f1f") ?? 1;
  return white >= dark ? "#ffffff" : "#1f1f1f";
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}
