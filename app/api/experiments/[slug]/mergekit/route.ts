import { mergekitQuerySchema } from "@/lib/contracts/exportSchemas";
import { mergekitRecipe } from "@/lib/responses/mergekitRecipe";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { derivedEtag, derivedResponse, storedFrontier } from "@/lib/server/exports/storedFrontier";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { recipeInput } from "@/lib/views/recipeInput";

export const dynamic = "force-dynamic";

/** A mergekit `linear` config that builds the model at α from the endpoint models, as YAML. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const { alpha, difficulty } = parseSearchParams(request, mergekitQuerySchema);
    const frontier = await storedFrontier(serverReadDb(), slug);
    return derivedResponse(
      request,
      derivedEtag(frontier, "mergekit"),
      () => mergekitRecipe(recipeInput(frontier.data, alpha, difficulty)),
      {
        "content-type": "text/yaml; charset=utf-8",
        "content-disposition": 'inline; filename="config.yml"',
      },
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
