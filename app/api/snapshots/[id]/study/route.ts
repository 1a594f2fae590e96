import { refuseOtherMethods } from "@/lib/server/methods";
import { pinnedReadRoute } from "@/lib/server/sharing/pinnedReadRoute";
import { pinnedStudy } from "@/lib/server/sharing/pinnedReads";

export const dynamic = "force-dynamic";

/** GET /api/snapshots/[id]/study: a study snapshot's grid as pinned (GET /api/studies/<slug>'s shape). */
export const GET = pinnedReadRoute(pinnedStudy);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
