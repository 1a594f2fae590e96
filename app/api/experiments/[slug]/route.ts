import { refuseOtherMethods } from "@/lib/server/methods";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";

export const dynamic = "force-dynamic";

/** The experiment's per-checkpoint scores, as stored for its current version (ETag: the version). */
export const GET = storedReadRoute(READS.detail);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
