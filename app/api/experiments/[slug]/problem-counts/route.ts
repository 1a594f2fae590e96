import { refuseOtherMethods } from "@/lib/server/methods";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";

export const dynamic = "force-dynamic";

/** Every problem with its sample and pass counts at every α, as stored for the current version. */
export const GET = storedReadRoute(READS.problems);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
