#!/usr/bin/env node
// The `alphascope` command (package.json "bin"): runs the TypeScript CLI through tsx, so the CLI
// shares its code with the server without a separate build.
import { register } from "tsx/esm/api";

register();
await import("../lib/cli/bin.ts");
