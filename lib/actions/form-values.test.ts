import { describe, expect, it } from "vitest";
import { formValues } from "./form-values";

describe("formValues", () => {
  it("turns a form into the API's shape", () => {
    const form = new FormData();
    form.set("cardName", " Coffee card ");
    form.set("stampsTarget", "10");
    form.set("pointsPerEuro", "1,5");
    form.set("cooldownMinutes", "ten");
    form.set("requireStaffPin", "on");
    form.append("storeIds", "a");
    form.append("storeIds", "b");
    form.set("stampsRewardDescription", "   ");
    form.set("$ACTION_ID_123", "");
    expect(
      formValues(form, {
        numbers: ["stampsTarget", "pointsPerEuro", "cooldownMinutes"],
        booleans: ["requireStaffPin", "active"],
        lists: ["storeIds"],
      }),
    ).toEqual({
      cardName: " Coffee card ",
      stampsTarget: 10,
      pointsPerEuro: 1.5,
      cooldownMinutes: "ten",
      requireStaffPin: true,
      active: false,
      storeIds: ["a", "b"],
    });
  });
});
