// Tests import server modules directly; `server-only` only guards client bundles.
export {};
