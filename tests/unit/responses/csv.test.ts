import { describe, expect, it } from "vitest";
import { csvField, neutralised, toCsv } from "@/lib/responses/csv";
import { frontierCsvTable } from "@/lib/responses/frontierCsv";
import { METRICS } from "@/lib/science/metricRegistry";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

describe("CSV (RFC 4180)", () => {
  it("quotes a field with a comma, a quote, a line break or edge spaces, doubling quotes inside", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("α = −0.5 · ünïcode")).toBe("α = −0.5 · ünïcode");
  });

  it("writes numbers as JSON does, and nothing for a missing or non-finite value", () => {
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField(1e-7)).toBe("1e-7");
    expect(Number(csvField(1e-7))).toBe(1e-7);
    expect([
      csvField(null),
      csvField(undefined),
      csvField(Number.NaN),
      csvField(Number.POSITIVE_INFINITY),
    ]).toEqual(["", "", "", ""]);
  });

  it("ends every line, the header's too, with CRLF", () => {
    expect(
      toCsv({
        header: ["a", "b"],
        rows: [
          [1, "x,y"],
          [null, 2],
        ],
      }),
    ).toBe('a,b\r\n1,"x,y"\r\n,2\r\n');
    expect(toCsv({ header: ["only"], rows: [] })).toBe("only\r\n");
  });
});

describe("CSV cells a spreadsheet would run as formulas (OWASP)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "'\r=1"],
    ["-", "'-"],
    ["--flag", "'--flag"],
    ["-inf", "'-inf"],
  ])("prefixes %j with a quote", (text, safe) => {
    expect(neutralised(text)).toBe(safe);
  });

  it.each(["-0.5", "-12", "+3", "-1.2e-5", "-.5", "-12.5%", "0", "label = 1+1", "a@b", "α − 1", "'=1"])(
    "leaves %j as it is: a number, or a text no spreadsheet runs",
    (text) => {
      expect(neutralised(text)).toBe(text);
    },
  );

  it("quotes a neutralised field that needs it, and writes negative numbers as numbers", () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField("-0.25")).toBe("-0.25");
  });
});

describe("the frontier as CSV", () => {
  it("has one row per checkpoint and three columns per registry metric, with the JSON's numbers", () => {
    const data = makeFrontierFixture();
    const table = frontierCsvTable(data.slices.hard);
    expect(table.header).toHaveLength(5 + 3 * METRICS.length);
    expect(table.header.slice(5, 8)).toEqual(["solveRate", "solveRate_lower", "solveRate_upper"]);
    expect(table.rows).toHaveLength(data.slices.hard.points.length);
    const [first] = data.slices.hard.points;
    const row = table.rows[0];
    expect(row.slice(0, 5)).toEqual([first.alpha, first.kind, first.label, first.problems, first.samples]);
    const solve = first.metrics.solveRate;
    expect(row.slice(5, 8)).toEqual([solve.value, solve.lower, solve.upper]);
  });

  it("lists trained checkpoints after the α rows as reference rows with their coverage", () => {
    const data = makeFrontierFixture();
    const [first] = data.slices.hard.points;
    const trained = {
      label: "coverage 50%",
      coverage: 50,
      problems: 40,
      samples: 400,
      metrics: first.metrics,
    };
    const table = frontierCsvTable({ ...data.slices.hard, trained: [trained] });
    expect(table.header.at(-1)).toBe("coverage");
    expect(table.rows).toHaveLength(data.slices.hard.points.length + 1);
    expect(table.rows[0].at(-1)).toBeNull();
    const last = table.rows.at(-1) ?? [];
    expect(last.slice(0, 8)).toEqual([
      null,
      "trained",
      "coverage 50%",
      40,
      400,
      ...table.rows[0].slice(5, 8),
    ]);
    expect(last.at(-1)).toBe(50);
  });
});
