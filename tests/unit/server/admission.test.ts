import { describe, expect, it } from "vitest";
import {
  AdmissionGate,
  type AdmissionSlot,
  admittedRequest,
  awayFromEventLoop,
  heavyReadAdmission,
  isHeavyRead,
  serverAdmission,
} from "@/lib/server/admission";

/** A gate whose admitted requests are recorded by name, with their slots to release. */
function recordingGate(concurrency: number, queue: number) {
  const gate = new AdmissionGate({ concurrency, queue });
  const started: string[] = [];
  const slots = new Map<string, AdmissionSlot>();
  const admit = (name: string) =>
    gate.admit((slot) => {
      started.push(name);
      slots.set(name, slot);
    });
  return { gate, started, slots, admit };
}

describe("AdmissionGate", () => {
  it("admits up to its concurrency at once, then the waiting ones in arrival order as places free", () => {
    const { gate, started, slots, admit } = recordingGate(2, 10);
    for (const name of ["a", "b", "c", "d"]) expect(admit(name)).toBe(true);
    expect(started).toEqual(["a", "b"]);
    expect(gate.counts).toEqual({ active: 2, waiting: 2 });
    slots.get("b")?.release();
    expect(started).toEqual(["a", "b", "c"]);
    slots.get("a")?.release();
    slots.get("c")?.release();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(gate.counts).toEqual({ active: 1, waiting: 0 });
    slots.get("d")?.release();
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it("refuses a request once `queue` are waiting, and a release frees exactly one place however often it is called", () => {
    const { gate, started, slots, admit } = recordingGate(1, 2);
    expect([admit("a"), admit("b"), admit("c"), admit("d")]).toEqual([true, true, true, false]);
    const a = slots.get("a");
    a?.release();
    a?.release();
    expect(started).toEqual(["a", "b"]);
    expect(gate.counts).toEqual({ active: 1, waiting: 1 });
  });

  it("frees the place while a request waits for another thread, and takes one back at once, even over the limit", async () => {
    const { gate, started, slots, admit } = recordingGate(1, 10);
    admit("a");
    admit("b");
    let finish: (value: number) => void = () => {};
    const work = new Promise<number>((resolve) => {
      finish = resolve;
    });
    const result = slots.get("a")?.away(() => work);
    expect(started).toEqual(["a", "b"]);
    admit("c");
    finish(42);
    expect(await result).toBe(42);
    // "a" is back beside "b" (two active with a limit of one); "c" waits until both are done.
    expect(gate.counts).toEqual({ active: 2, waiting: 1 });
    slots.get("b")?.release();
    expect(started).toEqual(["a", "b"]);
    slots.get("a")?.release();
    expect(started).toEqual(["a", "b", "c"]);
    slots.get("c")?.release();
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it("never deadlocks when the request holding the only place waits for work another request took away", async () => {
    const { gate, slots, admit } = recordingGate(1, 10);
    admit("renders");
    admit("waits for the same render");
    let finish: (png: string) => void = () => {};
    const render = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const shared = slots.get("renders")?.away(() => render);
    // The second request, admitted in the freed place, awaits the first one's render while holding it.
    const second = (async () => {
      const png = await shared;
      slots.get("waits for the same render")?.release();
      return png;
    })();
    finish("png");
    expect(await second).toBe("png");
    slots.get("renders")?.release();
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it("gives the place back at once when the request was released while away", async () => {
    const { gate, slots, admit } = recordingGate(1, 10);
    admit("a");
    const result = slots.get("a")?.away(async () => {
      slots.get("a")?.release();
      return "done";
    });
    expect(await result).toBe("done");
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it("keeps arrival order over many thousands of waiting requests", () => {
    const { started, slots, admit } = recordingGate(1, 10_000);
    for (let i = 0; i < 5000; i++) admit(String(i));
    for (let i = 0; i < 4999; i++) slots.get(String(i))?.release();
    expect(started).toHaveLength(5000);
    expect(started.every((name, i) => name === String(i))).toBe(true);
  });
});

describe("awayFromEventLoop", () => {
  it("runs the work in the current request's slot, and just runs it outside any request", async () => {
    expect(await awayFromEventLoop(async () => 1)).toBe(1);
    const { current } = serverAdmission();
    const { gate, slots, admit } = recordingGate(1, 10);
    admit("a");
    admit("b");
    const slot = slots.get("a");
    if (!slot) throw new Error("not admitted");
    const value = await current.run(slot, () =>
      awayFromEventLoop(async () => {
        // While "a" is away its place went to "b", which ends before "a" comes back.
        expect(slots.has("b")).toBe(true);
        slots.get("b")?.release();
        return 7;
      }),
    );
    expect(value).toBe(7);
    expect(gate.counts).toEqual({ active: 1, waiting: 0 });
  });
});

describe("admittedRequest", () => {
  it("lets the health check, the build's static files and uploads through without waiting", () => {
    expect(admittedRequest("GET", "/api/health")).toBe(false);
    expect(admittedRequest("GET", "/api/health?probe=1")).toBe(false);
    expect(admittedRequest("GET", "/_next/static/chunks/app.js")).toBe(false);
    expect(admittedRequest("POST", "/api/imports")).toBe(false);
    expect(admittedRequest("GET", "/api/imports")).toBe(true);
    expect(admittedRequest("GET", "/api/compare?experiments=a,b")).toBe(true);
    expect(admittedRequest("POST", "/api/snapshots/x/ensembles")).toBe(true);
    expect(admittedRequest("GET", "/experiments/demo")).toBe(true);
  });
});

describe("isHeavyRead", () => {
  it("bounds the reads of comparisons and matrices apart, and nothing else", () => {
    expect(isHeavyRead("GET", "/api/compare?experiments=a,b")).toBe(true);
    expect(isHeavyRead("HEAD", "/api/compare")).toBe(true);
    expect(isHeavyRead("GET", "/api/experiments/demo/matrix")).toBe(true);
    expect(isHeavyRead("GET", "/api/snapshots/abc/matrix")).toBe(true);
    expect(isHeavyRead("GET", "/api/snapshots/abc/frontiers")).toBe(true);
    expect(isHeavyRead("GET", "/api/studies/grid/frontiers")).toBe(true);
    expect(isHeavyRead("GET", "/api/experiments/demo")).toBe(false);
    expect(isHeavyRead("GET", "/api/experiments/demo/frontier")).toBe(false);
    expect(isHeavyRead("GET", "/api/experiments/matrix")).toBe(false);
    expect(isHeavyRead("GET", "/api/compare/other")).toBe(false);
    expect(isHeavyRead("POST", "/api/snapshots/abc/ensembles")).toBe(false);
    expect(isHeavyRead("DELETE", "/api/snapshots/abc/matrix")).toBe(false);
  });

  it("admits two heavy reads at a time by default and queues the rest", () => {
    const gate = heavyReadAdmission();
    expect(gate.limits).toEqual({ concurrency: 2, queue: 64 });
    expect(heavyReadAdmission()).toBe(gate);
  });
});
