/**
 * Resolves `path` against the directory of `fromFile` with forward slashes (pure, so the browser
 * can use it too). Absolute paths are returned as they are; `.` and `..` segments are folded.
 */
export function resolveRelativePath(fromFile: string, path: string): string {
  if (path.startsWith("/")) return normalize(path);
  const slash = fromFile.lastIndexOf("/");
  return normalize(slash === -1 ? path : `${fromFile.slice(0, slash + 1)}${path}`);
}

function normalize(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (segment !== ".." || !absolute) out.push(segment);
  }
  return (absolute ? "/" : "") + out.join("/");
}
