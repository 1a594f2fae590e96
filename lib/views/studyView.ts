import type { CompareContext } from "./compareContext";
import { type CompareView, parseCompareView, serializeCompareView } from "./compareView";
import { type Presentable, withPresentation } from "./presentation";
import type { UrlViewDefinition } from "./urlView";

/**
 * A study's grid is a comparison of its experiments drawn one panel each: the same view (axes,
 * scales, slice, intervals, zoom, one shared α), read and written with the comparison's rules, but
 * without `experiments` in the URL (the study names them); presentation mode as on the explorer.
 */
export const studyViewDefinition: UrlViewDefinition<
  Presentable<CompareView>,
  CompareContext
> = withPresentation({
  parse: (params, context) => {
    const readable = new URLSearchParams(params);
    readable.delete("experiments");
    return parseCompareView(readable, context);
  },
  serialize: (view) => {
    const params = serializeCompareView(view);
    params.delete("experiments");
    return params;
  },
});
