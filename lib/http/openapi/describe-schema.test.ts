import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeSchema } from "./describe-schema";

describe("describeSchema", () => {
  it("flattens nested objects and arrays, with types, requiredness and constraints", () => {
    const schema = z.toJSONSchema(
      z.object({
        storeId: z.uuid().meta({ description: "Where." }),
        limit: z.number().int().min(1).max(100).default(25),
        customer: z.object({ email: z.email().optional(), name: z.string().max(80) }),
        note: z.string().nullable(),
        tags: z.array(z.object({ label: z.string() })),
      }),
      { io: "input" },
    );
    expect(describeSchema(schema as never)).toEqual([
      { name: "storeId", type: "string (uuid)", required: true, description: "Where.", constraints: [] },
      { name: "limit", type: "integer", required: false, description: null, constraints: ["≥ 1", "≤ 100", "default 25"] },
      { name: "customer", type: "object", required: true, description: null, constraints: [] },
      { name: "customer.email", type: "string (email)", required: false, description: null, constraints: [] },
      { name: "customer.name", type: "string", required: true, description: null, constraints: ["≤ 80 chars"] },
      { name: "note", type: "string | null", required: true, description: null, constraints: [] },
      { name: "tags", type: "object[]", required: true, description: null, constraints: [] },
      { name: "tags[].label", type: "string", required: true, description: null, constraints: [] },
    ]);
  });
});
