import { describe, expect, it } from "vitest";
import { exportFileName } from "./export-file-name";

describe("exportFileName", () => {
  it("names the merchant, the kind and the days in plain characters", () => {
    expect(exportFileName("transactions", "Boulangerie Schmit & Fils", ["2026-03-01", "2026-03-31"])).toBe(
      "boulangerie-schmit-fils-transactions-2026-03-01-2026-03-31.csv",
    );
    expect(exportFileName("customers", "Café Ënnen", ["2026-11-21"])).toBe("cafe-ennen-customers-2026-11-21.csv");
    expect(exportFileName("customers", "☕☕", [])).toBe("merchant-customers.csv");
  });
});
