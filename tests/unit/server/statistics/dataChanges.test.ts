import { describe, expect, it } from "vitest";
import type { Db } from "../../../../lib/db/client";
import { currentDataChange } from "../../../../lib/server/statistics/dataChanges";

/** A database handle whose data_changes queries answer when the test says, in the order sent. */
function heldDatabase() {
  const answers: ((changeId: string) => void)[] = [];
  const db = {
    $queryRawUnsafe: () =>
      new Promise<{ changeId: string }[]>((resolve) => answers.push((changeId) => resolve([{ changeId }]))),
  } as unknown as Db;
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { db, answers, flush };
}

describe("the shared check of data_changes", () => {
  it("never answers a read with a query sent before the read arrived", async () => {
    const { db, answers, flush } = heldDatabase();
    const first = currentDataChange(db);
    await flush();
    expect(answers).toHaveLength(1);
    // A commit happens now (say an import through another server), then two reads arrive: the
    // query on its way may have been read before that commit, so they wait for one sent after it.
    const second = currentDataChange(db);
    const third = currentDataChange(db);
    answers[0]("before");
    expect(await first).toBe("before");
    await flush();
    expect(answers).toHaveLength(2);
    answers[1]("after");
    expect(await second).toBe("after");
    expect(await third).toBe("after");
  });

  it("answers a burst of reads with two queries, not one each", async () => {
    const { db, answers, flush } = heldDatabase();
    const reads = Array.from({ length: 50 }, () => currentDataChange(db));
    await flush();
    expect(answers).toHaveLength(1);
    answers[0]("one");
    await flush();
    expect(answers).toHaveLength(2);
    answers[1]("two");
    expect(await Promise.all(reads)).toEqual(["one", ...Array(49).fill("two")]);
    // Nothing on its way any more: the next read sends its own query.
    const later = currentDataChange(db);
    await flush();
    expect(answers).toHaveLength(3);
    answers[2]("three");
    expect(await later).toBe("three");
  });
});
