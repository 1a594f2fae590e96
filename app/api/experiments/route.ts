import { experimentListAnswer } from "@/lib/server/experimentListRead";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * The experiment list (lib/server/experimentListRead.ts). Under `npm start`, scripts/serve.ts
 * answers GET and HEAD itself before Next's router, the same way; this route answers elsewhere
 * (`npm run dev`, tests calling the handler).
 */
export const GET = experimentListAnswer;

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
