import { refuseOtherMethods } from "@/lib/server/methods";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";

export const dynamic = "force-dynamic";

/** The explorer's data: "ready" with intervals, or "computing" with the points alone (ETag: version and which). */
export const GET = storedReadRoute(READS.frontier);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
