import { refuseOtherMethods } from "@/lib/server/methods";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";

export const dynamic = "force-dynamic";

/** Per-problem n and pass of every checkpoint, as stored for the current version. */
export const GET = storedReadRoute(READS.matrix);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
