/**
 * Splits one CSV line into fields (RFC 4180 quoting: `"a, b"`, `""` for a quote). Returns null
 * when a quoted field is not closed on this line: line breaks inside fields are not supported,
 * so that CSV can be streamed line by line.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const close = line.indexOf('"', j);
        if (close === -1) return null;
        value += line.slice(j, close);
        if (line[close + 1] === '"') {
          value += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      const comma = line.indexOf(",", j);
      const rest = comma === -1 ? line.slice(j) : line.slice(j, comma);
      fields.push(value + rest);
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      if (comma === -1) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
