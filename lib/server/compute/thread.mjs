// Entry of the compute pool's threads. The app runs its TypeScript through tsx (npm start, the CLI),
// and a worker thread starts without the parent's module hooks: register them, then load the task.
import { register } from "tsx/esm/api";

register();
const { default: compute } = await import("./thread.ts");

export default compute;
