import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "./release-abort-reason-stacks";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Aborts a controller with an Error made in a frame whose closure holds a large buffer; gives a WeakRef to the buffer. */
function abortFromRender(controller: AbortController): WeakRef<Uint8Array> {
  const workingSet = new Uint8Array(8 * 1024 * 1024);
  const finish = function (this: { workingSet: Uint8Array }) {
    controller.abort(new Error(`This render completed (${this.workingSet.length} bytes).`));
  };
  finish.call({ workingSet });
  return new WeakRef(workingSet);
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

describe("abort reasons' stacks", () => {
  it("an unread abort reason keeps its frames' receivers alive; once installed, the reason's stack is read and they are freed", async () => {
    const before = new AbortController();
    const kept = abortFromRender(before);
    expect(await collected(kept)).toBe(false);

    releaseAbortReasonStacks();
    const after = new AbortController();
    const freed = abortFromRender(after);
    expect(await collected(freed)).toBe(true);
    expect(before.signal.aborted && after.signal.aborted).toBe(true);
  });

  it("changes nothing else: the reason, the event, a second abort, an abort without a reason, installing twice", () => {
    releaseAbortReasonStacks();
    releaseAbortReasonStacks();
    const controller = new AbortController();
    const events: unknown[] = [];
    controller.signal.addEventListener("abort", () => events.push(controller.signal.reason));
    const reason = new Error("done");
    controller.abort(reason);
    controller.abort(new Error("again"));
    expect(controller.signal.reason).toBe(reason);
    expect(events).toEqual([reason]);
    expect(reason.stack).toContain("Error: done");

    const bare = new AbortController();
    bare.abort();
    expect(bare.signal.reason).toBeInstanceOf(DOMException);
    expect((bare.signal.reason as DOMException).name).toBe("AbortError");

    const withValue = new AbortController();
    withValue.abort("a string");
    expect(withValue.signal.reason).toBe("a string");
  });
});
