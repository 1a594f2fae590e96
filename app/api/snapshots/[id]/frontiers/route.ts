import { refuseOtherMethods } from "@/lib/server/methods";
import { pinnedReadRoute } from "@/lib/server/sharing/pinnedReadRoute";
import { pinnedStudyFrontiers } from "@/lib/server/sharing/pinnedReads";

export const dynamic = "force-dynamic";

/** GET /api/snapshots/[id]/frontiers: a study snapshot's frontiers as pinned (the live study route's shape). */
export const GET = pinnedReadRoute(pinnedStudyFrontiers);

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
