import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedView, SnapshotCreated } from "@/lib/contracts/sharing";
import type { Db } from "@/lib/db/client";
import { experimentTarget, listAuditEvents } from "@/lib/db/queries/audit";
import { localRequest as request } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { computeAllStatistics, importSeeded, seededSweepFiles } from "./statisticsSupport";

process.env.DATABASE_URL = testDatabaseUrl();
const experiment = await import("@/app/api/experiments/[slug]/route");
const { POST: postSnapshot } = await import("@/app/api/snapshots/route");
const { DELETE: deleteSnapshot } = await import("@/app/api/snapshots/[id]/route");
const views = await import("@/app/api/experiments/[slug]/views/route");
const oneView = await import("@/app/api/experiments/[slug]/views/[id]/route");
const { PUT: putOrder } = await import("@/app/api/experiments/[slug]/views/order/route");

const SLUG = "audit-writes";
let db: Db;

const slugContext = () => ({ params: Promise.resolve({ slug: SLUG }) });
const viewContext = (id: number) => ({ params: Promise.resolve({ slug: SLUG, id: String(id) }) });

async function actions(): Promise<[string, string][]> {
  const events = await listAuditEvents(db, { limit: 50, target: experimentTarget(SLUG) });
  return events.map(({ actor, action }) => [actor, action]);
}

describe("the audit trail of every write", () => {
  beforeAll(async () => {
    db = testDb();
    await truncateAll(db);
    await importSeeded(db, SLUG, seededSweepFiles([0, 1]));
    await computeAllStatistics(db);
  });
  afterAll(() => db.$disconnect());

  it("records metadata changes, snapshots and saved views with their actor, in their own transaction", async () => {
    const patched = await experiment.PATCH(
      request(`/api/experiments/${SLUG}`, "PATCH", { name: "Audited" }),
      slugContext(),
    );
    expect(patched.status).toBe(200);
    // A snapshot pins a version whose intervals are computed.
    await computeAllStatistics(db);

    const shared = await postSnapshot(
      request("/api/snapshots", "POST", { experiment: SLUG, page: "explorer", view: "" }),
    );
    expect(shared.status).toBe(201);
    const { id: snapshot } = (await shared.json()) as SnapshotCreated;
    expect(
      (
        await deleteSnapshot(request(`/api/snapshots/${snapshot}`, "DELETE"), {
          params: Promise.resolve({ id: snapshot }),
        })
      ).status,
    ).toBe(204);

    const save = (name: string) =>
      views.POST(
        request(`/api/experiments/${SLUG}/views`, "POST", { name, page: "explorer", view: "" }),
        slugContext(),
      );
    const first = (await (await save("first")).json()) as SavedView;
    const second = (await (await save("second")).json()) as SavedView;
    expect(
      (await oneView.PATCH(request("/x", "PATCH", { name: "renamed" }), viewContext(first.id))).status,
    ).toBe(200);
    expect((await putOrder(request("/x", "PUT", { ids: [second.id, first.id] }), slugContext())).status).toBe(
      200,
    );
    expect((await oneView.DELETE(request("/x", "DELETE"), viewContext(second.id))).status).toBe(204);

    // A refused write records nothing.
    expect((await oneView.DELETE(request("/x", "DELETE"), viewContext(second.id))).status).toBe(404);

    expect(await actions()).toEqual([
      ["local", "view.delete"],
      ["local", "view.reorder"],
      ["local", "view.rename"],
      ["local", "view.create"],
      ["local", "view.create"],
      ["local", "snapshot.delete"],
      ["local", "snapshot.create"],
      ["local", "experiment.update"],
      ["local", "experiment.import"],
    ]);
    const [, , rename, , , , , update, imported] = await listAuditEvents(db, {
      limit: 50,
      target: experimentTarget(SLUG),
    });
    expect(rename.summary).toBe(`Renamed saved view ${first.id} of "${SLUG}" to "renamed".`);
    expect(update.summary).toBe(`Changed name of "${SLUG}".`);
    expect(imported.summary).toBe(`Imported 2 file(s) into new experiment "${SLUG}": added α 0, 1.`);
  });

  it("names the shared write token's holder as `token`", async () => {
    process.env.ALPHASCOPE_WRITE_TOKEN = "audit-token-0123456789";
    try {
      const answer = await experiment.PATCH(
        request(
          `/api/experiments/${SLUG}`,
          "PATCH",
          { description: "by token" },
          {
            authorization: "Bearer audit-token-0123456789",
          },
        ),
        slugContext(),
      );
      expect(answer.status).toBe(200);
      expect((await actions())[0]).toEqual(["token", "experiment.update"]);
    } finally {
      delete process.env.ALPHASCOPE_WRITE_TOKEN;
    }
  });
});
