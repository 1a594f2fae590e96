import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/responses/csv";
import { METRICS } from "@/lib/science/metricRegistry";
import { compareScoreCsvTable } from "@/lib/views/scoreCsv";

describe("the compare page's CSV", () => {
  it("writes an experiment name a spreadsheet would run as a formula as text, and α −0.5 as a number", () => {
    const csv = toCsv(
      compareScoreCsvTable(
        [
          { slug: "evil", name: '=HYPERLINK("http://evil.example","x")', readout: null },
          { slug: "sum", name: "=1+1", readout: null },
        ],
        [METRICS[0]],
        -0.5,
      ),
    );
    const [, first, second] = csv.split("\r\n");
    expect(first).toBe(
      `${METRICS[0].id},${METRICS[0].label},evil,"'=HYPERLINK(""http://evil.example"",""x"")",-0.5,none,,,`,
    );
    expect(second).toBe(`${METRICS[0].id},${METRICS[0].label},sum,'=1+1,-0.5,none,,,`);
  });
});
