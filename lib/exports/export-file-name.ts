/** The download's name: what it holds, for whom and when, in characters every file system takes. */
export function exportFileName(kind: "customers" | "transactions", merchantName: string, days: string[]): string {
  const slug =
    merchantName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "merchant";
  return [slug, kind, ...days].join("-") + ".csv";
}
