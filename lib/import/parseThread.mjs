// Entry of the import's parse threads (lib/import/parsePool.ts). The CLI and the server run their
// TypeScript through tsx, and a worker thread starts without the parent's module hooks: register
// them, then load the thread's code.
import { register } from "tsx/esm/api";

register();
await import("./parseThread.ts");
