// Entry of the preview-image thread. Like the compute pool's threads (lib/server/compute/thread.mjs),
// it starts without the parent's module hooks: register tsx, then load the renderer.
import { register } from "tsx/esm/api";

register();
const { default: render } = await import("./previewThread.ts");

export default render;
